import Testing
@testable import CJMSyntax

/// Inputs meant to hurt: each must end in a clear result or error, without overflowing the
/// stack. Their speed is measured in benchmarks/, not asserted here; the time limit only turns
/// a hang (an unbounded loop) into a failure instead of a stuck suite, and is far above what
/// any of them takes even in a debug build on a loaded machine.
@Suite(.timeLimit(.minutes(2))) struct HostileInputTests {
    private func decodeAndParse(_ bytes: [UInt8], limits: Limits = .standard) -> (ParseResult?, Diagnostic?) {
        switch SourceDecoder.decode(path: "h.cjm", bytes: bytes, limits: limits) {
        case .success(let file): (Parser.parse(file, limits: limits), nil)
        case .failure(let diagnostic): (nil, diagnostic)
        }
    }

    @Test func emptyFile() {
        let (result, failure) = decodeAndParse([])
        #expect(failure == nil)
        #expect(result?.diagnostics.isEmpty == true)
        #expect(result?.syntax.statements.isEmpty == true)
    }

    @Test func fileOfNULBytes() {
        let result: ParseResult? = decodeAndParse([UInt8](repeating: 0, count: 1 << 20)).0
        #expect(result.map { locations($0.diagnostics) } == ["E002@1:1"])
        #expect(result?.diagnostics.first?.message == "unexpected character U+0000 (1048576 in a row)")
    }

    @Test func twentyThousandDeepNestClosed() throws {
        let text = String(repeating: "a { ", count: 20_000) + String(repeating: "} ", count: 20_000) + "\nz"
        let result: ParseResult? = parse(text)
        let parsed = try #require(result)
        #expect(locations(parsed.diagnostics) == ["E013@1:259"])
        #expect(elements(parsed.syntax.statements).map(\.keyword.name) == ["a", "z"])
        // The tree stops at the cap.
        var depth = 0
        var level = parsed.syntax.statements
        while case .element(let e)? = level.first, let body = e.body {
            depth += 1
            level = body.statements
        }
        #expect(depth == Limits.standard.maxNestingDepth + 1)
    }

    @Test func twentyThousandDeepNestNeverClosed() throws {
        let text = String(repeating: "a {\n", count: 20_000)
        let result: ParseResult? = parse(text)
        let parsed = try #require(result)
        #expect(parsed.diagnostics.count == Limits.standard.maxErrors)
        // In reading order: the unclosed blocks of the first lines, then the cap at line 65.
        #expect(locations(Array(parsed.diagnostics.prefix(2))) == ["E011@1:3", "E011@2:3"])
        #expect(locations(parsed.diagnostics).last == "E013@65:3")
        #expect(parsed.diagnostics.last?.notes.first?.message == "15 more problems were found but not shown; the limit is 50 per run")
    }

    @Test func megabyteSingleLine() {
        // 1 MB of statements on one line: columns must be counted once, not once per token.
        let line = String(repeating: "phase этап \"Этап\"; ", count: 40_000)
        #expect(line.utf8.count > 1_000_000)
        let result: ParseResult? = parse(line + "phase x ,")
        #expect(result?.syntax.statements.count == 40_001)
        // The error after a million bytes of Cyrillic is at its scalar column.
        #expect(result.map { locations($0.diagnostics) } == ["E010@1:\(line.unicodeScalars.count + 9)"])
    }

    @Test func megabyteLabel() {
        let text = "page p \"" + String(repeating: "ж", count: 1 << 20) + "\""
        let result: ParseResult? = decodeAndParse(Array(text.utf8)).0
        #expect(result.map { locations($0.diagnostics) } == ["E014@1:8"])
        #expect(result?.diagnostics.first?.message == "this string is 1048576 characters long; the limit is 4000")
    }

    @Test func invalidUTF8DeepInALargeFile() {
        let good = generatedJourney(bytes: 1 << 20)
        let lines = good.split(separator: "\n", omittingEmptySubsequences: false).count
        let bytes = Array(good.utf8) + Array("  stage x \"Сч".utf8) + [0xD1] + Array("\"\n".utf8)
        let (result, failure) = decodeAndParse(bytes)
        #expect(result == nil)
        #expect(failure?.code == .invalidUTF8)
        #expect(failure?.range.start.line == lines)
        #expect(failure?.range.start.column == 14)
    }

    @Test func largeGeneratedJourney() throws {
        let text = generatedJourney(bytes: 4 << 20)
        let result: ParseResult? = decodeAndParse(Array(text.utf8)).0
        let parsed = try #require(result)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.prefix(3))")
        let journey = try #require(elements(parsed.syntax.statements).first)
        let children = try #require(journey.body).statements
        #expect(children.count > 1000)
        #expect(edges(children).allSatisfy { $0.targets.count == 2 })
    }

    @Test func manyStrayBracesStayWithinTheErrorCap() {
        let result = parse(String(repeating: "}", count: 100_000))
        #expect(result.diagnostics.count == Limits.standard.maxErrors)
        #expect(result.diagnostics.allSatisfy { $0.code == .unmatchedCloseBrace })
    }
}
