import Testing
@testable import CJMSyntax

/// A large file is read as pieces on all cores (`FilePieces`); the tree must be the one a
/// single reader makes, and a file with any problem must be reported by the single reader.
@Suite struct FilePiecesTests {
    private func whole(_ source: SourceFile, limits: Limits = .standard) -> ParseResult {
        source.utf8.withUnsafeBufferPointer { Parser.parseWhole(source, bytes: $0, limits: limits) }
    }

    private func halves(_ source: SourceFile, at line: Int) -> SyntaxFile? {
        pieces(source, at: [line])
    }

    private func pieces(_ source: SourceFile, at lines: [Int]) -> SyntaxFile? {
        source.utf8.withUnsafeBufferPointer { FilePieces.parse(source, bytes: $0, limits: .standard, splittingAtLines: lines) }
    }

    @Test func everySplitOfTheSpecExampleEitherMatchesOneReaderOrIsRefused() throws {
        let source = SourceFile(path: "spec.cjm", text: specExample)
        let expected = whole(source)
        #expect(expected.diagnostics.isEmpty)
        var accepted = 0
        for line in 2...source.lineStarts.count {
            guard let joined = halves(source, at: line) else { continue }
            #expect(joined == expected.syntax, "split before line \(line)")
            accepted += 1
        }
        // Every line that starts a statement of the journey's block is a clean split.
        let journey = try #require(elements(expected.syntax.statements).first)
        #expect(accepted >= journey.body?.statements.count ?? .max)
    }

    @Test func splitsInsideNestedBlocksOrListsAreRefused() {
        let text = """
        journey "J" {
          view v show: a,
            b
          pipeline p "P" {
            stage a
          }
        }
        """
        let source = SourceFile(path: "n.cjm", text: text)
        #expect(halves(source, at: 3) == nil)  // continues the list of line 2
        #expect(halves(source, at: 5) == nil)  // inside `pipeline`
        #expect(halves(source, at: 4) == whole(source).syntax)
    }

    @Test func aLargeJourneySplitsNearItsMiddleAndMatchesOneReader() throws {
        let source = SourceFile(path: "big.cjm", text: generatedJourney(bytes: 2_000_000))
        let split = try #require(FilePieces.splitLine(of: source))
        #expect(split > source.lineStarts.count / 3 && split < source.lineStarts.count * 2 / 3)
        let joined = source.utf8.withUnsafeBufferPointer { FilePieces.parse(source, bytes: $0, limits: .standard) }
        let expected = whole(source)
        #expect(joined != nil)
        #expect(joined == expected.syntax)
        let viaParser = Parser.parse(source)
        #expect(viaParser.syntax == expected.syntax && viaParser.diagnostics.isEmpty)
    }

    @Test func everyThreeWaySplitOfTheSpecExampleEitherMatchesOneReaderOrIsRefused() throws {
        let source = SourceFile(path: "spec.cjm", text: specExample)
        let expected = whole(source)
        let lines = source.lineStarts.count
        var accepted = 0
        for first in 2..<lines {
            for second in (first + 1)...lines {
                guard let joined = pieces(source, at: [first, second]) else { continue }
                #expect(joined == expected.syntax, "split before lines \(first) and \(second)")
                accepted += 1
            }
        }
        let journey = try #require(elements(expected.syntax.statements).first)
        let statements = journey.body?.statements.count ?? 0
        #expect(accepted >= statements * (statements - 1) / 2)
    }

    @Test func aMiddlePieceThatClosesTheHeadsBlockOrEndsInsideAnotherIsRefused() {
        let text = """
        journey "J" {
          crm c "C"
          pipeline p "P" {
            stage a
          }
          crm d "D"
        }
        """
        let source = SourceFile(path: "m.cjm", text: text)
        #expect(pieces(source, at: [2, 4]) == nil)  // the middle leaves `pipeline` open
        #expect(pieces(source, at: [2, 3, 6]) == whole(source).syntax)
        #expect(pieces(source, at: [6, 7]) == whole(source).syntax)  // the tail is the `}` alone
        let closing = SourceFile(path: "c.cjm", text: text + "\ncrm e \"E\"\n")
        #expect(pieces(closing, at: [6, 8]) == nil)  // the middle closes the journey
        #expect(pieces(closing, at: [6]) == whole(closing).syntax)
    }

    @Test func aLargeJourneyIsReadInManyPiecesAndMatchesOneReader() throws {
        let source = SourceFile(path: "big.cjm", text: generatedJourney(bytes: 2_000_000))
        let offsets = source.utf8.withUnsafeBufferPointer { FilePieces.splitOffsets(in: $0, pieces: 8) }
        #expect(offsets.count >= 6)
        #expect(offsets == offsets.sorted() && Set(offsets).count == offsets.count)
        let lines = offsets.map { offset in source.lineStarts.firstIndex(of: offset).map { $0 + 1 } }
        #expect(!lines.contains(nil), "every split is a line start")
        let joined = pieces(source, at: lines.compactMap { $0 })
        #expect(joined != nil)
        #expect(joined == whole(source).syntax)
    }

