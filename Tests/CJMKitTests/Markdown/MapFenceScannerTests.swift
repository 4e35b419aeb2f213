@testable import CJMKit
import CJMSyntax
import Testing

@Suite struct MapFenceScannerTests {
    /// The maps of `text` and the codes of the problems found.
    func scan(_ text: String) -> (maps: [EmbeddedMapSyntax], codes: [DiagnosticCode]) {
        let file = SourceFile(path: "doc.md", text: text)
        var sink = DiagnosticCollector(limit: 50, sources: SourceMap([file]))
        let maps = MapFenceScanner(file).maps(file: file, into: &sink)
        return (maps, sink.finished().map(\.code))
    }

    func contentLines(_ map: EmbeddedMapSyntax) -> Range<Int>? {
        if case .fenced(let content) = map.source { return content }
        return nil
    }

    @Test func backtickAndTildeFencesOfAnyLengthFromThree() {
        let text = """
            ```cjm
            journey "А" {}
            ```
            ~~~cjm
            journey "Б" {}
            ~~~
            `````` cjm view=board
            journey "В" {}
            ``````
            """
        let (maps, codes) = scan(text)
        #expect(codes.isEmpty)
        #expect(maps.map(\.firstLine) == [0, 3, 6])
        #expect(maps.map(\.lastLine) == [2, 5, 8])
        #expect(maps.map(contentLines) == [1..<2, 4..<5, 7..<8])
        #expect(maps[2].options.map(\.key) == ["view"])
        #expect(maps[2].options.map(\.value) == ["board"])
    }

    @Test func aFenceClosesOnlyWithTheSameCharacterAtLeastAsLongAndNothingAfter() {
        let text = """
            ````cjm
            ```
            ~~~~
            ```` x
            `````
            """
        let (maps, codes) = scan(text)
        #expect(codes.isEmpty)
        #expect(maps.count == 1)
        #expect(maps[0].lastLine == 4)
        #expect(contentLines(maps[0]) == 1..<4)
    }

    @Test func aCjmFenceInsideALongerFenceOfAnotherLanguageIsNoMap() {
        let text = """
            ````markdown
            ```cjm
            journey "Пример" {}
            ```
            ````
            ~~~
            ```cjm
            ~~~
            """
        let (maps, codes) = scan(text)
        #expect(maps.isEmpty)
        #expect(codes.isEmpty)
    }

    @Test func indentationUpToThreeSpacesOpensAFenceFourOrATabDoesNot() {
        let text = "   ```cjm\n   journey \"А\" {}\n   ```\n    ```cjm\n    journey \"Б\" {}\n    ```\n\t```cjm\n"
        let (maps, codes) = scan(text)
        #expect(codes.isEmpty)
        #expect(maps.count == 1)
        #expect(maps[0].indentation == 3)
    }

    @Test func anUnclosedCjmFenceIsReportedAndRunsToTheEnd() {
        let text = """
            ```cjm
            journey "А" {}

            <!-- cjm: other.cjm -->
            """
        let (maps, codes) = scan(text)
        #expect(maps.isEmpty)
        #expect(codes == [.unclosedMapFence])
    }

    @Test func anUnclosedFenceOfAnotherLanguageHidesEverythingAfterIt() {
        let (maps, codes) = scan("```text\n<!-- cjm: a.cjm -->\n```cjm\n")
        #expect(maps.isEmpty)
        #expect(codes.isEmpty)
    }

    @Test func backticksInTheInfoStringMakeACodeSpanNotAFence() {
        let (maps, _) = scan("```cjm `x`\njourney \"А\" {}\n```\n")
        // The first line is not a fence; the third opens one that never closes (not cjm).
        #expect(maps.isEmpty)
    }

    @Test func markersWithOptionsAndQuotedPaths() {
        let text = """
            <!-- cjm: maps/shop.cjm view=board -->
            <!--cjm:"мой путь.cjm" name="карта продаж"-->
            <!-- просто комментарий -->
            <!-- многострочный
            <!-- cjm: hidden.cjm -->
            -->
              <!-- cjm: last.cjm -->
            """
        let (maps, codes) = scan(text)
        #expect(codes.isEmpty)
        #expect(maps.map(\.source).map { source -> String in
            if case .file(let path, _) = source { return path }
            return "fenced"
        } == ["maps/shop.cjm", "мой путь.cjm", "last.cjm"])
        #expect(maps[1].options == [MapOptionSyntax(key: "name", value: "карта продаж", range: maps[1].options[0].range)])
        #expect(maps[2].indentation == 2)
    }

    @Test func nothingInsidePreOrScriptBlocksCounts() {
        let text = "<pre>\n```cjm\njourney \"А\" {}\n```\n</pre>\n<SCRIPT type=x>\n<!-- cjm: a.cjm -->\n</script>\n"
        #expect(scan(text).maps.isEmpty)
    }

    @Test func aWordThatIsNotKeyValueIsReported() {
        let (maps, codes) = scan("```cjm board\njourney \"А\" {}\n```\n")
        #expect(maps.count == 1)
        #expect(maps[0].options.isEmpty)
        #expect(codes == [.invalidMapOption])
    }

    @Test func theImageLinkAfterABlockIsFoundDirectlyOrAfterOneBlankLine() {
        let text = """
            ```cjm
            journey "А" {}
            ```
            ![А](doc.md-1.svg)
            <!-- cjm: b.cjm -->

            ![Б](<b map.svg> "заголовок")
            <!-- cjm: c.cjm -->


            ![В](doc.md-3.svg)
            <!-- cjm: d.cjm -->
            ![Фото](photo.png)
            """
        let (maps, _) = scan(text)
        #expect(maps.map(\.linkLine) == [3, 6, nil, nil])
    }
}
