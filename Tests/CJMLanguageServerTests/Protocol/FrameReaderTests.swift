import CJMLanguageServer
import Testing

/// `Content-Length` framing read from bytes arriving in arbitrary pieces.
@Suite struct FrameReaderTests {
    /// A reader over `bytes`, handing out at most `piece` bytes per read.
    static func reader(_ bytes: [UInt8], piece: Int) -> FrameReader {
        var offset = 0
        return FrameReader(readBytes: { buffer, count in
            let taken = min(count, piece, bytes.count - offset)
            for k in 0..<taken { buffer.storeBytes(of: bytes[offset + k], toByteOffset: k, as: UInt8.self) }
            offset += taken
            return taken
        })
    }

    static func frames(_ text: String, piece: Int) -> [FrameReader.Frame] {
        var reader = reader(Array(text.utf8), piece: piece)
        var frames: [FrameReader.Frame] = []
        while true {
            let frame = reader.next()
            frames.append(frame)
            if frame == .end { return frames }
        }
    }

    @Test(arguments: [1, 3, 7, 65536])
    func messagesSplitAnywhereAreReassembled(piece: Int) {
        let body = #"{"text":"журнал 🛋"}"#
        let stream = "Content-Length: \(body.utf8.count)\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n\(body)"
            + "content-length:2\r\n\r\n{}"
        #expect(Self.frames(stream, piece: piece) == [.message(Array(body.utf8)), .message(Array("{}".utf8)), .end])
    }

    @Test func damagedHeadersAreReportedAndSkipped() {
        let frames = Self.frames("Content-Length: x\r\n\r\nContent-Type: a\r\n\r\nno colon\r\n\r\nContent-Length: 2\r\n\r\n[]", piece: 5)
        #expect(frames.count == 5)
        guard frames.count == 5 else { return }
        if case .malformed(let problem) = frames[0] { #expect(problem.contains("not a byte count")) } else { Issue.record("\(frames[0])") }
        if case .malformed(let problem) = frames[1] { #expect(problem.contains("no `Content-Length`")) } else { Issue.record("\(frames[1])") }
        if case .malformed(let problem) = frames[2] { #expect(problem.contains("has no `:`")) } else { Issue.record("\(frames[2])") }
        #expect(frames[3] == .message(Array("[]".utf8)))
    }

    @Test func aBodyWithoutHeaderIsSkippedUpToTheNextHeader() {
        let frames = Self.frames("{\"a\":1}Content-Length: 2\r\n\r\n{}", piece: 4)
        #expect(frames.first.map { if case .malformed = $0 { true } else { false } } == true)
        #expect(frames.dropFirst().first == .message(Array("{}".utf8)))
    }

    @Test func aTruncatedFrameEndsTheStream() {
        #expect(Self.frames("Content-Length: 10\r\n\r\n{}", piece: 100) == [.end])
        #expect(Self.frames("", piece: 100) == [.end])
    }

    @Test func anEndlessHeaderIsCutOff() {
        let frames = Self.frames(String(repeating: "x", count: MessageFrame.maxHeaderBytes + 70_000), piece: 65536)
        #expect(frames.contains { if case .malformed = $0 { true } else { false } })
        #expect(frames.last == .end)
    }
}
