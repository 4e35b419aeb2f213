import Testing
@testable import CJMSyntax

/// A range holds byte offsets; its lines and columns come from the file's text when asked.
@Suite struct SourceRangeTests {
    @Test func linesAndColumnsComeFromTheTextAndCountCyrillicLettersOnce() {
        let file = SourceFile(path: "t.cjm", text: "journey \"Т\" {\n  этап а \"Заявка\"\n}\n")
        let offset = Array("journey \"Т\" {\n  этап а ".utf8).count
        let range = file.range(offset, offset + Array("\"Заявка\"".utf8).count)
        #expect(range.start == SourceLocation(line: 2, column: 10, offset: offset))
        #expect(range.end.line == 2)
        #expect(range.end.column == 18)
        #expect(range.file == "t.cjm")
    }

    @Test func twoTextsReadFromOnePathKeepTheirOwnLines() {
        let first = SourceFile(path: "same.cjm", text: "a\nb\nc\n")
        let second = SourceFile(path: "same.cjm", text: "abc\n")
        #expect(first.range(4, 5).start.line == 3)
        #expect(second.range(2, 3).start == SourceLocation(line: 1, column: 3, offset: 2))
        // Equal ranges of equal paths compare equal, as two readings of one file must.
        #expect(first.range(0, 1) == second.range(0, 1))
    }

    @Test func aDiagnosticKeepsItsPlaceAfterTheFileIsGone() {
        func report() -> Diagnostic {
            let file = SourceFile(path: "gone.cjm", text: "x\n  ёлка\n")
            return .error(.unknownReference, "m", at: file.range(4, 12))
        }
        let diagnostic = report()
        #expect(diagnostic.range == SourceSpan(file: "gone.cjm", start: SourceLocation(line: 2, column: 3, offset: 4),
                                               end: SourceLocation(line: 2, column: 7, offset: 12)))
    }

    @Test func aBarePathCountsOffsetsAsColumnsOfTheFirstLine() {
        let range = SourceRange(file: "missing.cjm", startOffset: 0, endOffset: 3)
        #expect(range.start == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(range.end == SourceLocation(line: 1, column: 4, offset: 3))
    }

    @Test func aRangeIsTwelveBytes() {
        // The tree and the model hold millions of ranges; this size is what keeps a 50 MB
        // journey under 8 times its size in memory.
        #expect(MemoryLayout<SourceRange>.size == 12)
    }
}
