/// The text of one `.cjm` file as the rest of the pipeline sees it: valid UTF-8 split into lines.
///
/// Kept as the bytes read from disk, not as a `String`: the lexer works on bytes anyway, and
/// making a `String` of a 50 MB journey cost a second 50 MB copy and a validation pass that
/// only diagnostics (which print a few lines) would ever use.
///
/// Locations count lines from 1 and columns in Unicode scalars from 1, so a caret printed under a
/// Cyrillic line lands under the right letter (a byte count would drift by one per letter).
/// The ranges made from a file find their lines and columns through its text while any copy
/// of the file is alive (see `SourceRange`).
public struct SourceFile: Sendable {
    /// The path as the user wrote it; printed at the start of every diagnostic.
    public let path: String
    /// The bytes, shared by every copy of the file.
    let storage: SourceText
    /// This text's entry in `SourceTable`: each file made gets its own, so two texts read from
    /// the same path (tests do this all the time, in parallel) never mix up their lines.
    let fileIndex: UInt32

    /// The whole text as UTF-8, always well formed.
    public var utf8: [UInt8] { storage.bytes }

    /// Byte offsets (into `utf8`) at which each line starts; `lineStarts[0] == 0`. Worked out on
    /// first use and kept.
    public var lineStarts: [Int] { storage.lineStarts }

    /// Wraps already-decoded text.
    public init(path: String, text: String) {
        self.init(path: path, validUTF8: Array(text.utf8))
    }

    /// Wraps bytes the caller has checked are well-formed UTF-8 (`SourceDecoder` does).
    init(path: String, validUTF8 bytes: [UInt8]) {
        self.path = path
        self.storage = SourceText(bytes: bytes)
        self.fileIndex = SourceTable.shared.add(storage, path: path)
    }

    /// The whole text as a `String` (made on each call: for tests and small files).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The range of bytes `start..<end` of this file.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(fileIndex: fileIndex, startOffset: start, endOffset: end)
    }

    /// The text of line `line` (1-based) without its line break; empty past the end.
    public func lineText(_ line: Int) -> String {
        let lineStarts = lineStarts
        let utf8 = utf8
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
