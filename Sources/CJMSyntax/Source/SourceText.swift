#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The bytes of one file as read, shared by every copy of its `SourceFile` and known to
/// `SourceTable`, so that a `SourceRange` (byte offsets only) can be turned into lines and
/// columns while the text is alive.
final class SourceText: Sendable {
    /// The text as UTF-8; well formed, except for the raw bytes an invalid-UTF-8 report points into.
    let bytes: [UInt8]

    /// Byte offsets at which each line starts, found on first use: only diagnostics need them,
    /// and a 50 MB journey that checks clean never asks, sparing it a pass and a 12 MB table.
    private let starts = Mutex<[Int]?>(nil)

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Byte offsets at which each line starts; `lineStarts[0] == 0`.
    var lineStarts: [Int] {
        starts.withLock { starts in
            if let starts { return starts }
            let found = bytes.withUnsafeBufferPointer(Self.lineStarts(in:))
            starts = found
            return found
        }
    }

    /// The line (from 1) and column (in Unicode scalars, from 1) of byte `offset`.
    func location(at offset: Int) -> SourceLocation {
        let lineStarts = lineStarts
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before `offset`.
        var low = 0
        var high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        var column = 1
        for i in lineStarts[low]..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return SourceLocation(line: low + 1, column: column, offset: offset)
    }

    /// Where each line of `bytes` starts. A large file is scanned as two halves at once (a
    /// 50 MB journey has a million lines).
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

    /// How many line breaks `bytes` holds: the 0-based line number of the line after them.
    static func lineBreakCount(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLineEnd(in: bytes, from: 0, to: bytes.count) { _ in count += 1 }
        return count
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
}
