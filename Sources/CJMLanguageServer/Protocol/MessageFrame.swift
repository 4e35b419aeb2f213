/// The base protocol's framing: each message is a header block (`Content-Length: N`, optionally
/// `Content-Type`, each line ended by `\r\n`, the block by an empty line) and then N bytes of
/// UTF-8 JSON.
public enum MessageFrame {
    /// The most bytes one message may have: a document at the size cap, JSON-escaped, fits.
    public static let maxBodyBytes = 1 << 30
    /// The most bytes a header block may have before the stream is judged not to be LSP.
    public static let maxHeaderBytes = 8 * 1024

    /// `body` framed for sending.
    public static func encode(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}

/// Splits a byte stream into message bodies, one at a time (the server reads on only while
/// frames have already arrived, so it holds what the editor has sent and nothing more).
///
/// A damaged header block is reported and skipped rather than ending the session: the reader
/// looks for the next header block, so one bad frame costs only itself.
public struct FrameReader {
    /// What the stream gave next.
    public enum Frame: Equatable, Sendable {
        /// A whole message body (not yet known to be JSON).
        case message([UInt8])
        /// A header block that could not be read, and why; it was skipped.
        case malformed(String)
        /// The stream ended (a partial frame at the end is dropped).
        case end
    }

    /// Reads up to `count` bytes into the buffer; returns how many, 0 at the end of the stream.
    private let readBytes: (UnsafeMutableRawPointer, Int) -> Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    /// A reader over whatever `readBytes` gives (a file descriptor, or bytes in a test).
    public init(readBytes: @escaping (UnsafeMutableRawPointer, Int) -> Int) {
        self.readBytes = readBytes
    }

    /// Whether the bytes already read hold a whole frame (or a header that cannot be read),
    /// so that `next()` answers without reading.
    public var hasBufferedFrame: Bool {
        guard let headerEnd = find([13, 10, 13, 10], from: start) else { return buffer.count - start > MessageFrame.maxHeaderBytes }
        let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
        guard case .success(let length) = Self.contentLength(in: header), length <= MessageFrame.maxBodyBytes else { return true }
        return buffer.count >= headerEnd + 4 + length
    }

    /// The next frame of the stream.
    public mutating func next() -> Frame {
        while true {
            if let headerEnd = find([13, 10, 13, 10], from: start) {
                let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
                let headerStart = start
                start = headerEnd + 4
                switch Self.contentLength(in: header) {
                case .failure(let problem):
                    // Stray bytes before a good header (a body sent without one, say): report
                    // them, and read the header that follows them next time.
                    if let resync = lastHeaderName(in: headerStart..<headerEnd), resync > headerStart { start = resync }
                    return .malformed(problem.message)
                case .success(let length) where length > MessageFrame.maxBodyBytes:
                    discard(length)
                    return .malformed("a message of \(length) bytes is over the limit of \(MessageFrame.maxBodyBytes)")
                case .success(let length):
                    guard fill(upTo: start + length) else { return .end }
                    let body = Array(buffer[start..<start + length])
                    start += length
                    compact()
                    return .message(body)
                }
            }
            if buffer.count - start > MessageFrame.maxHeaderBytes {
                // No header block ends anywhere near: drop what was read and look again.
                buffer.removeAll(keepingCapacity: true)
                start = 0
                return .malformed("no `Content-Length` header block ends within \(MessageFrame.maxHeaderBytes) bytes")
            }
            guard readMore() else { return .end }
        }
    }

    /// The `Content-Length` of a header block, or why it has none usable.
    static func contentLength(in header: String) -> Result<Int, FrameProblem> {
        var length: Int?
        for line in header.split(separator: "\r\n", omittingEmptySubsequences: false) {
            guard let colon = line.firstIndex(of: ":") else {
                return .failure(FrameProblem(message: "the header line `\(line.prefix(80))` has no `:`"))
            }
            let name = line[..<colon].trimmingSpaces().lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            if name == "content-length" {
                guard let number = Int(value), number >= 0 else {
                    return .failure(FrameProblem(message: "`Content-Length: \(value.prefix(40))` is not a byte count"))
                }
                length = number
            }
        }
        guard let length else { return .failure(FrameProblem(message: "the header block has no `Content-Length`")) }
        return .success(length)
    }

    private mutating func readMore() -> Bool {
        guard !ended else { return false }
        let chunk = 64 * 1024
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunk))
        let count = buffer.withUnsafeMutableBytes { readBytes($0.baseAddress! + old, chunk) }
        buffer.removeLast(chunk - max(0, count))
        if count <= 0 { ended = true }
        return count > 0
    }

    private mutating func fill(upTo end: Int) -> Bool {
        while buffer.count < end {
            guard readMore() else { return false }
        }
        return true
    }

    /// Skips `count` body bytes without keeping them.
    private mutating func discard(_ count: Int) {
        var left = count
        while left > 0 {
            if start == buffer.count, !readMore() { return }
            let taken = min(left, buffer.count - start)
            start += taken
            left -= taken
            compact()
        }
    }

    /// Drops consumed bytes so the buffer never holds more than the message in hand.
    private mutating func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: buffer.capacity <= 1 << 20)
            start = 0
        } else if start > 1 << 16 {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// Where the last `Content-Length` (in any case) inside `range` starts.
    private func lastHeaderName(in range: Range<Int>) -> Int? {
        let name = Array("content-length".utf8)
        var index = range.upperBound - name.count
        while index >= range.lowerBound {
            var matches = true
            for (k, byte) in name.enumerated() where (buffer[index + k] | 0x20) != byte && !(byte == 0x2D && buffer[index + k] == byte) {
                matches = false
                break
            }
            if matches { return index }
            index -= 1
        }
        return nil
    }

    private func find(_ needle: [UInt8], from offset: Int) -> Int? {
        guard buffer.count - offset >= needle.count else { return nil }
        var index = offset
        while index + needle.count <= buffer.count {
            if buffer[index] == needle[0], buffer[index + 1] == needle[1], buffer[index + 2] == needle[2], buffer[index + 3] == needle[3] {
                return index
            }
            index += 1
        }
        return nil
    }
}

private extension Substring {
    func trimmingSpaces() -> Substring {
        var text = self
        while text.first == " " || text.first == "\t" { text.removeFirst() }
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }
}

/// Why a header block could not be read.
struct FrameProblem: Error {
    var message: String
}
