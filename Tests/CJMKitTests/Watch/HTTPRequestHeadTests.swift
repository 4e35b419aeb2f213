@testable import CJMKit
import Testing

/// The live preview's request reader: what it takes, and what it refuses with which status.
struct HTTPRequestHeadTests {
    /// `text` fed to a reader in one piece.
    static func read(_ text: String) -> HTTPRequestHead.Reader.Progress {
        var reader = HTTPRequestHead.Reader()
        return reader.append(Array(text.utf8))
    }

    static func refusal(_ text: String) -> HTTPResponse.Status? {
        if case .refused(let refusal) = read(text) { return refusal.status }
        return nil
    }

    @Test func aBrowsersRequestIsReadWithItsPathQueryAndFields() throws {
        let progress = Self.read("GET /events?view=board&x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAccept:  text/event-stream \r\n\r\n")
        guard case .head(let head) = progress else { Issue.record("not read: \(progress)"); return }
        #expect(head.method == "GET" && head.path == "/events")
        #expect(head.query == ["view": "board", "x": "1"])
        #expect(head.field("host") == "127.0.0.1:8080")
        #expect(head.field("accept") == "text/event-stream", "spaces around a value are not part of it")
    }

    @Test func byteByByteIsTheSameAsAllAtOnceAndBareLineFeedsEndLinesToo() {
        let text = "\r\nGET /map.svg HTTP/1.1\nHOST: localhost\n\n"
        var reader = HTTPRequestHead.Reader()
        var progress = HTTPRequestHead.Reader.Progress.incomplete
        for byte in text.utf8 {
            #expect(progress == .incomplete, "nothing is decided before the blank line")
            progress = reader.append([byte])
        }
        #expect(progress == Self.read(text))
        guard case .head(let head) = progress else { Issue.record("not read: \(progress)"); return }
        #expect(head.path == "/map.svg" && head.field("host") == "localhost", "a blank line before the request line is skipped; names are case-insensitive")
    }

    @Test func percentEncodedQueryValuesAreDecodedIncludingCyrillicViewNames() throws {
        // encodeURIComponent("только_лиды"), as the page writes it.
        let encoded = "%D1%82%D0%BE%D0%BB%D1%8C%D0%BA%D0%BE_%D0%BB%D0%B8%D0%B4%D1%8B"
        guard case .head(let head) = Self.read("GET /?view=\(encoded) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") else {
            Issue.record("not read"); return
        }
        #expect(head.query["view"] == "только_лиды")
        guard case .head(let raw) = Self.read("GET /?view=только_лиды&view=second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") else {
            Issue.record("raw UTF-8, as curl sends it, not read"); return
        }
        #expect(raw.query["view"] == "только_лиды", "the first of a repeated name counts")
        guard case .head(let plus) = Self.read("GET /?view=a+b%20c%2Bd HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") else {
            Issue.record("not read"); return
        }
        #expect(plus.query["view"] == "a+b c+d")
        #expect(Self.refusal("GET /?view=%D1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == .badRequest, "half a Cyrillic letter is not UTF-8")
        #expect(Self.refusal("GET /?view=%ZZ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == .badRequest)
        #expect(Self.refusal("GET /?view=%4 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == .badRequest)
    }

    @Test func aMalformedRequestLineIsABadRequest() {
        for line in ["GET /", "GET  / HTTP/1.1", "GET / HTTP/1.1 extra", "GET http://127.0.0.1/ HTTP/1.1", "GET / http/1.1",
                     "GE(T / HTTP/1.1", "GET /a\u{7F}b HTTP/1.1", "GET / HTTP/1.1\rX", "\u{1F600} / HTTP/1.1"] {
            #expect(Self.refusal("\(line)\r\nHost: 127.0.0.1\r\n\r\n") == .badRequest, "\(line.debugDescription)")
        }
        #expect(Self.refusal("GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n") == .versionNotSupported)
        guard case .head = Self.read("GET / HTTP/1.0\r\n\r\n") else { Issue.record("HTTP/1.0 needs no Host"); return }
    }

    @Test func badHeaderLinesAndHostsAreABadRequest() {
        #expect(Self.refusal("GET / HTTP/1.1\r\n\r\n") == .badRequest, "HTTP/1.1 without Host")
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: localhost\r\n\r\n") == .badRequest, "two Hosts")
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n") == .badRequest, "a space before the colon")
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: b\r\n  folded\r\n\r\n") == .badRequest, "obsolete line folding")
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon\r\n\r\n") == .badRequest)
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: b\0c\r\n\r\n") == .badRequest, "a NUL in a value")
    }

    @Test func otherMethodsAreNotAllowed() {
        for method in ["POST", "HEAD", "PUT", "DELETE", "OPTIONS", "get"] {
            #expect(Self.refusal("\(method) / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == .methodNotAllowed, "\(method)")
        }
        let answer = String(decoding: HTTPResponse.text(.methodNotAllowed, "no").head, as: UTF8.self)
        #expect(answer.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n") && answer.contains("\r\nAllow: GET\r\n"))
    }

    @Test func anOversizeHeadIsRefusedBeforeItsEndArrives() {
        var reader = HTTPRequestHead.Reader()
        #expect(reader.append(Array("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".utf8)) == .incomplete)
        var progress = HTTPRequestHead.Reader.Progress.incomplete
        var sent = 0
        while progress == .incomplete, sent < 1 << 20 {
            progress = reader.append(Array("X-Cookie: \(String(repeating: "a", count: 1000))\r\n".utf8))
            sent += 1012
        }
        #expect(progress == .refused(.init(status: .headerFieldsTooLarge, reason: "the request's head is over 32 KiB or 100 fields")))
        #expect(sent <= HTTPRequestHead.headLimit + 1012, "refused as soon as it passed the limit")

        var line = HTTPRequestHead.Reader()
        #expect(line.append(Array("GET /?view=\(String(repeating: "a", count: 9000))".utf8)) != .incomplete, "a request line over 8 KiB")
        #expect(Self.refusal("GET /?view=\(String(repeating: "a", count: 9000)) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") == .uriTooLong)

        let fields = (0...HTTPRequestHead.fieldLimit).map { "X-\($0): 1\r\n" }.joined()
        #expect(Self.refusal("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\(fields)\r\n") == .headerFieldsTooLarge, "over 100 fields")
    }

    @Test func everyAnswerClosesItsConnectionAndIsNeitherCachedNorSniffed() {
        let text = String(decoding: HTTPResponse.text(.notFound, "no map yet").head, as: UTF8.self)
        #expect(text == "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 11\r\n"
            + "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n")
        let (events, continuation) = AsyncStream<[UInt8]>.makeStream()
        continuation.finish()
        let stream = HTTPResponse(status: .ok, contentType: "text/event-stream; charset=utf-8",
                                  body: .events(events, subscription: Subscription {}))
        #expect(!String(decoding: stream.head, as: UTF8.self).contains("Content-Length"), "an event stream runs until the connection closes")
    }
}
