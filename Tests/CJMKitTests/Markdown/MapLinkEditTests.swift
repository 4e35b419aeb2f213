@testable import CJMKit
import CJMSyntax
import Testing

@Suite struct MapLinkEditTests {
    func maps(_ bytes: [UInt8]) -> [EmbeddedMapSyntax] {
        let file = SourceFile(path: "doc.md", text: String(decoding: bytes, as: UTF8.self))
        var sink = DiagnosticCollector(limit: 50, sources: SourceMap([file]))
        return MapFenceScanner(file).maps(file: file, into: &sink)
    }

    func edited(_ text: String, _ links: [MapLink]) -> String {
        let bytes = Array(text.utf8)
        return String(decoding: MapLinkEdit.apply(links, after: maps(bytes), to: bytes), as: UTF8.self)
    }

    @Test func insertsALinkAfterABlankLineAndKeepsTheFollowingTextApart() {
        let text = "До.\n```cjm\njourney \"А\" {}\n```\nПосле.\n"
        let result = edited(text, [MapLink(title: "А", fileName: "doc.md-1.svg")])
        #expect(result == "До.\n```cjm\njourney \"А\" {}\n```\n\n![А](doc.md-1.svg)\n\nПосле.\n")
    }

    @Test func aDocumentEndingWithoutALineBreakGetsOneBeforeTheLink() {
        let result = edited("<!-- cjm: a.cjm -->", [MapLink(title: "А", fileName: "a.svg")])
        #expect(result == "<!-- cjm: a.cjm -->\n\n![А](a.svg)\n")
    }

    @Test func aCRLFDocumentStaysCRLFAndAnIndentedBlockKeepsItsIndentation() {
        let text = "- пункт\r\n\r\n  ```cjm\r\n  journey \"А\" {}\r\n  ```\r\n"
        let result = edited(text, [MapLink(title: "А", fileName: "x.svg")])
        #expect(result == "- пункт\r\n\r\n  ```cjm\r\n  journey \"А\" {}\r\n  ```\r\n\r\n  ![А](x.svg)\r\n")
    }

    @Test func anExistingLinkIsReplacedOnlyWhenItDiffers() {
        let text = "```cjm\njourney \"Б\" {}\n```\n\n  ![Старое](old.svg)  \nтекст\n"
        #expect(edited(text, [MapLink(title: "Б", fileName: "new.svg")]) == "```cjm\njourney \"Б\" {}\n```\n\n  ![Б](new.svg)  \nтекст\n")
        let current = "```cjm\njourney \"Б\" {}\n```\n\n![Б](new.svg)\n"
        #expect(edited(current, [MapLink(title: "Б", fileName: "new.svg")]) == current)
    }

    @Test func linksEscapeTheirAltTextAndEncodeSpacesAndBrackets() {
        let link = MapLink(title: "План [черновик]", fileName: "Путь клиента (v2).md-1.svg")
        #expect(link.markdown == "![План \\[черновик\\]](Путь%20клиента%20%28v2%29.md-1.svg)")
        #expect(MapLink(parsing: link.markdown) == link)
    }
}
