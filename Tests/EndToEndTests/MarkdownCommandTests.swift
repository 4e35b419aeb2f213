import Foundation
import Testing

/// `cjm md` and `cjm render DIR` on Markdown documents, through the real binary.
@Suite("cjm md")
struct MarkdownCommandTests {
    static let document = """
        # Путь клиента

        Вступление: карта ниже нарисована из блока.

        ```cjm
        journey "Салон мебели" {
          channel calls "Звонки" kind: phone
          leads { stage new "Новый лид" }
        }
        ```
        Текст сразу после блока.

        ~~~~ cjm view=board name=доска
        journey "Доска салона" {
          phase awareness "Осведомлённость"
          touchpoint ad "Реклама" phase: awareness
        }
        ~~~~

        Пример, который картой не является:

        `````markdown
        ```cjm
        journey "Не карта" {}
        ```
        `````

        <!-- cjm: карты/магазин.cjm -->
        Конец.
        """

    static let journey = """
        journey "Магазин" {
          channel site "Сайт" kind: form
        }

        """

    /// A folder with `Путь клиента.md` and `карты/магазин.cjm`.
    func makeDocs() throws -> (folder: URL, document: URL) {
        let folder = try makeScratchFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("карты"), withIntermediateDirectories: true)
        try Self.journey.write(to: folder.appendingPathComponent("карты/магазин.cjm"), atomically: true, encoding: .utf8)
        let document = folder.appendingPathComponent("Путь клиента.md")
        try Self.document.write(to: document, atomically: true, encoding: .utf8)
        return (folder, document)
    }

    @Test func rendersEveryMapBesideTheDocumentAndChangesNothingButTheInsertedLinks() throws {
        let (folder, document) = try makeDocs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["md", "Путь клиента.md"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // Each file written is named once, the document too (after the journeys' lint warnings).
        let said = outcome.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("wrote ") }
        #expect(said.count == 4 && Set(said) == ["wrote Путь клиента.md", "wrote Путь клиента.md-1.svg", "wrote доска.svg", "wrote Путь клиента.md-3.svg"], "\(outcome.stderr)")
        // Up to date, nothing is written and so no file is named; --quiet names none either.
        #expect(!(try CJMProcess.run(["md", "Путь клиента.md"], in: folder).stderr.contains("wrote ")))
        try "<!-- cjm: карты/магазин.cjm -->\n".write(to: folder.appendingPathComponent("другой.md"), atomically: true, encoding: .utf8)
        let quiet = try CJMProcess.run(["md", "--quiet", "другой.md"], in: folder)
        #expect(quiet.status == 0 && !quiet.stderr.contains("wrote "), "\(quiet.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("другой.md-1.svg").path))

        for name in ["Путь клиента.md-1.svg", "доска.svg", "Путь клиента.md-3.svg"] {
            let svg = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.contains("<svg"), "\(name)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("Путь клиента.md-1.svg"), encoding: .utf8).contains("Новый лид"))
        #expect(try String(contentsOf: folder.appendingPathComponent("Путь клиента.md-3.svg"), encoding: .utf8).contains("Сайт"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Путь клиента.md-4.svg").path))

        // Removing exactly the inserted links gives back the original bytes.
        let links = ["\n![Салон мебели](Путь%20клиента.md-1.svg)\n\n", "\n![Доска салона](доска.svg)\n", "\n![Магазин](Путь%20клиента.md-3.svg)\n\n"]
        var text = try String(contentsOf: document, encoding: .utf8)
        for link in links {
            let range = try #require(text.range(of: link), "missing \(link.debugDescription) in\n\(text)")
            text.removeSubrange(range)
        }
        #expect(Data(text.utf8) == Data(Self.document.utf8))
    }

    @Test func checkFailsWhenAMapOrLinkIsStaleOrMissingAndPassesWhenFresh() throws {
        let (folder, document) = try makeDocs()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try CJMProcess.run(["md", "--check", document.path])
        #expect(before.status == 1)
        #expect(before.stderr.contains("Путь клиента.md-1.svg is missing"))
        #expect(before.stderr.contains("lacks a map link"))
        #expect(try String(contentsOf: document, encoding: .utf8) == Self.document, "--check wrote the document")

        #expect(try CJMProcess.run(["md", document.path]).status == 0)
        let svg = folder.appendingPathComponent("Путь клиента.md-3.svg")
        let modified = try FileManager.default.attributesOfItem(atPath: svg.path)[.modificationDate] as? Date
        let fresh = try CJMProcess.run(["md", "--check", document.path])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        // An up-to-date run writes nothing at all.
        let documentBytes = try Data(contentsOf: document)
        #expect(try CJMProcess.run(["md", document.path]).status == 0)
        #expect(try Data(contentsOf: document) == documentBytes)
        #expect(try FileManager.default.attributesOfItem(atPath: svg.path)[.modificationDate] as? Date == modified)

        // The journey a marker names changes: its map is stale, the others are not.
        try Self.journey.replacingOccurrences(of: "\"Сайт\"", with: "\"Сайт магазина\"")
            .write(to: folder.appendingPathComponent("карты/магазин.cjm"), atomically: true, encoding: .utf8)
        let stale = try CJMProcess.run(["md", "--check", document.path])
        #expect(stale.status == 1)
        #expect(stale.stderr.contains("Путь клиента.md-3.svg is stale"))
        #expect(!stale.stderr.contains("md-1.svg"))
        // A block's label changes too.
        try String(contentsOf: document, encoding: .utf8).replacingOccurrences(of: "Новый лид", with: "Первый контакт")
            .write(to: document, atomically: true, encoding: .utf8)
        #expect(try CJMProcess.run(["md", "--check", document.path]).stderr.contains("Путь клиента.md-1.svg is stale"))
    }

    @Test func renderOfAFolderRendersItsJourneysAndItsDocuments() throws {
        let (folder, _) = try makeDocs()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: folder.appendingPathComponent("карты/магазин.cjm"), to: folder.appendingPathComponent("магазин.cjm"))
        let outcome = try CJMProcess.run(["render", "."], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("магазин.svg").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("доска.svg").path))
        #expect(try CJMProcess.run(["render", ".", "--check"], in: folder).status == 0)
        #expect(try CJMProcess.run(["md", ".", "--check"], in: folder).status == 0)
    }

    @Test func aBrokenBlockPointsIntoTheDocumentAndWritesNothing() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("doc.md")
        let text = """
            Текст.

            ```cjm viewe=board
            journey "А" {
              channel calls "Звонки" kind: phon
            }
            ```

            ```cjm
            journey "Б" { channel x "Икс" }

            """
        try text.write(to: document, atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["md", document.path])
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("doc.md:3:8: error[E061]: unknown option `viewe`"))
        #expect(outcome.stderr.contains("did you mean `view`?"))
        #expect(outcome.stderr.contains("doc.md:5:32: error[E031]"))
        #expect(outcome.stderr.contains("    5 |   channel calls \"Звонки\" kind: phon"))
        #expect(outcome.stderr.contains("doc.md:9:1: error[E060]"))
        #expect(try String(contentsOf: document, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["doc.md"])
    }

    @Test func anUnknownViewOrMissingJourneyIsAnErrorAtTheBlock() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "```cjm view=bord\njourney \"А\" {}\n```\n\n<!-- cjm: нет.cjm -->\n".write(to: folder.appendingPathComponent("doc.md"), atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["md", "doc.md"], in: folder)
        #expect(outcome.status == 65)
        #expect(outcome.stderr.contains("doc.md:1:8: error[E061]: no view 'bord'"))
        #expect(outcome.stderr.contains("did you mean `board`?"))
        #expect(outcome.stderr.contains("doc.md:5:11: error[E062]: cannot read the journey нет.cjm"))
    }
}
