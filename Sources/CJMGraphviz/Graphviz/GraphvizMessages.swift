import CGraphviz
import Glibc

/// Collects what cgraph and gvc report through `agerr`, so a failure carries Graphviz's own
/// words. Messages arrive in pieces ("Error", ": ", text); they are joined on `take()`.
/// Each piece is also echoed to stderr at once: Graphviz sometimes calls `exit()` right
/// after reporting, and the parent should still see why.
///
/// Process-wide state is acceptable here: one render worker renders one graph on one thread.
enum GraphvizMessages {
    nonisolated(unsafe) private static var pieces: [String] = []

    /// Installs the sink; call once before any other Graphviz call.
    static func startCapturing() {
        pieces = []
        cjm_capture_messages { piece in
            guard let piece else { return 0 }
            GraphvizMessages.pieces.append(String(cString: piece))
            _ = write(STDERR_FILENO, piece, strlen(piece))
            return 0
        }
    }

    /// Everything reported since the last `take()`: the error lines when there are any,
    /// otherwise all lines, without Graphviz's "Error: " prefixes.
    static func take() -> String {
        let lines = pieces.joined().split(separator: "\n").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
        pieces = []
        let errors = lines.filter { $0.hasPrefix("Error") }
        let chosen = errors.isEmpty ? lines : errors
        return chosen.map { $0.dropPrefix("Error: ").dropPrefix("Warning: ") }.joined(separator: " ")
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }

    func dropPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : String(self)
    }
}