    /// The split search reads lines from the start and the middle only; it must pick the line
    /// a search over every line's start picks (the rule written out again here, on lines).
    @Test(arguments: [0, 1, 2, 3])
    func theSplitIsTheLineARuleOverEveryLinePicks(variant: Int) throws {
        var text = generatedJourney(bytes: 1_200_000)
        switch variant {
        case 1: text = text.replacingOccurrences(of: "\n", with: "\r\n")  // CRLF line ends
        case 2:
            // A list continued over many lines, and a comment, where the middle byte falls.
            let middle = text.utf8.index(text.startIndex, offsetBy: text.utf8.count / 2)
            let lineStart = text[..<middle].lastIndex(of: "\n").map { text.index(after: $0) } ?? middle
            let list = "  view v show: a,\n" + String(repeating: "    b,\n", count: 40) + "    c\n  # note\n"
            text.insert(contentsOf: list, at: lineStart)
        case 3: text += "\n\n\n"  // empty lines at the end
        default: break
        }
        let source = SourceFile(path: "rule.cjm", text: text)
        let expected = Self.splitLineOverAllLines(source)
        #expect(expected != nil)
        #expect(FilePieces.splitLine(of: source) == expected)
        let offset = source.utf8.withUnsafeBufferPointer(FilePieces.splitOffset(in:))
        #expect(offset == expected.map { source.lineStarts[$0 - 1] })
    }

    /// The split rule over the table of line starts (as `FilePieces` once computed it).
    private static func splitLineOverAllLines(_ source: SourceFile) -> Int? {
        let bytes = source.utf8, starts = source.lineStarts
        func content(_ line: Int) -> Range<Int> {
            let start = starts[line - 1]
            var end = line < starts.count ? starts[line] : bytes.count
            while end > start, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        func indentation(_ line: Int) -> Int {
            let range = content(line)
            var i = range.lowerBound
            while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i - range.lowerBound
        }
        func startsStatement(_ line: Int, indent: Int) -> Bool {
            let range = content(line)
            guard range.count > indent, indentation(line) == indent else { return false }
            let first = bytes[range.lowerBound + indent]
            return first >= 0x80 || first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
        }
        func ends(_ line: Int, with byte: UInt8) -> Bool {
            let range = content(line)
            return !range.isEmpty && bytes[range.upperBound - 1] == byte
        }
        guard let opener = (1...min(starts.count, 1_000)).first(where: { ends($0, with: UInt8(ascii: "{")) }),
              opener < starts.count,
              let first = (opener + 1...min(starts.count, opener + 1_000)).first(where: {
                  indentation($0) < content($0).count && bytes[content($0).lowerBound + indentation($0)] != UInt8(ascii: "#")
              })
        else { return nil }
        let indent = indentation(first)
        guard indent > 0 else { return nil }
        guard let middle = starts.firstIndex(where: { $0 >= bytes.count / 2 }).map({ $0 + 1 }), middle > first else { return nil }
        return (middle...min(starts.count, middle + 100_000)).first { startsStatement($0, indent: indent) && !ends($0 - 1, with: UInt8(ascii: ",")) }
    }

    /// A large file whose last line starts before its middle has no line to split at; it once
    /// made the split search run past the last line and trap.
    @Test func aLongLastLineLeavesNothingToSplitAt() {
        let text = "journey \"x\" {\n  crm a \"b\"\n  # " + String(repeating: "ж", count: 1_000_000)
        let source = SourceFile(path: "long.cjm", text: text)
        #expect(source.utf8.count >= FilePieces.minimumBytes)
        #expect(FilePieces.splitLine(of: source) == nil)
        #expect(Parser.parse(source).diagnostics.map(\.code) == [.unclosedBlock])
    }

    @Test func problemsInAnyPieceAreReportedAsOneReaderReportsThem() {
        let text = generatedJourney(bytes: 2_000_000)
        let early = text.replacingOccurrences(of: "pipeline p3 ", with: "pipeline p3 = ")
        var late = text
        late.removeLast(2)
        late += "  stage \"x\" = 5\n  view v show: a,\n}\n}\n"
        for broken in [early, late] {
            let source = SourceFile(path: "broken.cjm", text: broken)
            let parsed = Parser.parse(source)
            let expected = whole(source)
            #expect(!parsed.diagnostics.isEmpty)
            #expect(parsed.diagnostics == expected.diagnostics)
            #expect(parsed.syntax == expected.syntax)
        }
    }

    @Test func theStatementCapCountsEveryPiece() {
        let source = SourceFile(path: "big.cjm", text: generatedJourney(bytes: 2_000_000))
        let total = whole(source).syntax.statements.count  // at least one; the cap is on nested ones
        let all = countStatements(whole(source).syntax.statements)
        #expect(total == 1)
        let limits = Limits(maxElements: all - 10)
        let parsed = Parser.parse(source, limits: limits)
        #expect(parsed.diagnostics.map(\.code) == [.tooManyElements])
        #expect(parsed.diagnostics == whole(source, limits: limits).diagnostics)
    }

    private func countStatements(_ statements: [Statement]) -> Int {
        statements.reduce(0) { sum, statement in
            if case .element(let element) = statement { return sum + 1 + countStatements(element.body?.statements ?? []) }
            return sum + 1
        }
    }
}
