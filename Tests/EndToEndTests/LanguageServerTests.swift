import Foundation
import Testing

/// `cjm lsp` driven as an editor drives it: the real binary, real framing, every request the
/// server offers, on Cyrillic text with characters outside the Basic Multilingual Plane.
@Suite struct LanguageServerTests {
    /// A journey with an emoji before the error, so UTF-16 columns differ from scalar columns.
    static let salon = """
        journey "Салон «Уют» 🛋" {
          channel calls "Звонки 📞" kind: phone count: 400
          leads "Лиды" {
            stage new "Новый лид" count: 400
            stage hot "Горячий лид" count: 100
          }
          pipeline sofa "Диваны" {
            stage new "Заявка" count: 50
            stage won "Продано" won
          }
          pipeline chairs "Стулья" {
            stage new "Заявка"
          }
          touchpoint call "Звонок 📞" channel: cals emotion: -1
        }

        """

    static let errorLine = "  touchpoint call \"Звонок 📞\" channel: "

    @Test func diagnosticsOnOpenAndOnEveryChangeMatchTheCommandLine() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("салон.cjm")
        try Self.salon.write(to: file, atomically: true, encoding: .utf8)
        let uri = file.absoluteString

        let client = try LanguageServerClient()
        let capabilities = try client.initialize()
        #expect(capabilities["positionEncoding"] as? String == "utf-16")
        #expect((capabilities["textDocumentSync"] as? [String: Any])?["change"] as? Int == 2)
        for provider in ["hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider",
                         "documentFormattingProvider"] {
            #expect(capabilities[provider] as? Bool == true, "\(provider)")
        }
        #expect((capabilities["renameProvider"] as? [String: Any])?["prepareProvider"] as? Bool == true)

        try client.open(uri, Self.salon)
        let opened = try client.diagnostics(for: uri)
        try #require(opened.count == 1)
        let column = Self.errorLine.utf16.count
        #expect(column == Self.errorLine.unicodeScalars.count + 1, "the emoji counts two UTF-16 units")
        #expect(lspRange(opened[0]["range"]) == [13, column, 13, column + 4])
        #expect(opened[0]["severity"] as? Int == 1)
        #expect(opened[0]["source"] as? String == "cjm")

        // The same code and message as `cjm check --diagnostics json`.
        let cli = try CJMProcess.run(["check", file.path, "--diagnostics", "json"])
        let first = try #require(cli.stdoutText.split(separator: "\n").first, "cjm check prints the JSON diagnostic to stdout")
        let line = try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
        #expect(opened[0]["code"] as? String == line["code"] as? String)
        #expect(opened[0]["code"] as? String == "E040")
        #expect(opened[0]["message"] as? String == line["message"] as? String)

