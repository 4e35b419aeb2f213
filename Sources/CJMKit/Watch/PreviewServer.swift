#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import FlyingSocks
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization

/// The live preview's HTTP server, listening on 127.0.0.1 only: `GET /` the page,
/// `GET /events?view=NAME` its event stream (server-sent events), and `GET /map.svg?view=NAME`
/// the latest good map as a file. One request per connection, read by `HTTPRequestHead`;
/// FlyingSocks's sockets and event loop underneath, on Swift's concurrency threads.
///
/// A request whose `Host` is not 127.0.0.1 or localhost is refused (403), so a web page
/// elsewhere cannot read the preview by pointing a name of its own at 127.0.0.1.
final class PreviewServer: Sendable {
    private let state: PreviewState
    private let port: UInt16
    private let serving = Mutex<Serving?>(nil)
    /// Responses being written, so stopping can let their last bytes go out.
    private let responding = Mutex(0)

    private struct Serving: Sendable {
        var listener: Socket
        var task: Task<Void, Never>
        var ended: DispatchSemaphore
    }

    /// How long a connection may take to send its request's head (closed after it).
    static let headTimeout = Duration.seconds(10)

    /// A server for `state` on `port` of 127.0.0.1 (0: a free port, chosen when it starts).
    init(state: PreviewState, port: UInt16) {
        self.state = state
        self.port = port
    }

    /// Why the server could not listen.
    struct StartFailure: Error {
        var reason: String
    }

    /// Starts listening and returns the port it listens on, or why it could not.
    func start() -> Result<UInt16, StartFailure> {
        let listener: Socket
        let chosen: UInt16
        do {
            listener = try Socket(domain: Int32(AF_INET))
            do {
                try listener.setValue(true, for: .localAddressReuse)
                try listener.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
            } catch {
                try? listener.close()
                throw error
            }
            try listener.listen()  // closes the socket when it fails
            guard case .ip4(_, let port) = try listener.sockname() else {
                try? listener.close()
                return .failure(StartFailure(reason: "it has no address"))
            }
            chosen = port
        } catch {
            return .failure(StartFailure(reason: Self.reason(error)))
        }
        let ended = DispatchSemaphore(value: 0)
        let task = Task {
            await self.serve(listener)
            ended.signal()
        }
        serving.withLock { $0 = Serving(listener: listener, task: task, ended: ended) }
        return .success(chosen)
    }

    /// Ends every event stream, lets what was written go out (up to a second), then stops
    /// answering; returns once the server has stopped (or after three seconds).
    func stop() {
        state.finish()
        let taken = serving.withLock { serving in
            defer { serving = nil }
            return serving
        }
        guard let serving = taken else { return }
        let drained = ContinuousClock.now + .seconds(1)
        while responding.withLock({ $0 }) > 0, ContinuousClock.now < drained { usleep(10_000) }
        serving.task.cancel()
        _ = serving.ended.wait(timeout: .now() + 2)
        try? serving.listener.close()
    }

    private static func reason(_ error: any Error) -> String {
        if let socket = error as? SocketError, case .failed(_, let code, let message) = socket {
            return code == EADDRINUSE ? "the port is in use (name another with --port, or leave --port out for a free one)" : message
        }
        return String(describing: error)
    }

    // MARK: Connections

