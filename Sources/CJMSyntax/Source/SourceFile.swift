#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
    ///
    /// Worked out on first use and kept (copies of the file share it): only diagnostics need
    /// it, and a 50 MB journey that checks clean never asks, sparing it a pass over the text and
    /// a 12 MB table.
    public var lineStarts: [Int] {
        lineIndex.starts.withLock { starts in
            if let starts { return starts }
            let found = utf8.withUnsafeBufferPointer(Self.lineStarts(in:))
            starts = found
            return found
        }
    }

    /// The line starts once found; a class so that every copy of the file shares them.
    private final class LineIndex: Sendable {
        let starts = Mutex<[Int]?>(nil)
    }

    private let lineIndex = LineIndex()

    /// Wraps already-decoded text.
    public init(path: String, text: String) {
        self.init(path: path, validUTF8: Array(text.utf8))
    }

    /// Wraps bytes the caller has checked are well-formed UTF-8 (`SourceDecoder` does).
    init(path: String, validUTF8 bytes: [UInt8]) {
        self.path = path
        self.utf8 = bytes
    }

    /// How many line breaks `bytes` holds: the 0-based line number of the line after them.
    static func lineBreakCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLineEnd(in: bytes, from: 0, to: bytes.count) { _ in count += 1 }
        return count
    }

    /// Where each line of `bytes` starts. A large file is scanned as two halves at once (a
    /// 50 MB journey has a million lines, and this ran before anything else could start).
    static func lineStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard bytes.count >= 1 << 20 else { return [0] + lineEnds(in: bytes, from: 0, to: bytes.count) }
        let middle = bytes.count / 2
        let (front, back) = BothCores.run({ lineEnds(in: bytes, from: 0, to: middle) },
                                          { lineEnds(in: bytes, from: middle, to: bytes.count) })
        var starts: [Int] = []
        starts.reserveCapacity(1 + front.count + back.count)
        starts.append(0)
        starts.append(contentsOf: front)
        starts.append(contentsOf: back)
        return starts
    }

    /// The offset after every `\n` in `bytes[start..<end]`, in an exactly sized array.
    private static func lineEnds(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [Int] {
        // Count first, then fill (a doubling array left megabytes unused); memchr finds line
        // ends far faster than a byte loop.
        var count = 0
        forEachLineEnd(in: bytes, from: start, to: end) { _ in count += 1 }
        var ends: [Int] = []
        ends.reserveCapacity(count)
        forEachLineEnd(in: bytes, from: start, to: end) { ends.append($0 + 1) }
        return ends
    }

    /// The whole text as a `String` (made on each call: for tests and small files).
    public var text: String { String(decoding: utf8, as: UTF8.self) }

    /// Calls `body` with the offset of every `\n` in `bytes[start..<end]`, in order.
    private static func forEachLineEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, _ body: (Int) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var offset = start
        while offset < end, let found = memchr(base + offset, Int32(UInt8(ascii: "\n")), end - offset) {
            let lineEnd = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            body(lineEnd)
            offset = lineEnd + 1
        }
    }

    /// The text of line `line` (1-based) without its line break; empty past the end.
    public func lineText(_ line: Int) -> String {
        let lineStarts = lineStarts
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : utf8.count
        while end > start, utf8[end - 1] == UInt8(ascii: "\n") || utf8[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: utf8[start..<end], as: UTF8.self)
    }
}
