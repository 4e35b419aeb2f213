import CJMSyntax

/// The head of an HTTP/1.1 request — its request line and header fields, up to the blank line
/// that ends them — as the live preview's server takes it: `GET` only, a path from `/` with
/// an optional query, no body. Everything else is refused with the status a browser or tool
/// understands (400, 405, 414, 431, 505), never guessed at.
///
/// Hand-written rather than FlyingFox's HTTP module: that module imports FoundationNetworking,
/// which links libcurl and its 30 libraries into every `cjm` process (benchmarks/README.md).
struct HTTPRequestHead: Equatable, Sendable {
    /// The method, as sent (only `GET` gets this far).
    var method: String
    /// The target's path, as sent, without its query (`/map.svg`).
    var path: String
    /// The query's parameters, percent-decoded; the first of a repeated name counts. A `+`
    /// stays a `+`: the page encodes with `encodeURIComponent`, which writes a space as `%20`.
    var query: [String: String]
    /// The header fields in the order sent, names lowercased.
    var fields: [Field]

    /// One header field.
    struct Field: Equatable, Sendable {
        /// Lowercased: field names are case-insensitive.
        var name: String
        /// Without the spaces around it.
        var value: String
    }

    /// The value of the first field named `name` (lowercase), if sent.
    func field(_ name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Why a request was refused: the status to answer with and a line saying why.
    struct Refusal: Error, Equatable, Sendable {
        var status: HTTPResponse.Status
        var reason: String
    }

    /// The longest request line taken (414 past it), and the longest head (431 past it): a
    /// browser sends a few hundred bytes, more with cookies other local servers set.
    static let requestLineLimit = 8 * 1024
    static let headLimit = 32 * 1024
    /// The most header fields taken (431 past it).
    static let fieldLimit = 100

    // MARK: Reading

    /// Collects a request's bytes as they arrive until its head is whole.
    struct Reader {
        private var buffer: [UInt8] = []

        /// What the bytes so far amount to.
        enum Progress: Equatable {
            /// No blank line yet, and still under the limits.
            case incomplete
            case head(HTTPRequestHead)
            case refused(Refusal)
        }

        /// Adds the next bytes read from the connection.
        mutating func append(_ bytes: some Sequence<UInt8>) -> Progress {
            let searchedUpTo = max(buffer.count - 3, 0)
            buffer.append(contentsOf: bytes)
            guard let end = HTTPRequestHead.endOfHead(in: buffer, from: searchedUpTo) else {
                if buffer.count > HTTPRequestHead.headLimit {
                    return .refused(HTTPRequestHead.tooLarge)
                }
                if !buffer.contains(UInt8(ascii: "\n")), buffer.count > HTTPRequestHead.requestLineLimit {
                    return .refused(HTTPRequestHead.uriTooLong)
                }
                return .incomplete
            }
            if end > HTTPRequestHead.headLimit { return .refused(HTTPRequestHead.tooLarge) }
            switch HTTPRequestHead.parse(buffer[..<end]) {
            case .success(let head): return .head(head)
            case .failure(let refusal): return .refused(refusal)
            }
        }
    }

    /// Where the head ends — the index of the line feed before its blank line — searching
    /// from `start`. Lines may end in CRLF or a bare LF (RFC 9112 §2.2 lets a recipient take
    /// both), and blank lines before the request line are skipped.
    static func endOfHead(in bytes: [UInt8], from start: Int) -> Int? {
        let firstLine = bytes.firstIndex { $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\n") } ?? bytes.endIndex
        var index = max(start, firstLine)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                var next = index + 1
                if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
                if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { return index }
            }
            index += 1
        }
        return nil
    }

    // MARK: Parsing

    /// The head in `bytes` (without the blank line that ends it), or why it is refused.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Result<HTTPRequestHead, Refusal> {
        let lines = split(bytes.drop { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") })
        guard let requestLine = lines.first, !requestLine.isEmpty else { return .failure(malformed("no request line")) }
        if requestLine.count > requestLineLimit { return .failure(uriTooLong) }
        if lines.count - 1 > fieldLimit { return .failure(tooLarge) }
        if lines.contains(where: { line in line.contains { $0 == UInt8(ascii: "\r") || $0 == 0 } }) {
            return .failure(malformed("a bare CR or a NUL in the head"))
        }

        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, let method = parts.first, !method.isEmpty, method.allSatisfy(isTokenByte) else {
            return .failure(malformed("the request line is not METHOD TARGET HTTP/1.1"))
        }
        let target = parts[1], version = parts[2]
        guard version.elementsEqual("HTTP/1.1".utf8) || version.elementsEqual("HTTP/1.0".utf8) else {
            let looksLikeVersion = version.count == 8 && version.starts(with: "HTTP/".utf8)
                && isDigit(version[version.startIndex + 5]) && version[version.startIndex + 6] == UInt8(ascii: ".")
                && isDigit(version[version.startIndex + 7])
            return .failure(looksLikeVersion
                ? Refusal(status: .versionNotSupported, reason: "only HTTP/1.1 is spoken here")
                : malformed("the request line is not METHOD TARGET HTTP/1.1"))
        }
        // Bytes past ASCII are taken (curl sends a Cyrillic query as raw UTF-8); controls are not.
        guard target.first == UInt8(ascii: "/"), target.allSatisfy({ $0 > 0x20 && $0 != 0x7F }) else {
            return .failure(malformed("the target is not a path from /"))
        }

        var fields: [Field] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[..<colon].allSatisfy(isTokenByte) else {
                // Includes obsolete line folding (a line that starts with a space or tab).
                return .failure(malformed("a header line is not NAME: VALUE"))
            }
            let value = line[(colon + 1)...].drop(while: isSpace)
            let end = value.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? value.startIndex
            fields.append(Field(name: String(decoding: line[..<colon], as: UTF8.self).lowercased(),
                                value: String(decoding: value[..<end], as: UTF8.self)))
        }
        let hosts = fields.filter { $0.name == "host" }.count
        if hosts > 1 || (hosts == 0 && version.elementsEqual("HTTP/1.1".utf8)) {
            // RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host.
            return .failure(malformed("an HTTP/1.1 request names one Host"))
        }

        let question = target.firstIndex(of: UInt8(ascii: "?")) ?? target.endIndex
        var query: [String: String] = [:]
        if question < target.endIndex {
            for pair in target[(question + 1)...].split(separator: UInt8(ascii: "&")) {
                let equals = pair.firstIndex(of: UInt8(ascii: "=")) ?? pair.endIndex
                guard let name = PercentEncoding.decoded(pair[..<equals]),
                      let value = PercentEncoding.decoded(equals < pair.endIndex ? pair[(equals + 1)...] : []) else {
                    return .failure(malformed("the query is not percent-encoded UTF-8"))
                }
                if query[name] == nil { query[name] = value }
            }
        }
        guard method.elementsEqual("GET".utf8) else {
            return .failure(Refusal(status: .methodNotAllowed, reason: "the preview only answers GET"))
        }
        return .success(HTTPRequestHead(method: "GET", path: String(decoding: target[..<question], as: UTF8.self),
                                        query: query, fields: fields))
    }

    private static func split(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
            line.last == UInt8(ascii: "\r") ? line.dropLast() : line
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

    /// A byte of an RFC 9110 token (method and field names).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    private static func malformed(_ reason: String) -> Refusal { Refusal(status: .badRequest, reason: reason) }

    private static let tooLarge = Refusal(status: .headerFieldsTooLarge, reason: "the request's head is over 32 KiB or 100 fields")
    private static let uriTooLong = Refusal(status: .uriTooLong, reason: "the request line is over 8 KiB")
}
