import CJMKit
import CJMSyntax

/// Completion inside `include "…"`: what the path may name, relative to the document's folder
/// as the checker resolves it. The `.cjm` files of the folder typed so far come first, then
/// its folders (choosing one asks for completion again, inside it). Other files are not
/// offered (an include splices journey text in), nor the document itself (a cycle), nor
/// anything outside the document's folder tree (`..`, `/…`), which the checker refuses.
enum IncludePathCompletion {
    /// `CompletionItemKind` numbers of the protocol.
    private static let fileKind = 17, folderKind = 19

    /// The items for the string's text before the cursor, `typed` (bytes), which starts at
    /// byte `typedStart` of `source`.
    static func items(typed: [UInt8], typedStart: Int, in source: SourceFile, cursor: TextPosition, documentPath: String) -> JSONValue {
        let text = String(decoding: typed, as: UTF8.self)
        guard !text.hasPrefix("/"), !text.contains("\\") else { return .array([]) }
        var components = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        components.removeLast()  // the name being typed
        guard !components.contains("..") else { return .array([]) }
        let typedFolder = components.filter { !$0.isEmpty && $0 != "." }.joined(separator: "/")
        let nameStart = typedStart + (typed.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0)
        let replace = TextRange(start: TextPosition(source.location(at: nameStart)), end: cursor).json

        let documentFolder = FilePath.folder(of: documentPath)
        let folder = typedFolder.isEmpty ? documentFolder : documentFolder + "/" + typedFolder
        let documentName = FilePath.lastComponent(of: documentPath)
        let entries = FilePath.entries(in: folder)
        var items: [JSONValue] = []
        for entry in entries where !entry.isFolder && entry.name.hasSuffix(".cjm") && !(typedFolder.isEmpty && entry.name == documentName) {
            items.append(item(entry.name, kind: fileKind, detail: "journey file", order: "0", replace: replace))
        }
        for entry in entries where entry.isFolder {
            var folderItem = item(entry.name + "/", kind: folderKind, detail: "folder", order: "1", replace: replace)
            if case .object(var members) = folderItem {
                members["command"] = ["title": "", "command": "editor.action.triggerSuggest"]
                folderItem = .object(members)
            }
            items.append(folderItem)
        }
        return .array(items)
    }

    private static func item(_ name: String, kind: Int, detail: String, order: String, replace: JSONValue) -> JSONValue {
        ["label": .string(name), "kind": .int(kind), "detail": .string(detail),
         "sortText": .string(order + name), "filterText": .string(name),
         "textEdit": ["range": replace, "newText": .string(name)]]
    }
}
