import Foundation
import Testing

/// `cjm lsp` driven as an editor: `prepareRename`, `$/cancelRequest`, and completion of
/// `include` paths, on Cyrillic ids and file names.
@Suite struct LanguageServerEditingAidsTests {
    static let journey = """
        journey "Ремонт 🛠" {
          channel почта "Почта 📧" kind: email count: 40
          leads {
            stage новая "Новая" count: 40
          }
          pipeline ремонт "Ремонт" {
            stage заявка "Заявка" count: 10
          }
          leads.новая -> заявка
        }

        """

    @Test func prepareRenameNamesTheIdOrRefusesWithTheReason() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("ремонт.cjm")
        try Self.journey.write(to: file, atomically: true, encoding: .utf8)
        let client = try LanguageServerClient()
        _ = try client.initialize()
        try client.open(file.absoluteString, Self.journey)
        #expect(try client.diagnostics(for: file.absoluteString).filter { $0["severity"] as? Int == 1 }.isEmpty)
        let doc = ["uri": file.absoluteString]
        func prepare(_ line: Int, _ character: Int) throws -> (range: [Int], placeholder: String?, refusal: String?) {
            let answer = try client.request("textDocument/prepareRename", ["textDocument": doc, "position": lspPosition(line, character)])
            let result = answer["result"] as? [String: Any]
            let error = answer["error"] as? [String: Any]
            if error != nil { #expect(error?["code"] as? Int == -32803) }
            return (lspRange(result?["range"]), result?["placeholder"] as? String, error?["message"] as? String)
        }

        // An id as declared, after an emoji on the line before it: UTF-16 columns.
        let channel = try prepare(1, 12)
        #expect(channel.range == [1, 10, 1, 15])
        #expect(channel.placeholder == "почта")
        // On a qualified reference, the part that names the element: `новая` of `leads.новая`,
        // also with the cursor on the `leads` qualifier.
        let qualified = try prepare(8, 4)
        #expect(qualified.range == [8, 8, 8, 13])
        #expect(qualified.placeholder == "новая")
        #expect(try prepare(8, 18).range == [8, 17, 8, 23])

        // Refusals say what is under the cursor.
        #expect(try prepare(1, 4).refusal?.contains("`channel` is a keyword") == true)
        let leads = try prepare(2, 4).refusal ?? ""
        #expect(leads.contains("`leads` is a keyword") && leads.contains("named by its position"))
        #expect(try prepare(1, 28).refusal?.contains("`kind` is an attribute") == true)
        #expect(try prepare(1, 19).refusal?.contains("no id here") == true, "inside the label")
        #expect(try prepare(1, 47).refusal?.contains("no id here") == true, "on the count")

        // Rename itself refuses the keyword in the same words instead of rewriting it.
        let rename = try client.request("textDocument/rename", ["textDocument": doc, "position": lspPosition(2, 4), "newName": "лиды"])
        #expect(((rename["error"] as? [String: Any])?["message"] as? String ?? "").contains("`leads` is a keyword"))
        #expect(try client.shutDown() == 0)
    }

    @Test func aCancelledRequestIsAnsweredWithRequestCancelled() throws {
        let client = try LanguageServerClient()
        _ = try client.initialize()
        let uri = "untitled:Без имени-1"
        try client.open(uri, Self.journey)
        _ = try client.diagnostics(for: uri)
        let hover: [String: Any] = ["textDocument": ["uri": uri], "position": lspPosition(1, 12)]

        // The request and its cancellation arrive together: the request is not carried out.
        // The request after them is; a cancellation of a string id works the same.
        try client.sendTogether([
            ["jsonrpc": "2.0", "id": 900, "method": "textDocument/hover", "params": hover],
            ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 900]],
            ["jsonrpc": "2.0", "id": "ещё", "method": "textDocument/hover", "params": hover],
            ["jsonrpc": "2.0", "id": "отмена", "method": "textDocument/documentSymbol", "params": ["textDocument": ["uri": uri]]],
            ["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "отмена"]],
        ])
        let cancelled = try client.waitForResponse(id: 900)
        #expect((cancelled["error"] as? [String: Any])?["code"] as? Int == -32800)
        #expect(cancelled["result"] == nil)
        let answered = try client.waitForResponse(id: "ещё")
        #expect(((answered["result"] as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String != nil)
        let cancelledByName = try client.waitForResponse(id: "отмена")
        #expect((cancelledByName["error"] as? [String: Any])?["code"] as? Int == -32800)

        // A cancellation for a request already answered, or never sent, is ignored: nothing
        // is sent for it, so the next message is the answer to the next request.
        try client.notify("$/cancelRequest", ["id": 900])
        try client.notify("$/cancelRequest", ["id": 12345])
        try client.send(["jsonrpc": "2.0", "id": 901, "method": "textDocument/hover", "params": hover])
        let next = try client.receive()
        #expect(next["id"] as? Int == 901)
        #expect(next["result"] is [String: Any])
        #expect(try client.shutDown() == 0)
    }

    @Test func includePathsCompleteFromTheDocumentsFolderWithCyrillicNames() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("части/вложенная"), withIntermediateDirectories: true)
        for name in ["части/заявки.cjm", "части/вложенная/глубже.cjm", "части/заметки.txt", "ремонт.cjm", ".скрытый.cjm", "акции.cjm"] {
            try "stage a\n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let file = folder.appendingPathComponent("путь.cjm")
        let text = "journey \"Путь 🛋\" {\n  include \"\"\n  include \"части/за\n  include \"../\n}\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let client = try LanguageServerClient()
        _ = try client.initialize()
        try client.open(file.absoluteString, text)
        _ = try client.diagnostics(for: file.absoluteString)
        func complete(_ line: Int, _ character: Int) throws -> [[String: Any]] {
            let answer = try client.request("textDocument/completion", ["textDocument": ["uri": file.absoluteString],
                                                                        "position": lspPosition(line, character)])
            return answer["result"] as? [[String: Any]] ?? []
        }
        func ordered(_ items: [[String: Any]]) -> [String] {
            items.sorted { ($0["sortText"] as? String ?? "") < ($1["sortText"] as? String ?? "") }.map { $0["label"] as? String ?? "" }
        }

        // Inside `include ""`: the journey files first (not the document itself, not hidden
        // ones), then the folders; nothing else.
        let top = try complete(1, 11)
        #expect(ordered(top) == ["акции.cjm", "ремонт.cjm", "части/"])
        #expect(top.allSatisfy { lspRange(($0["textEdit"] as? [String: Any])?["range"]) == [1, 11, 1, 11] })
        let folderItem = try #require(top.first { $0["label"] as? String == "части/" })
        #expect(folderItem["kind"] as? Int == 19)
        #expect((folderItem["command"] as? [String: Any])?["command"] as? String == "editor.action.triggerSuggest")
        #expect(top.first?["kind"] as? Int == 17)

        // In a folder, with part of a name typed: the edit replaces the typed name only (its
        // columns counted in UTF-16 after the Cyrillic folder name); `заметки.txt` is no journey.
        let nameStart = "  include \"части/".utf16.count
        let inside = try complete(2, nameStart + 2)
        #expect(ordered(inside) == ["заявки.cjm", "вложенная/"])
        let edit = try #require(inside.first?["textEdit"] as? [String: Any])
        #expect(lspRange(edit["range"]) == [2, nameStart, 2, nameStart + 2])
        #expect(edit["newText"] as? String == "заявки.cjm")

        // Outside the document's folder tree, which the checker refuses: nothing.
        #expect(try complete(3, 14).isEmpty)
        #expect(try client.shutDown() == 0)
    }
}
