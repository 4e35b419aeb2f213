import CJMSyntax

/// A document the editor has open: its text as the editor has it now (saved or not) and the
/// version the editor numbered it with.
public struct OpenDocument: Sendable {
    /// The editor's name for it.
    public let uri: String
    /// The path the checker reads it as (and resolves its includes against).
    public let path: String
    /// The editor's version number of this text.
    public private(set) var version: Int
    /// The text, with its line starts.
    public private(set) var text: SourceFile

    /// A document opened with `text`.
    public init(uri: String, version: Int, text: String) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        self.text = SourceFile(path: path, text: text)
    }

    /// Applies one `TextDocumentContentChangeEvent`: with a `range`, that range (UTF-16
    /// positions) is replaced; without one, the whole text. Returns false, changing nothing,
    /// for an event that is neither.
    public mutating func apply(_ change: JSONValue, version: Int) -> Bool {
        guard let newText = change["text"]?.string else { return false }
        if let rangeJSON = change["range"] {
            guard let range = TextRange(rangeJSON) else { return false }
            let start = range.start.offset(in: text)
            let end = max(start, range.end.offset(in: text))
            var bytes = text.utf8
            bytes.replaceSubrange(start..<end, with: Array(newText.utf8))
            text = SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
        } else {
            text = SourceFile(path: path, text: newText)
        }
        self.version = version
        return true
    }
}
