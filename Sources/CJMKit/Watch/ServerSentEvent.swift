/// One event of an HTTP event stream (`text/event-stream`, as the HTML standard defines it):
/// `event:` names it, every line of `data` becomes a `data:` line, a blank line ends it.
struct ServerSentEvent: Equatable, Sendable {
    var name: String
    var data: String
    /// Sent as `id:`, so a reconnecting page says which revision it has seen.
    var id: Int?

    /// The bytes on the wire. Line breaks of every kind split `data` into `data:` lines (a
    /// bare CR would otherwise end a line in the reader but not here).
    var bytes: [UInt8] {
        var text = "event: \(name)\n"
        if let id { text += "id: \(id)\n" }
        for line in data.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            text += "data: \(line)\n"
        }
        return Array((text + "\n").utf8)
    }

    /// A comment line, ignored by readers: sent every few seconds so a closed page is noticed.
    static let keepAlive: [UInt8] = Array(": keep-alive\n\n".utf8)
}
