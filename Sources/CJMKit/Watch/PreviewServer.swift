import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The live preview's HTTP server (FlyingFox), listening on 127.0.0.1 only:
/// `GET /` the page, `GET /events?view=NAME` its event stream (server-sent events), and
/// `GET /map.svg?view=NAME` the latest good map as a file.
///
/// A request whose `Host` is not 127.0.0.1 or localhost is refused (403), so a web page
/// elsewhere cannot read the preview by pointing a name of its own at 127.0.0.1.
final class PreviewServer: Sendable {
    private let server: HTTPServer
    private let state: PreviewState
    private let running = Mutex<Task<Void, Never>?>(nil)

    /// A server for `state` on `port` of 127.0.0.1 (0: a free port, chosen when it starts).
    init(state: PreviewState, port: UInt16) throws {
        self.state = state
        // The timeout bounds a handler's making of its response; an event stream's body is
        // sent afterwards and is not cut by it.
        server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: port), timeout: 30, logger: .disabled)
    }

    /// Why the server could not listen.
    struct StartFailure: Error {
        var reason: String
    }

    /// Starts listening and returns the port it listens on, or why it could not.
    func start() -> Result<UInt16, StartFailure> {
        let state = self.state
        let server = self.server
        let outcome = FirstOutcome()
        let decided = DispatchSemaphore(value: 0)
        let task = Task {
            await server.appendRoute("GET /") { request in Self.page(request, state: state) }
            await server.appendRoute("GET /events") { request in Self.events(request, state: state) }
            await server.appendRoute("GET /map.svg") { request in Self.svg(request, state: state) }
            let listening = Task {
                do {
                    try await server.waitUntilListening(timeout: 10)
                    var port: UInt16?
                    if case .ip4(_, let listeningPort) = await server.listeningAddress { port = listeningPort }
                    outcome.decide(port.map { .success($0) } ?? .failure(StartFailure(reason: "it has no address")))
                } catch {
                    outcome.decide(.failure(StartFailure(reason: Self.reason(error))))
                }
                decided.signal()
            }
            do {
                try await server.run()
            } catch {
                outcome.decide(.failure(StartFailure(reason: Self.reason(error))))
                listening.cancel()
            }
        }
        running.withLock { $0 = task }
        decided.wait()
        return outcome.decided ?? .failure(StartFailure(reason: "it did not start"))
    }

    /// How starting went: the first word on it counts (listening, or why not).
    private final class FirstOutcome: Sendable {
        private let value = Mutex<Result<UInt16, StartFailure>?>(nil)

        func decide(_ outcome: Result<UInt16, StartFailure>) {
            value.withLock { $0 = $0 ?? outcome }
        }

        var decided: Result<UInt16, StartFailure>? { value.withLock { $0 } }
    }

    /// Ends every event stream, then stops the server; returns once it has stopped (or after
    /// three seconds).
    func stop() {
        state.finish()
        let stopped = DispatchSemaphore(value: 0)
        let server = self.server
        Task {
            await server.stop(timeout: 1)
            stopped.signal()
        }
        _ = stopped.wait(timeout: .now() + 3)
        running.withLock { $0?.cancel() }
    }

    private static func reason(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, let code, let message) = socket {
            return code == EADDRINUSE ? "the port is in use (name another with --port, or leave --port out for a free one)" : message
        }
        return String(describing: error)
    }

    // MARK: Routes

    private static func page(_ request: HTTPRequest, state: PreviewState) -> HTTPResponse {
        if let refused = refusal(request) { return refused }
        let view = request.query["view"] ?? state.defaultView
        let (menu, shown) = state.snapshot(of: view)
        let html = PreviewPage.html(view: view, menu: menu, shown: shown, shownWidth: state.shownWidth)
        return HTTPResponse(statusCode: .ok, headers: headers(type: "text/html; charset=utf-8"), body: Data(html.utf8))
    }

    private static func events(_ request: HTTPRequest, state: PreviewState) -> HTTPResponse {
        if let refused = refusal(request) { return refused }
        let (events, subscription) = state.subscribe(view: request.query["view"] ?? state.defaultView)
        let body = HTTPBodySequence(from: EventByteStream(buffers: events, subscription: subscription), suggestedBufferSize: 1 << 16)
        return HTTPResponse(statusCode: .ok, headers: headers(type: "text/event-stream; charset=utf-8"), body: body)
    }

    private static func svg(_ request: HTTPRequest, state: PreviewState) -> HTTPResponse {
        if let refused = refusal(request) { return refused }
        guard let map = state.snapshot(of: request.query["view"] ?? state.defaultView).shown.map else {
            return HTTPResponse(statusCode: .notFound, headers: headers(type: "text/plain; charset=utf-8"), body: Data("no map yet\n".utf8))
        }
        return HTTPResponse(statusCode: .ok, headers: headers(type: "image/svg+xml"), body: Data(map.svg.utf8))
    }

    /// 403 unless the request names this server by a loopback name (`127.0.0.1`, `localhost`).
    private static func refusal(_ request: HTTPRequest) -> HTTPResponse? {
        let host = request.headers[.host] ?? ""
        let name = (host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : host.split(separator: ":").first.map(String.init) ?? "").lowercased()
        if ["127.0.0.1", "localhost"].contains(name) { return nil }
        return HTTPResponse(statusCode: .forbidden, headers: headers(type: "text/plain; charset=utf-8"),
                            body: Data("cjm watch answers only to http://127.0.0.1 and http://localhost\n".utf8))
    }

    private static func headers(type: String) -> HTTPHeaders {
        [.contentType: type, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff"]
    }
}
