import CJMLanguageServer
import Testing

/// The queue of frames read but not handled: a `$/cancelRequest` behind its request cancels it.
@Suite struct InboxTests {
    static func frame(_ json: String) -> FrameReader.Frame { .message(Array(json.utf8)) }

    @Test func aCancellationBehindItsRequestCancelsIt() {
        var inbox = Inbox()
        inbox.append(Self.frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}"#))
        inbox.append(Self.frame(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#))
        inbox.append(Self.frame(#"{"jsonrpc":"2.0","id":"два","method":"textDocument/hover","params":{}}"#))
        inbox.append(Self.frame(#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}"#))
        inbox.append(Self.frame(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":"два"}}"#))
        inbox.append(.end)
        // A cancellation before its request (the request was sent again, say) changes nothing.
        #expect(inbox.next()?.isCancelled == false)
        #expect(inbox.next()?.isCancelled == false)
        #expect(inbox.next()?.isCancelled == true, "`два` is cancelled by the string id")
        #expect(inbox.next()?.isCancelled == false, "3 is not, though 3 and \"3\" look alike")
        #expect(inbox.next()?.isCancelled == false)
        #expect(inbox.hasEnded)
        #expect(inbox.next()?.item == .end)
        #expect(inbox.isEmpty && inbox.next() == nil)
    }

    @Test func framesThatAreNotJSONStayInOrder() {
        var inbox = Inbox()
        inbox.append(.message(Array("not json".utf8)))
        inbox.append(.malformed("bad header"))
        #expect(inbox.next()?.item == .unparsable(Array("not json".utf8)))
        #expect(inbox.next()?.item == .malformed("bad header"))
    }

    @Test func aWholeFrameAlreadyReadIsSeenWithoutReading() {
        let bytes = Array("Content-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[".utf8)
        var offset = 0
        var reader = FrameReader(readBytes: { buffer, count in
            let taken = min(count, bytes.count - offset)
            for k in 0..<taken { buffer.storeBytes(of: bytes[offset + k], toByteOffset: k, as: UInt8.self) }
            offset += taken
            return taken
        })
        #expect(!reader.hasBufferedFrame, "nothing read yet")
        #expect(reader.next() == .message(Array("{}".utf8)))
        #expect(!reader.hasBufferedFrame, "the second frame is cut short")
    }
}
