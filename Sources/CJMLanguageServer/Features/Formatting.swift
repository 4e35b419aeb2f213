import CJMKit
import CJMModel
import CJMSyntax

/// `textDocument/formatting`: the text `cjm fmt` would write, as one edit of the whole
/// document (none when it is already canonical). Refused while the document has errors,
/// as `cjm fmt` refuses, naming the first.
enum Formatting {
    struct Refusal: Error { var message: String }

    static func edits(_ document: OpenDocument, loader: IncludeLoader) -> Result<JSONValue, Refusal> {
        let text = document.text
        switch FormatRun.canonicalText(of: text, loader: loader) {
        case .failure(let refusal):
            let first = refusal.diagnostics.first { $0.severity == .error }
            let place = first.map { " (line \($0.range.start.line): \($0.message))" } ?? ""
            return .failure(Refusal(message: "cjm fmt formats a journey only once it has no errors\(place)"))
        case .success(let canonical):
            if Array(canonical.utf8) == text.utf8 { return .success(.array([])) }
            let end = TextPosition(text.location(at: text.utf8.count))
            let whole = TextRange(start: TextPosition(line: 0, character: 0), end: end)
            return .success(.array([["range": whole.json, "newText": .string(canonical)]]))
        }
    }
}
