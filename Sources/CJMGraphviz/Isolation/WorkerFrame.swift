#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one message a render worker sends its parent: the map, or why there is none.
///
/// The worker's whole stdout is exactly one frame:
///
///     magic    "cjm-frame" and a version byte (10 bytes)
///     kind     "M": a `RenderedMap` in the wire format; "F": a `RenderFailure` as JSON
///     length   the payload's size, 8 bytes little-endian
///     payload  `length` bytes
///     end      "cjm-end"
///
/// A render counts as done only when the frame arrives whole: a worker that Graphviz ends
/// with `exit(0)` before the frame, or one that dies while writing it, leaves no frame or a
/// short one, and that is a failure, never an empty or cut map. No checksum: the stream is a
/// socket only the worker writes to, so bytes can go missing at the end but not change; the
/// length and the end mark catch that, and any bytes after the end mark are refused too.
///
/// Stdout is ours alone because the worker points its file descriptor 1 at stderr before
/// Graphviz runs (see `RenderWorker`). Graphviz's own words go to stderr, which the parent
/// keeps only as context for deaths the worker could not report.
enum WorkerFrame: Equatable {
    case map(RenderedMap)
    case failure(RenderFailure)

    static let magic: [UInt8] = Array("cjm-frame".utf8) + [2]
    static let end: [UInt8] = Array("cjm-end".utf8)
    private static let headerSize = magic.count + 1 + 8

    /// The frame as the worker writes it.
    var bytes: [UInt8] {
        let (kind, payload): (UInt8, [UInt8])
        switch self {
        case .map(let map):
            var writer = WireWriter()
            writer.write(map)
            (kind, payload) = (UInt8(ascii: "M"), writer.bytes)
        case .failure(let failure): (kind, payload) = (UInt8(ascii: "F"), failure.json)
        }
        var frame = Self.magic + [kind]
        withUnsafeBytes(of: UInt64(payload.count).littleEndian) { frame.append(contentsOf: $0) }
        return frame + payload + Self.end
    }

    /// The frame that is the whole of `stream`; throws `.incompleteResult` for anything else.
    init(reading stream: [UInt8]) throws(RenderFailure) {
        guard !stream.isEmpty else { throw .incompleteResult("it wrote nothing") }
        guard stream.count >= Self.headerSize else {
            throw .incompleteResult(stream.starts(with: Self.magic.prefix(stream.count)) ? "its result was cut short after \(stream.count) bytes" : "its output is not a cjm result")
        }
        let kind = stream[Self.magic.count]
        guard stream.starts(with: Self.magic), kind == UInt8(ascii: "M") || kind == UInt8(ascii: "F") else {
            throw .incompleteResult("its output is not a cjm result")
        }
        let length = stream[(Self.headerSize - 8)..<Self.headerSize].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let room = stream.count - Self.headerSize
        guard length <= UInt64(room), room - Int(length) >= Self.end.count else {
            throw .incompleteResult("its result was cut short: \(stream.count) bytes for a \(length)-byte payload")
        }
        let payloadEnd = Self.headerSize + Int(length)
        guard stream[payloadEnd...].starts(with: Self.end) else { throw .incompleteResult("its result does not end where its length says") }
        guard payloadEnd + Self.end.count == stream.count else {
            throw .incompleteResult("stray bytes followed its result")
        }
        let payload = Array(stream[Self.headerSize..<payloadEnd])
        if kind == UInt8(ascii: "M") {
            do throws(RenderFailure) {
                var reader = try WireReader(payload)
                let map = try reader.read(RenderedMap.self)
                try reader.finish()
                self = .map(map)
            } catch {
                throw .incompleteResult("its map could not be read")
            }
        } else {
            guard let failure = RenderFailure(json: payload) else { throw .incompleteResult("its failure report could not be read") }
            self = .failure(failure)
        }
    }
}

private extension RenderFailure {
    var json: [UInt8] { (try? JSONEncoder().encode(self)).map(Array.init) ?? [] }

    init?(json: [UInt8]) {
        guard let failure = try? JSONDecoder().decode(RenderFailure.self, from: Data(json)) else { return nil }
        self = failure
    }
}
