#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one `.cjm` file as the rest of the pipeline sees it: valid UTF-8 split into lines.
///
/// Kept as the bytes read from disk, not as a `String`: the lexer works on bytes anyway, and
/// making a `String` of a 50 MB journey cost a second 50 MB copy and a validation pass that
/// only diagnostics (which print a few lines) would ever use.
///
/// Locations count lines from 1 and columns in Unicode scalars from 1, so a caret printed under a
/// Cyrillic line lands under the right letter (a byte count would drift by one per letter).
public struct SourceFile: Sendable {
    /// The path as the user wrote it; printed at the start of every diagnostic.
    public let path: String
    /// The whole text as UTF-8, always well formed.
    public let utf8: [UInt8]
    /// Byte offsets (into `utf8`) at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Wraps already-decoded text.
    public init(path: String, text: String) {
        self.init(path: path, validUTF8: Array(text.utf8))
    }

    /// Wraps bytes the caller has checked are well-formed UTF-8 (`SourceDecoder` does).
    init(path: String, validUTF8 bytes: [UInt8]) {
        self.path = path
        self.utf8 = bytes
        self.lineStarts = bytes.withUnsafeBufferPointer { buffer in
            // Count first, then fill an exactly sized array (a 50 MB file has a million lines;
            // a doubling array left megabytes unused); memchr finds line ends far faster than a
            // byte loop.
            var count = 1
            Self.forEachLineEnd(in: buffer) { _ in count += 1 }
            var starts: [Int] = []
            starts.reserveCapacity(count)
            starts.append(0)
            Self.forEachLineEnd(in: buffer) { starts.append($0 + 1) }
            return starts
        }
    }

    /// The whole text as a `String` (made on each call: for tests and small files).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Calls `body` with the offset of every `\n` in `bytes`, in order.
    private static func forEachLineEnd(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), bytes.count - offset) {
            let end = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            body(end)
            offset = end + 1
        }
    }

    /// The text of line `line` (1-based) without its line break; empty past the end.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
