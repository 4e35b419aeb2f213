import Testing
@testable import CJMSyntax

/// A large file is read as two halves on two threads (`FileHalves`); the tree must be the one a
/// single reader makes, and a file with any problem must be reported by the single reader.
@Suite struct FileHalvesTests {
    private func whole(_ source: SourceFile, limits: Limits = .standard) -> ParseResult {
        source.utf8.withUnsafeBufferPointer { Parser.parseWhole(source, bytes: $0, limits: limits) }
    }

    private func halves(_ source: SourceFile, at line: Int) -> SyntaxFile? {
        source.utf8.withUnsafeBufferPointer { FileHalves.parse(source, bytes: $0, limits: .standard, splittingAtLine: line) }
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

    @Test func aLargeJourneyIsReadInHalvesAndMatchesOneReader() throws {
        let source = SourceFile(path: "big.cjm", text: generatedJourney(bytes: 2_000_000))
        let split = try #require(FileHalves.splitLine(of: source))
        #expect(split > source.lineStarts.count / 3 && split < source.lineStarts.count * 2 / 3)
        let joined = source.utf8.withUnsafeBufferPointer { FileHalves.parse(source, bytes: $0, limits: .standard) }
        let expected = whole(source)
        #expect(joined != nil)
        #expect(joined == expected.syntax)
        let viaParser = Parser.parse(source)
        #expect(viaParser.syntax == expected.syntax && viaParser.diagnostics.isEmpty)
    }

    /// A large file whose last line starts before its middle has no line to split at; it once
    /// made the split search run past the last line and trap.
    @Test func aLongLastLineLeavesNothingToSplitAt() {
        let text = "journey \"x\" {\n  crm a \"b\"\n  # " + String(repeating: "ж", count: 1_000_000)
        let source = SourceFile(path: "long.cjm", text: text)
        #expect(source.utf8.count >= FileHalves.minimumBytes)
        #expect(FileHalves.splitLine(of: source) == nil)
        #expect(Parser.parse(source).diagnostics.map(\.code) == [.unclosedBlock])
    }

    @Test func problemsInEitherHalfAreReportedAsOneReaderReportsThem() {
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

    @Test func theStatementCapCountsBothHalves() {
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
