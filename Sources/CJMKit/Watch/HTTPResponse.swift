/// A response of the live preview's server: a status, a content type, and either a whole
/// body, sent with its `Content-Length`, or an event stream, sent as the events come and
/// ended by closing the connection. Every response closes its connection (`Connection:
/// close`): a page holds one event stream and asks for little else, so keeping connections
/// open would buy nothing.
struct HTTPResponse: Sendable {
    /// A status code and its reason phrase.
    struct Status: Equatable, Sendable {
        var code: Int
        var phrase: String

        static let ok = Status(code: 200, phrase: "OK")
        static let badRequest = Status(code: 400, phrase: "Bad Request")
        static let forbidden = Status(code: 403, phrase: "Forbidden")
        static let notFound = Status(code: 404, phrase: "Not Found")
        static let methodNotAllowed = Status(code: 405, phrase: "Method Not Allowed")
        static let uriTooLong = Status(code: 414, phrase: "URI Too Long")
        static let headerFieldsTooLarge = Status(code: 431, phrase: "Request Header Fields Too Large")
        static let versionNotSupported = Status(code: 505, phrase: "HTTP Version Not Supported")
    }

    /// What follows the head.
    enum Body: Sendable {
        case bytes([UInt8])
        /// Each buffer is written as it comes; `subscription` is held until the stream ends or
        /// the page stops reading, and letting it go unsubscribes the page.
        case events(AsyncStream<[UInt8]>, subscription: Subscription)
    }

    var status: Status
    var contentType: String
    var body: Body

    /// `text` as `text/plain`, the body of every refusal and of "no map yet".
    static func text(_ status: Status, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, contentType: "text/plain; charset=utf-8", body: .bytes(Array((text + "\n").utf8)))
    }

    /// The status line and header fields, up to and with the blank line. Nothing the browser
    /// gets is cached (every map is the latest) or sniffed for another type.
    var head: [UInt8] {
        var text = "HTTP/1.1 \(status.code) \(status.phrase)\r\nContent-Type: \(contentType)\r\n"
        if case .bytes(let bytes) = body { text += "Content-Length: \(bytes.count)\r\n" }
        if status == .methodNotAllowed { text += "Allow: GET\r\n" }
        text += "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        return Array(text.utf8)
    }
}
