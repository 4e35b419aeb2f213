#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one `.cjm` file as the rest of the pipeline sees it: valid UTF-8 and where its
/// lines start.
///
/// Kept as the bytes read, not as a `String`: the lexer works on bytes, and only diagnostics
/// and tools ever need a line as text. Ranges into the file hold byte offsets and the file's
/// `id`; the file (or the `SourceMap` holding it) turns them into lines and columns.
public struct SourceFile: Sendable {
    /// The path as the user wrote it (or as an `include` resolved it); printed at the start of
    /// every diagnostic.
    public let path: String
    /// The whole text as UTF-8, always well formed.
    public let utf8: [UInt8]
    /// Byte offsets (into `utf8`) at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// The file's number in the `SourceMap` it was added to; 0 for a file on its own.
    public internal(set) var id: FileID

    /// Wraps already-decoded text.
    public init(path: String, text: String) {
        self.init(path: path, validUTF8: Array(text.utf8))
    }

    /// Wraps bytes the caller has checked are well-formed UTF-8 (`SourceDecoder` does).
    ///
    /// A carriage return on its own (the line end of classic Mac OS) becomes a line feed: one
    /// byte for one, so every offset still points where it did, and lines are counted as
    /// editors and the Language Server Protocol count them.
    init(path: String, validUTF8 bytes: [UInt8]) {
        self.path = path
        let bytes = Self.withLoneReturnsAsLineFeeds(bytes)
        self.utf8 = bytes
        self.lineStarts = Self.lineStarts(in: bytes)
        self.id = FileID(0)
    }

    /// The whole text as a `String` (made on each call).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// The range of bytes `start..<end` of this file.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(file: id, startOffset: start, endOffset: end)
    }

    /// The line, column (in Unicode scalars and in UTF-16 code units) of byte `offset`.
    public func location(at offset: Int) -> SourceLocation {
        let offset = min(max(offset, 0), utf8.count)
        let low = line(at: offset) - 1
        var column = 1
        var utf16Column = 1
        for i in lineStarts[low]..<offset {
            let byte = utf8[i]
            guard byte & 0xC0 != 0x80 else { continue }
            column += 1
            // A four-byte sequence is a scalar above U+FFFF: two UTF-16 code units.
            utf16Column += byte >= 0xF0 ? 2 : 1
        }
        return SourceLocation(line: low + 1, column: column, utf16Column: utf16Column, offset: offset)
    }

    /// The 1-based line that byte `offset` stands on.
    public func line(at offset: Int) -> Int {
        let offset = min(max(offset, 0), utf8.count)
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        return low + 1
    }

    /// The text of bytes `range` as written, which must point into this file.
    public func text(of range: SourceRange) -> String {
        precondition(range.file == id, "a range of file \(range.file) looked up in \(path) (file \(id))")
        return String(decoding: utf8[range.startOffset..<range.endOffset], as: UTF8.self)
    }

    /// The lines and columns of `range`, which must point into this file.
    public func span(_ range: SourceRange) -> SourceSpan {
        precondition(range.file == id, "a range of file \(range.file) looked up in \(path) (file \(id))")
        return SourceSpan(file: path, start: location(at: range.startOffset), end: location(at: range.endOffset))
    }

    /// The text of line `line` (1-based) without its line break; empty past the end.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }

    /// Where each line of `bytes` starts: 0, then the offset after every `\n`.
    private static func lineStarts(in bytes: [UInt8]) -> [Int] {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            // memchr finds line ends far faster than a byte loop.
            while offset < buffer.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), buffer.count - offset) {
                offset = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
                starts.append(offset)
            }
        }
        return starts
    }

    /// `bytes` with every CR that no LF follows made an LF; the very array when there is none.
    private static func withLoneReturnsAsLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        // memchr, as for line starts: most files have no CR at all, or only CRLF.
        let lone: [Int] = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var found: [Int] = []
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, Int32(cr), buffer.count - offset) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
                if index + 1 == buffer.count || buffer[index + 1] != lf { found.append(index) }
                offset = index + 1
            }
            return found
        }
        guard !lone.isEmpty else { return bytes }
        var result = bytes
        for index in lone { result[index] = lf }
        return result
    }
}
