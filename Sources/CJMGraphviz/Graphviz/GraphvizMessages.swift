import CGraphviz

/// Collects what cgraph and gvc report through `agerr`, instead of letting them print to
/// stderr. Messages arrive in pieces ("Error", ": ", text); they are joined on `take()`.
///
/// Process-wide state is acceptable here: one render worker renders one graph on one thread.
enum GraphvizMessages {
    nonisolated(unsafe) private static var pieces: [String] = []

    /// Installs the sink; call once before any other Graphviz call.
    static func startCapturing() {
        pieces = []
        cjm_capture_messages { piece in
            if let piece { GraphvizMessages.pieces.append(String(cString: piece)) }
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
