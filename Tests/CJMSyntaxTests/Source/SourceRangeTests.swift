import Testing
@testable import CJMSyntax

/// A range holds a file number and byte offsets; lines and columns come from the file that
/// the compile's source map holds.
@Suite struct SourceRangeTests {
    @Test func linesAndColumnsComeFromTheTextAndCountCyrillicLettersOnce() {
        let file = SourceFile(path: "t.cjm", text: "journey \"Т\" {\n  этап а \"Заявка\"\n}\n")
        let offset = Array("journey \"Т\" {\n  этап а ".utf8).count
        let span = file.span(file.range(offset, offset + Array("\"Заявка\"".utf8).count))
        #expect(span.start == SourceLocation(line: 2, column: 10, offset: offset))
        #expect(span.end.line == 2)
        #expect(span.end.column == 18)
        #expect(span.file == "t.cjm")
    }

    @Test func utf16ColumnsCountAnEmojiAsTwo() {
        // "ё" is one code unit, "🙂" (U+1F642) two: editors count columns in UTF-16.
        let text = "a ё🙂 b\n"
        let file = SourceFile(path: "e.cjm", text: text)
        let bOffset = Array("a ё🙂 ".utf8).count
        let location = file.location(at: bOffset)
        #expect(location.column == 6)
        #expect(location.utf16Column == 7)
        #expect(location.line == 1)
    }

    @Test func twoFilesOfOneMapKeepTheirOwnLines() {
        var map = SourceMap()
        let first = map.add(SourceFile(path: "same.cjm", text: "a\nb\nc\n"))
        let second = map.add(SourceFile(path: "same.cjm", text: "abc\n"))
        #expect(first.id != second.id)
        #expect(map.span(first.range(4, 5)).start.line == 3)
        #expect(map.span(second.range(2, 3)).start == SourceLocation(line: 1, column: 3, offset: 2))
        #expect(first.range(0, 1) != second.range(0, 1))
    }

    @Test func positionsStayRightAfterTheCallersTextIsReleased() {
        // The map owns the texts: a result keeps answering after the caller let go of its file.
        func compileLike() -> (SourceMap, SourceRange) {
            var map = SourceMap()
            let file = map.add(SourceFile(path: "gone.cjm", text: "x\n  ёлка\n"))
            return (map, file.range(4, 12))
        }
        let (map, range) = compileLike()
        #expect(map.span(range) == SourceSpan(file: "gone.cjm", start: SourceLocation(line: 2, column: 3, offset: 4),
                                              end: SourceLocation(line: 2, column: 7, offset: 12)))
    }

    @Test func aCollectorWorksOutItsDiagnosticsPlacesWhenTheyAreReported() {
        var diagnostics = DiagnosticCollector(limit: 10)
        let file = diagnostics.sources.add(SourceFile(path: "d.cjm", text: "phase a\n  stage б\n"))
        diagnostics.error(.unknownReference, "m", at: file.range(16, 18), notes: [("here", file.range(0, 5))])
        let reported = diagnostics.finished()
        #expect(reported.first?.range.start == SourceLocation(line: 2, column: 9, offset: 16))
        #expect(reported.first?.notes.first?.range?.start.line == 1)
    }

    @Test func aRangeIsTwelveBytes() {
        #expect(MemoryLayout<SourceRange>.size == 12)
    }
}
