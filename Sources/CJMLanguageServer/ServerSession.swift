#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMKit

/// Runs a `LanguageServer` over standard input and output until the editor sends `exit` or
/// closes the input: reads what has arrived, handles the first message, writes its answers,
/// and so on. A request whose `$/cancelRequest` has arrived by the time the server would start
/// on it is answered with RequestCancelled (`Inbox`); one already started runs to its end.
public enum ServerSession {
    /// The most frames held read ahead of the one being handled.
    static let maxQueued = 1000

    /// Serves until the end; returns the exit status (0 after `shutdown` then `exit`, else 1,
    /// as the protocol asks).
    public static func run(_ server: LanguageServer) -> Int32 {
        var server = server
        // A client that goes away while an answer is being written must not kill the server
        // with SIGPIPE; the write fails and the next read sees the end.
        signal(SIGPIPE, SIG_IGN)
        let console = Console()
        var reader = FrameReader(readBytes: { buffer, count in
            while true {
                let got = read(STDIN_FILENO, buffer, count)
                if got < 0, errno == EINTR { continue }
                return got
            }
        })
        var inbox = Inbox()
        while true {
            if inbox.isEmpty { inbox.append(reader.next()) }
            // What has already arrived joins the queue, so that a cancellation sent behind its
            // request is seen before the request is handled. Bounded, so that a client sending
            // without pause is still answered.
            while !inbox.hasEnded, inbox.count < maxQueued, reader.hasBufferedFrame || inputIsWaiting() {
                inbox.append(reader.next())
            }
            guard let (item, isCancelled) = inbox.next() else { continue }
            let outgoing: [JSONValue]
            switch item {
            case .end: return server.exitStatus ?? 1
            case .malformed(let problem): outgoing = server.handleMalformedFrame(problem)
            case .unparsable(let body): outgoing = server.handle(body: body)
            case .message(let message): outgoing = isCancelled ? LanguageServer.cancelled(message) : server.handle(message)
            }
            for message in outgoing {
                guard console.emit(MessageFrame.encode(message.serialized())) else { return 1 }
            }
            if let status = server.exitStatus { return status }
        }
    }

    /// Whether standard input has bytes (or its end) ready to read without waiting.
    private static func inputIsWaiting() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }
}
