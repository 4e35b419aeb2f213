import Testing
@testable import CJMSyntax

@Suite struct SourceDecoderTests {
    private func decode(_ bytes: [UInt8], limits: Limits = .standard) -> Result<SourceFile, Diagnostic> {
        SourceDecoder.decode(path: "m.cjm", bytes: bytes, limits: limits)
    }

    @Test func decodesCyrillic() throws {
        let file = try decode(Array("journey \"Карта\"".utf8)).get()
        #expect(file.text == "journey \"Карта\"")
        #expect(file.path == "m.cjm")
    }

    @Test func stripsALeadingByteOrderMark() throws {
        let file = try decode([0xEF, 0xBB, 0xBF] + Array("crm x".utf8)).get()
        #expect(file.text == "crm x")
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty)
        #expect(result.syntax.statements.first.map { result.source.span($0.range).start } == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test func keepsCRLFAndReadsItsLines() throws {
        let file = try decode(Array("a\r\nбв\r\n".utf8)).get()
        #expect(file.lineStarts == [0, 3, 9])
        #expect(file.lineText(2) == "бв")
    }

    /// Classic Mac OS line ends: each lone CR ends a line (an LF in its place, so offsets keep
    /// pointing where they did), next to a CRLF that stays as written.
    @Test func readsALoneCarriageReturnAsALineEnd() throws {
        let bytes = Array("journey \"Т\" {\r  crm x\r\n  channel c kind: phone\r}".utf8)
        let file = try decode(bytes).get()
        #expect(file.utf8.count == bytes.count)
        #expect(file.lineStarts.count == 4)
        #expect(file.lineText(3) == "  channel c kind: phone")
        #expect(file.utf8.filter { $0 == UInt8(ascii: "\r") }.count == 1)
        let result = Parser.parse(file)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test func invalidUTF8ReportsLineAndColumnOfFirstBadByte() throws {
        // Line 2 has three Cyrillic letters (6 bytes) before the bad byte: column 4, not 7.
        let bytes = Array("journey\nабв".utf8) + [0xFF] + Array("г\n".utf8)
        guard case .failure(let diagnostic) = decode(bytes) else {
            Issue.record("invalid UTF-8 must not decode")
            return
        }
        #expect(diagnostic.code == .invalidUTF8)
        #expect(diagnostic.range.start == SourceLocation(line: 2, column: 4, offset: 14))
        #expect(diagnostic.message.contains("0xFF"))
        #expect(diagnostic.message.contains("Windows-1251"))
    }

    @Test func windows1251TextIsRejected() {
        // "Лид" in Windows-1251.
        guard case .failure(let diagnostic) = decode([0xCB, 0xE8, 0xE4]) else {
            Issue.record("Windows-1251 must not decode as UTF-8")
            return
        }
        #expect(diagnostic.range.start.line == 1 && diagnostic.range.start.column == 1)
    }

    @Test(arguments: [
        [0xC0, 0x80] as [UInt8],       // overlong NUL
        [0xE0, 0x80, 0x80],            // overlong
        [0xED, 0xA0, 0x80],            // a UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],      // above U+10FFFF
        [0xE2, 0x82],                  // cut short at the end
        [0x80],                        // continuation byte on its own
    ])
    func malformedSequencesAreRejected(bytes: [UInt8]) {
        guard case .failure(let diagnostic) = decode(Array("ok ".utf8) + bytes) else {
            Issue.record("\(bytes) must not decode")
            return
        }
        #expect(diagnostic.range.start.column == 4)
    }

    @Test func utf16GetsItsOwnHint() {
        guard case .failure(let diagnostic) = decode([0xFF, 0xFE, 0x6A, 0x00]) else {
            Issue.record("UTF-16 must not decode")
            return
        }
        #expect(diagnostic.message.contains("UTF-16"))
    }

    @Test func fileOverTheCapIsRefusedStatingTheCap() {
        guard case .failure(let diagnostic) = decode(Array(repeating: 0x20, count: 2049), limits: Limits(maxFileBytes: 2048)) else {
            Issue.record("an oversized file must be refused")
            return
        }
        #expect(diagnostic.code == .fileTooLarge)
        #expect(diagnostic.message == "the file is 2049 bytes; the limit is 2048 bytes")
    }

    @Test func standardCapAdmitsFiftyMegabytes() {
        #expect(Limits.standard.maxFileBytes >= 50_000_000)
    }

    @Test func emptyFileDecodes() throws {
        let file = try decode([]).get()
        #expect(file.text.isEmpty)
        #expect(file.lineText(1) == "")
    }
}

/// The validator's eight-byte short cut must agree with the standard library's strict decoder on
/// every mix of ASCII, two-, three- and four-byte forms and bad bytes, at every alignment.
@Suite struct UTF8ShortCutTests {
    /// The offset of the first ill-formed byte by `Unicode.UTF8.ForwardParser`.
    private func reference(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    @Test func agreesWithTheStandardDecoderOnMixedText() {
        // Pieces chosen to straddle word boundaries: pairs, a lone lead or continuation, the
        // overlong leads C0/C1, three- and four-byte forms and the surrogate range.
        let pieces: [[UInt8]] = [
            Array("a".utf8), Array("Ж".utf8), Array("ё".utf8), Array("ß".utf8), Array("→".utf8), Array("😀".utf8),
            [0xD0], [0x90], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80], [0xDF, 0xBF], [0xED, 0xA0, 0x80], [0xF5], [0xFF],
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 1...24, using: &generator) {
                bytes += pieces[Int.random(in: 0..<(Bool.random(using: &generator) ? 4 : pieces.count), using: &generator)]
            }
            let found = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) }
            #expect(found == reference(bytes), "\(bytes.map { String($0, radix: 16) })")
        }
    }

    @Test func takesWholePairsAndLeavesASplitOneToTheNextWord() {
        func prefix(_ bytes: [UInt8]) -> Int {
            bytes.withUnsafeBytes { TwoByteText.wellFormedPrefix($0.loadUnaligned(as: UInt64.self)) }
        }
        #expect(prefix(Array("abcdefgh".utf8)) == 8)
        #expect(prefix(Array("Жабвгд".utf8.prefix(8))) == 8)
        #expect(prefix(Array("a Жёb".utf8) + [0xD0]) == 7)
        #expect(prefix([0x90] + Array("abcdefg".utf8)) == 0)
        #expect(prefix(Array("ab".utf8) + [0xC1, 0x81] + Array("cdef".utf8)) == 0)
        #expect(prefix(Array("ab→def".utf8)) == 0)
    }
}

/// Line starts are every `\n`'s next offset, found with memchr.
@Suite struct LineStartTests {
    @Test func everyLineStartIsFound() {
        let bytes = Array(String(repeating: "stage s \"Этап\"\n  ", count: 7_000).utf8) + Array("\n\n".utf8)
        let naive = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        #expect(SourceFile(path: "l.cjm", text: String(decoding: bytes, as: UTF8.self)).lineStarts == naive)
    }
}