    /// Accepts connections until cancelled, each answered in a task of its own.
    private func serve(_ listener: Socket) async {
        let pool = SocketPool.make()
        do {
            try await pool.prepare()
            let accepting = try AsyncSocket(socket: listener, pool: pool)
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await pool.run() }
                while !group.isCancelled {
                    do {
                        let connection = try await accepting.accept()
                        group.addTask { await self.answer(connection) }
                    } catch {
                        // Out of file descriptors, or a connection reset before it was taken:
                        // wait a moment rather than spin, then take the next.
                        try? await Task.sleep(for: .milliseconds(50))
                    }
                }
                group.cancelAll()
            }
        } catch {
            // Cancelled (stopping), or the event loop failed: nothing more is answered.
        }
    }

    /// Reads one request from `connection`, answers it, and closes the connection.
    private func answer(_ connection: AsyncSocket) async {
        defer { try? connection.close() }
        let response: HTTPResponse
        switch await Self.readHead(connection) {
        case .head(let head):
            response = route(head)
        case .refused(let refusal):
            await Self.send(.text(refusal.status, "cjm watch: \(refusal.reason)"), on: connection)
            await Self.lingerBeforeClosing(connection)
            return
        case .incomplete:
            // The connection ended, or sent no whole head in time (a browser's idle spare
            // connection): closed without an answer, as it asked nothing.
            return
        }
        responding.withLock { $0 += 1 }
        await Self.send(response, on: connection)
        responding.withLock { $0 -= 1 }
    }

    /// The request's head, a refusal, or `.incomplete` when the connection ended or
    /// `headTimeout` passed first.
    private static func readHead(_ connection: AsyncSocket) async -> HTTPRequestHead.Reader.Progress {
        await within(headTimeout, or: .incomplete) {
            var reader = HTTPRequestHead.Reader()
            while true {
                guard let bytes = try? await connection.read(atMost: 4096) else { return .incomplete }
                let progress = reader.append(bytes)
                if progress != .incomplete { return progress }
            }
        }
    }

    /// Writes `response`; an event stream until it ends or the page stops reading it.
    private static func send(_ response: HTTPResponse, on connection: AsyncSocket) async {
        switch response.body {
        case .bytes(let bytes):
            try? await connection.write(Data(response.head + bytes))
        case .events(let events, let subscription):
            do {
                try await connection.write(Data(response.head))
                for await buffer in events { try await connection.write(Data(buffer)) }
            } catch {
                // The page went away: a keep-alive comment found the socket closed.
            }
            withExtendedLifetime(subscription) {}
        }
    }

    /// After a refusal the client may still be sending what was refused; closing with its
    /// bytes unread would reset the connection, and the reset can overtake the answer. So:
    /// no more writing, and what still comes is read and dropped for half a second at most.
    private static func lingerBeforeClosing(_ connection: AsyncSocket) async {
        _ = shutdown(connection.socket.file.rawValue, Int32(SHUT_WR))
        await within(.milliseconds(500), or: ()) {
            var dropped = 0
            while dropped < 1 << 20, let bytes = try? await connection.read(atMost: 16_384) { dropped += bytes.count }
        }
    }

    /// What `body` returns, or `fallback` once `limit` has passed (`body` is then cancelled).
    private static func within<T: Sendable>(_ limit: Duration, or fallback: T, _ body: @escaping @Sendable () async -> T) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.addTask(operation: body)
            group.addTask {
                try? await Task.sleep(for: limit)
                return fallback
            }
            let first = await group.next() ?? fallback
            group.cancelAll()
            return first
        }
    }

    // MARK: Routes

    private func route(_ head: HTTPRequestHead) -> HTTPResponse {
        if let refused = Self.refusal(head) { return refused }
        let view = head.query["view"] ?? state.defaultView
        switch head.path {
        case "/":
            let (menu, shown) = state.snapshot(of: view)
            let html = PreviewPage.html(view: view, menu: menu, shown: shown, shownWidth: state.shownWidth)
            return HTTPResponse(status: .ok, contentType: "text/html; charset=utf-8", body: .bytes(Array(html.utf8)))
        case "/events":
            let (events, subscription) = state.subscribe(view: view)
            return HTTPResponse(status: .ok, contentType: "text/event-stream; charset=utf-8",
                                body: .events(events, subscription: subscription))
        case "/map.svg":
            guard let map = state.snapshot(of: view).shown.map else { return .text(.notFound, "no map yet") }
            return HTTPResponse(status: .ok, contentType: "image/svg+xml", body: .bytes(Array(map.svg.utf8)))
        default:
            return .text(.notFound, "cjm watch serves /, /events and /map.svg")
        }
    }

    /// 403 unless the request names this server by a loopback name (`127.0.0.1`, `localhost`).
    private static func refusal(_ head: HTTPRequestHead) -> HTTPResponse? {
        let host = head.field("host") ?? ""
        let name = (host.hasPrefix("[") ? String(host.prefix { $0 != "]" }) + "]" : host.split(separator: ":").first.map(String.init) ?? "").lowercased()
        if ["127.0.0.1", "localhost"].contains(name) { return nil }
        return .text(.forbidden, "cjm watch answers only to http://127.0.0.1 and http://localhost")
    }
}
