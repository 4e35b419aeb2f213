#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMKit

/// Runs a `LanguageServer` over standard input and output until the editor sends `exit` or
/// closes the input: reads a frame, handles it, writes the answers, reads the next.
public enum ServerSession {
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
        while true {
            let outgoing: [JSONValue]
            switch reader.next() {
            case .end: return server.exitStatus ?? 1
            case .malformed(let problem): outgoing = server.handleMalformedFrame(problem)
            case .message(let body): outgoing = server.handle(body: body)
            }
            for message in outgoing {
                guard console.emit(MessageFrame.encode(message.serialized())) else { return 1 }
            }
            if let status = server.exitStatus { return status }
        }
    }
}
