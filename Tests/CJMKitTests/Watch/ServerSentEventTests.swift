@testable import CJMKit
import Testing

/// The event-stream wire format as the HTML standard's reader takes it apart.
struct ServerSentEventTests {
    @Test func everyLineOfTheDataIsADataLineAndABlankLineEndsTheEvent() {
        let event = ServerSentEvent(name: "map", data: "<svg>\n<g/>\r\n</svg>\rend", id: 7)
        #expect(String(decoding: event.bytes, as: UTF8.self)
            == "event: map\nid: 7\ndata: <svg>\ndata: <g/>\ndata: </svg>\ndata: end\n\n")
    }

    @Test func emptyDataIsOneEmptyDataLineAndCyrillicStaysUTF8() {
        #expect(String(decoding: ServerSentEvent(name: "failure", data: "").bytes, as: UTF8.self) == "event: failure\ndata: \n\n")
        #expect(ServerSentEvent(name: "m", data: "Лиды").bytes.count == "event: m\ndata: Лиды\n\n".utf8.count)
    }
}