        // An incremental change fixes the reference: the diagnostics go.
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 2],
            "contentChanges": [["range": ["start": lspPosition(13, column), "end": lspPosition(13, column + 4)], "text": "calls"]],
        ])
        // What is left are the lint warnings, the same ones `cjm lint` prints for that text.
        let warnings = try client.diagnostics(for: uri)
        #expect(!warnings.isEmpty)
        #expect(warnings.allSatisfy { $0["severity"] as? Int == 2 && ($0["code"] as? String ?? "").hasPrefix("W") })
        try Self.salon.replacingOccurrences(of: "channel: cals", with: "channel: calls").write(to: file, atomically: true, encoding: .utf8)
        let lint = try CJMProcess.run(["lint", file.path, "--diagnostics", "json"])
        let lintCodes = lint.stdoutText.split(separator: "\n") + lint.stderr.split(separator: "\n")
        let cliCodes = lintCodes.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["code"] as? String
        }
        #expect(warnings.compactMap { $0["code"] as? String }.sorted() == cliCodes.sorted())

        // A Cyrillic word typed after the emoji, in the middle of the line: still exact.
        let after = column + "calls".utf16.count
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 3],
            "contentChanges": [["range": ["start": lspPosition(13, after), "end": lspPosition(13, after)], "text": " ёлка: 1"]],
        ])
        let unknown = try client.diagnostics(for: uri)
        try #require(unknown.count == 1)
        #expect(unknown[0]["code"] as? String == "E030")
        #expect(lspRange(unknown[0]["range"]) == [13, after + 1, 13, after + 5])

        // A whole-text change with a syntax error keeps the server answering.
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": uri, "version": 4], "contentChanges": [["text": "journey \"Сломано\" {\n  channel \"x\n"]],
        ])
        let broken = try client.diagnostics(for: uri)
        #expect(!broken.isEmpty)
        #expect(broken.allSatisfy { $0["severity"] as? Int == 1 })

        #expect(try client.shutDown() == 0)
    }

    @Test func completionOffersKeywordsAttributesWordsAndIdsInScope() throws {
        let client = try LanguageServerClient()
        _ = try client.initialize()
        let uri = "file:///tmp/cjm-lsp-completion/салон.cjm"
        let text = Self.salon.replacingOccurrences(of: "channel: cals", with: "channel: calls")
            .replacingOccurrences(of: "  }\n  touchpoint", with: "  }\n  \n  touchpoint")
        try client.open(uri, text)
        _ = try client.diagnostics(for: uri)

        func labels(_ line: Int, _ character: Int) throws -> [String] {
            let answer = try client.request("textDocument/completion", ["textDocument": ["uri": uri], "position": lspPosition(line, character)])
            return (answer["result"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
        }
        func edit(_ version: Int, line: Int, text: String) throws {
            try client.notify("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": version],
                "contentChanges": [["range": ["start": lspPosition(line, 0), "end": lspPosition(line + 1, 0)], "text": text + "\n"]],
            ])
        }

        // Line 13 is the blank line added inside the journey.
        let journeyLevel = try labels(13, 2)
        #expect(journeyLevel.contains("pipeline") && journeyLevel.contains("touchpoint") && journeyLevel.contains("view"))
        #expect(!journeyLevel.contains("stage"))
        // Inside a pipeline: stage and cross_sell only.
        let inPipeline = try labels(8, 4)
        #expect(inPipeline.contains("stage") && inPipeline.contains("cross_sell"))
        #expect(!inPipeline.contains("pipeline"))

        // Attribute names, values of enumerated attributes, ids for references.
        try edit(2, line: 13, text: "  channel mail \"Почта\" ")
        #expect(Set(try labels(13, "  channel mail \"Почта\" ".utf16.count)).isSuperset(of: ["kind", "crm", "phase", "count", "url"]))
        try edit(3, line: 13, text: "  channel mail \"Почта\" kind: ")
        #expect(Set(try labels(13, "  channel mail \"Почта\" kind: ".utf16.count)) == ["messenger", "form", "social", "email", "phone", "chat", "sms", "classified", "offline", "referral"])
        try edit(4, line: 13, text: "  channel mail \"Почта\" crm: ")
        #expect(try labels(13, "  channel mail \"Почта\" crm: ".utf16.count) == ["auto", "manual", "none"])
        try edit(5, line: 13, text: "  touchpoint t \"Т\" channel: ")
        #expect(try labels(13, "  touchpoint t \"Т\" channel: ".utf16.count) == ["calls"])

        // Edge ends: `new` is in two pipelines and the leads, so it is offered qualified.
        try edit(6, line: 13, text: "  calls -> ")
        let ends = try labels(13, "  calls -> ".utf16.count)
        #expect(ends.contains("sofa.new") && ends.contains("chairs.new") && ends.contains("leads.new"))
        #expect(ends.contains("hot") && ends.contains("won"), "unique ids stay bare")
        #expect(!ends.contains("new"))
        // `style:` on an edge.
        try edit(7, line: 13, text: "  calls -> hot style: ")
        #expect(try labels(13, "  calls -> hot style: ".utf16.count) == ["solid", "dashed", "dotted", "bold"])

        // `from:` inside a pipeline offers that pipeline's own stages bare (`won` is the line
        // being typed, which does not parse yet).
        try edit(8, line: 8, text: "    stage won \"Продано\" won from: ")
        let from = try labels(8, "    stage won \"Продано\" won from: ".utf16.count)
        #expect(from.contains("new") && from.contains("hot"))
        #expect(!from.contains("sofa.new"))
        // `convert ->` in the leads names pipelines.
        try edit(9, line: 4, text: "    stage hot \"Горячий лид\" count: 100\n    convert -> ")
        #expect(try labels(5, "    convert -> ".utf16.count) == ["sofa", "chairs"])
        #expect(try client.shutDown() == 0)
    }

    /// A journey that includes a part: definition, references, hover and rename cross the files.
    @Test func navigationHoverAndRenameAcrossIncludedFiles() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let part = folder.appendingPathComponent("сайт.cjm")
        try "site \"Сайт\" {\n  page home \"Главная\" url: \"/\"\n  page pay \"Оплата 💳\" url: \"/pay\"\n}\n".write(to: part, atomically: true, encoding: .utf8)
        let root = folder.appendingPathComponent("journey.cjm")
        let rootText = """
            journey "Магазин" {
              include "сайт.cjm"
              leads {
                stage new "Новый" count: 200
                stage paid "Оплачен" count: 50
              }
              ads search "Поиск" kind: search {
                campaign "Бренд" { group "Все" { ad "Купить" landing: home { query "купить диван" } } }
              }
              paid -> pay "ссылка"
              leads.new -> home
            }

            """
        try rootText.write(to: root, atomically: true, encoding: .utf8)
        let client = try LanguageServerClient()
        _ = try client.initialize()
        try client.open(root.absoluteString, rootText)
        #expect(try client.diagnostics(for: root.absoluteString).isEmpty)
        let doc = ["uri": root.absoluteString]

        // Definition of `home` (line 7) lands in the included file.
        let homeColumn = "    campaign \"Бренд\" { group \"Все\" { ad \"Купить\" landing: ".utf16.count
        let definition = try client.request("textDocument/definition", ["textDocument": doc, "position": lspPosition(7, homeColumn + 2)])
        let location = try #require(definition["result"] as? [String: Any])
        #expect(location["uri"] as? String == part.absoluteString)
        #expect(lspRange(location["range"]) == [1, 7, 1, 11])

        // References to `home`: the declaration, `landing:` and the edge end.
        let references = try client.request("textDocument/references", ["textDocument": doc, "position": lspPosition(7, homeColumn),
                                                                          "context": ["includeDeclaration": true]])
        let found = (references["result"] as? [[String: Any]] ?? []).map { ($0["uri"] as? String ?? "", lspRange($0["range"])) }
        #expect(found.count == 3)
        #expect(found.first?.0 == part.absoluteString)
        #expect(found.contains { $0.0 == root.absoluteString && $0.1 == [10, 15, 10, 19] })

        // Hover on a stage: its label, count and conversion from the stage before.
        let hover = try client.request("textDocument/hover", ["textDocument": doc, "position": lspPosition(4, 11)])
        let value = ((hover["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
        #expect(value.contains("**stage** `leads.paid` — Оплачен"))
        #expect(value.contains("count: 50"))
        #expect(value.contains("conversion from `leads.new`: 25%"))

        // The part, opened, is answered from the journey that includes it.
        let partText = try String(contentsOf: part, encoding: .utf8)
        try client.open(part.absoluteString, partText)
        #expect(try client.diagnostics(for: part.absoluteString).isEmpty)
        let partReferences = try client.request("textDocument/references", ["textDocument": ["uri": part.absoluteString],
                                                                             "position": lspPosition(2, 8), "context": ["includeDeclaration": false]])
        let toPay = (partReferences["result"] as? [[String: Any]] ?? []).map { ($0["uri"] as? String ?? "", lspRange($0["range"])) }
        #expect(toPay.count == 1)
        #expect(toPay.first?.0 == root.absoluteString && toPay.first?.1 == [9, 10, 9, 13])

        // An error typed into the part shows on the part, found by checking the journey.
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": part.absoluteString, "version": 2],
            "contentChanges": [["range": ["start": lspPosition(2, 7), "end": lspPosition(2, 10)], "text": "оплата"]],
        ])
        let partDiagnostics = try client.diagnostics(for: part.absoluteString)
        #expect(partDiagnostics.isEmpty, "renaming the page in the part is fine on its own")
        let rootDiagnostics = try client.diagnostics(for: root.absoluteString)
        #expect(rootDiagnostics.map { $0["code"] as? String } == ["E040"])
        #expect(rootDiagnostics.first.map { lspRange($0["range"]) } == [9, 10, 9, 13])
        try client.notify("textDocument/didChange", [
            "textDocument": ["uri": part.absoluteString, "version": 3],
            "contentChanges": [["range": ["start": lspPosition(2, 7), "end": lspPosition(2, 13)], "text": "pay"]],
        ])
        #expect(try client.diagnostics(for: root.absoluteString).isEmpty)

        // Rename `new` of the leads: its declaration and the qualified `leads.new`, nothing else.
        let rename = try client.request("textDocument/rename", ["textDocument": doc, "position": lspPosition(3, 11), "newName": "новый"])
        let changes = ((rename["result"] as? [String: Any])?["changes"] as? [String: Any])?[root.absoluteString] as? [[String: Any]] ?? []
        #expect(changes.map { lspRange($0["range"]) } == [[3, 10, 3, 13], [10, 8, 10, 11]])
        #expect(changes.allSatisfy { $0["newText"] as? String == "новый" })
        // Renaming the page from the journey edits the part too.
        let renamePage = try client.request("textDocument/rename", ["textDocument": doc, "position": lspPosition(9, 11), "newName": "checkout"])
        let pageChanges = (rename: (renamePage["result"] as? [String: Any])?["changes"] as? [String: Any] ?? [:], ())
        #expect(Set(pageChanges.rename.keys) == [root.absoluteString, part.absoluteString])
        // A name that is no id, or that clashes, is refused with a message.
        let bad = try client.request("textDocument/rename", ["textDocument": doc, "position": lspPosition(3, 11), "newName": "two words"])
        #expect((bad["error"] as? [String: Any])?["code"] as? Int == -32803)
        let clash = try client.request("textDocument/rename", ["textDocument": doc, "position": lspPosition(3, 11), "newName": "paid"])
        #expect(((clash["error"] as? [String: Any])?["message"] as? String ?? "").contains("already exists"))
        #expect(try client.shutDown() == 0)
    }

    @Test func outlineFormattingAndRenderPreview() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("journey.cjm")
        let messy = "journey \"Сервис\" {\n    channel calls \"Звонки\"   kind: phone\n  leads {   stage new \"Новый\" ; stage won \"Успех\" won }\n  view calls_only show: channels\n}\n"
        try messy.write(to: file, atomically: true, encoding: .utf8)
        let uri = file.absoluteString
        let client = try LanguageServerClient()
        _ = try client.initialize()
        try client.open(uri, messy)
        _ = try client.diagnostics(for: uri)
        let doc = ["uri": uri]

        let symbols = try client.request("textDocument/documentSymbol", ["textDocument": doc])["result"] as? [[String: Any]] ?? []
        #expect(symbols.map { $0["name"] as? String } == ["Сервис"])
        let children = symbols.first?["children"] as? [[String: Any]] ?? []
        #expect(children.map { $0["name"] as? String } == ["calls", "leads", "calls_only"])
        let stages = (children.dropFirst().first?["children"] as? [[String: Any]] ?? []).map { $0["name"] as? String }
        #expect(stages == ["new", "won"])
        #expect(lspRange(children.first?["selectionRange"]) == [1, 12, 1, 17])

        // Formatting gives exactly what `cjm fmt` writes, as one edit of the lines that change
        // (the first and last lines are already canonical and are left alone).
        let formatted = try client.request("textDocument/formatting", ["textDocument": doc, "options": ["tabSize": 2, "insertSpaces": true]])
        let edits = formatted["result"] as? [[String: Any]] ?? []
        try #require(edits.count == 1)
        let cli = try CJMProcess.run(["fmt", "-"], stdin: Data(messy.utf8))
        #expect(lspRange(edits[0]["range"]) == [1, 0, 4, 0], "the closing brace is already canonical too")
        var lines = messy.components(separatedBy: "\n")
        lines.replaceSubrange(1..<4, with: [(edits[0]["newText"] as? String ?? "").dropLast().description])
        #expect(lines.joined(separator: "\n") == cli.stdoutText)
        // Asked again of the formatted text: nothing to change.
        try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": cli.stdoutText]]])
        _ = try client.diagnostics(for: uri)
        let again = try client.request("textDocument/formatting", ["textDocument": doc, "options": ["tabSize": 2, "insertSpaces": true]])
        #expect((again["result"] as? [Any])?.isEmpty == true)

        // Render preview: the code lens names the command; the command writes the SVG.
        let lenses = try client.request("textDocument/codeLens", ["textDocument": doc])["result"] as? [[String: Any]] ?? []
        let commands = lenses.compactMap { $0["command"] as? [String: Any] }
        #expect(commands.map { $0["title"] as? String } == ["Render preview", "Board", "Render preview of `calls_only`"])
        let preview = try client.request("workspace/executeCommand", ["command": "cjm.renderPreview", "arguments": [uri]])
        let path = try #require((preview["result"] as? [String: Any])?["path"] as? String)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(path.hasSuffix("journey-") == false && path.hasSuffix(".flow.svg"))
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Звонки") && svg.contains("Новый"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("journey.svg").path), "the journey's folder is left alone")

        // With an error, formatting and the preview are refused with the reason.
        try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 3],
                                                     "contentChanges": [["text": "journey \"x\" { channel a kind: fax }\n"]]])
        _ = try client.diagnostics(for: uri)
        let refused = try client.request("textDocument/formatting", ["textDocument": doc, "options": [String: Any]()])
        #expect(((refused["error"] as? [String: Any])?["message"] as? String ?? "").contains("line 1"))
        let noPreview = try client.request("workspace/executeCommand", ["command": "cjm.renderPreview", "arguments": [uri]])
        #expect(((noPreview["error"] as? [String: Any])?["message"] as? String ?? "").contains("errors"))
        #expect(try client.shutDown() == 0)
    }

    @Test func protocolErrorsAreAnsweredAndTheServerCarriesOn() throws {
        let client = try LanguageServerClient()
        // Before `initialize`.
        let early = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///x.cjm"], "position": lspPosition(0, 0)])
        #expect((early["error"] as? [String: Any])?["code"] as? Int == -32002)
        _ = try client.initialize()

        // A body that is not JSON, a header without Content-Length, a message without a method.
        client.sendRaw(Data("Content-Length: 9\r\n\r\n{not json".utf8))
        #expect((try client.waitForResponse(id: "null")["error"] as? [String: Any])?["code"] as? Int == -32700)
        client.sendRaw(Data("Content-Type: text/plain\r\n\r\n".utf8))
        #expect((try client.waitForResponse(id: "null")["error"] as? [String: Any])?["code"] as? Int == -32700)
        client.sendRaw(Data("Content-Length: many\r\n\r\n".utf8))
        #expect((try client.waitForResponse(id: "null")["error"] as? [String: Any])?["code"] as? Int == -32700)
        try client.send(["jsonrpc": "2.0", "id": 77, "params": [String: Any]()])
        #expect((try client.waitForResponse(id: 77)["error"] as? [String: Any])?["code"] as? Int == -32600)

        // Unknown methods, unopened documents, missing positions.
        let unknown = try client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": "file:///x.cjm"]])
        #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32602, "the document is checked first")
        let unknownMethod = try client.request("cjm/whatever", [String: Any]())
        #expect((unknownMethod["error"] as? [String: Any])?["code"] as? Int == -32601)
        let closed = try client.request("textDocument/definition", ["textDocument": ["uri": "file:///nowhere.cjm"], "position": lspPosition(0, 0)])
        #expect((closed["error"] as? [String: Any])?["code"] as? Int == -32602)
        try client.open("file:///tmp/p.cjm", "journey \"П\" {\n}\n")
        _ = try client.diagnostics(for: "file:///tmp/p.cjm")
        let noPosition = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///tmp/p.cjm"]])
        #expect((noPosition["error"] as? [String: Any])?["code"] as? Int == -32602)
        // Positions past the end of a line or the file are clamped, not a crash.
        let far = try client.request("textDocument/completion", ["textDocument": ["uri": "file:///tmp/p.cjm"], "position": lspPosition(99, 99)])
        #expect(far["result"] != nil)
        let semanticUnknown = try client.request("textDocument/semanticTokens/full", ["textDocument": ["uri": "file:///tmp/p.cjm"]])
        #expect((semanticUnknown["error"] as? [String: Any])?["code"] as? Int == -32601)

        // After `shutdown`, requests are refused; `exit` ends with 0.
        _ = try client.request("shutdown", NSNull())
        let late = try client.request("textDocument/hover", ["textDocument": ["uri": "file:///tmp/p.cjm"], "position": lspPosition(0, 0)])
        #expect((late["error"] as? [String: Any])?["code"] as? Int == -32600)
        try client.notify("exit")
        #expect(client.waitForExit() == 0)

        // `exit` without `shutdown`, and a closed input, end with 1.
        let abrupt = try LanguageServerClient()
        _ = try abrupt.initialize()
        try abrupt.notify("exit")
        #expect(abrupt.waitForExit() == 1)
        let hungUp = try LanguageServerClient()
        #expect(hungUp.waitForExit() == 1)
    }

    /// Every prefix of a real journey, as a user typing it would produce, with completion,
    /// hover and definition asked at its end: the server answers every one.
    @Test func everyPrefixOfATemplateIsAnswered() throws {
        let template = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/service-center.cjm"), encoding: .utf8)
        let client = try LanguageServerClient()
        _ = try client.initialize()
        let uri = "file:///tmp/cjm-lsp-prefixes/typing.cjm"
        try client.open(uri, "")
        _ = try client.diagnostics(for: uri)
        var version = 1
        let characters = Array(template)
        for end in stride(from: 0, through: characters.count, by: max(1, characters.count / 150)) {
            version += 1
            let text = String(characters[..<end])
            try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
            _ = try client.diagnostics(for: uri)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let position = lspPosition(lines.count - 1, lines.last?.utf16.count ?? 0)
            for method in ["textDocument/completion", "textDocument/hover", "textDocument/definition"] {
                let answer = try client.request(method, ["textDocument": ["uri": uri], "position": position])
                #expect(answer["error"] == nil, "\(method) at \(end)")
            }
        }
        #expect(try client.shutDown() == 0)
    }
}
