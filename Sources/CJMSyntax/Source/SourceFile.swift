#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one `.cjm` file as the rest of the pipeline sees it: valid UTF-8 split into lines.
///
/// Locations count lines from 1 and columns in Unicode scalars from 1, so a caret printed under a
/// Cyrillic line lands under the right letter (a byte count would drift by one per letter).
public struct SourceFile: Sendable {
    /// The path as the user wrote it; printed at the start of every diagnostic.
    public let path: String
    /// The whole text.
    public let text: String
    /// Byte offsets (into `text.utf8`) at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    /// Wraps already-decoded text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var starts: [Int] = []
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
            // Count first, then fill an exactly sized array (a 50 MB file has a million lines;
            // a doubling array left megabytes unused); memchr finds line ends far faster than a
            // byte loop.
            var count = 1
            Self.forEachLineEnd(in: bytes) { _ in count += 1 }
            starts.reserveCapacity(count)
            starts.append(0)
            Self.forEachLineEnd(in: bytes) { starts.append($0 + 1) }
        }
        // Native strings are contiguous UTF-8: scan the buffer directly (a 50 MB file in milliseconds).
        if text.utf8.withContiguousStorageIfAvailable(scan) == nil {
            Array(text.utf8).withUnsafeBufferPointer(scan)
        }
        self.lineStarts = starts
    }

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
        // Index the UTF-8 view directly (constant time for native strings): copying the whole
        // text here would make printing 50 diagnostics of a 50 MB file cost gigabytes.
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStarts[line - 1])
        var end = line < lineStarts.count ? utf8.index(utf8.startIndex, offsetBy: lineStarts[line]) : utf8.endIndex
        while end > start {
            let last = utf8[utf8.index(before: end)]
            guard last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") else { break }
            end = utf8.index(before: end)
        }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
