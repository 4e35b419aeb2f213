import CJMKit
import CJMModel
import CJMSyntax

/// `textDocument/formatting`: the text `cjm fmt` would write, as one edit of the lines that
/// differ (none when the document is already canonical), so the editor keeps the cursor,
/// folds and marks everywhere else. Refused while the document has errors, as `cjm fmt`
/// refuses, naming the first.
enum Formatting {
    struct Refusal: Error { var message: String }

    /// `analysis` is the document's own analysis: when it is of the current text of a journey,
    /// its check is used rather than made again (`FormatRun.canonicalText(ofChecked:)`).
    static func edits(_ document: OpenDocument, analysis: DocumentAnalysis?, loader: IncludeLoader) -> Result<JSONValue, Refusal> {
        let text = document.text
        let canonical = if let analysis, analysis.isJourney, analysis.version == document.version {
            FormatRun.canonicalText(ofChecked: analysis.result)
        } else {
            FormatRun.canonicalText(of: text, loader: loader)
        }
        switch canonical {
        case .failure(let refusal):
            let first = refusal.diagnostics.first { $0.severity == .error }
            let place = first.map { " (line \($0.range.start.line): \($0.message))" } ?? ""
            return .failure(Refusal(message: "cjm fmt formats a journey only once it has no errors\(place)"))
        case .success(let canonical):
            return .success(.array(edit(from: text, to: Array(canonical.utf8)).map { [$0] } ?? []))
        }
    }

    /// The one edit that turns `old` into `new`: from the first line that differs to the end
    /// of the last one, in whole lines; nil when they are equal.
    static func edit(from old: SourceFile, to new: [UInt8]) -> JSONValue? {
        let a = old.utf8
        guard a != new else { return nil }
        var start = 0
        while start < a.count, start < new.count, a[start] == new[start] { start += 1 }
        while start > 0, a[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var common = 0
        while common < a.count - start, common < new.count - start, a[a.count - 1 - common] == new[new.count - 1 - common] { common += 1 }
        // The end of the replaced range moves forward to a line start: the common tail shrinks.
        var end = a.count - common
        while end < a.count, end > start, a[end - 1] != UInt8(ascii: "\n") { end += 1 }
        let newEnd = new.count - (a.count - end)
        let range = TextRange(old.range(start, end), in: old)
        return ["range": range.json, "newText": .string(String(decoding: new[start..<newEnd], as: UTF8.self))]
    }
}
