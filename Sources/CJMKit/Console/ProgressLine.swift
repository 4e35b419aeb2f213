#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// The progress line of a render on a terminal: `cjm: 3/12 maps drawn, 4 s; now docs/a.cjm
/// (board)`, redrawn in place on stderr while a render of many maps, or one long layout, takes
/// more than a second, and erased when it ends. Nothing at all when stderr is not a terminal,
/// so logs and pipes never see it.
final class ProgressLine: Sendable {
    private struct State {
        var done = 0
        /// The maps being drawn now, the latest started last.
        var running: [Int] = []
        var drawn = false
        var ended = false
    }

    private let labels: [String]
    private let console: Console
    private let started = ContinuousClock.now
    private let state = Mutex(State())

    /// A line for maps named `labels` (one per map, e.g. `docs/a.cjm (board)`), first drawn
    /// after `delay`; nil when stderr is not a terminal or there is nothing to draw.
    init?(labels: [String], console: Console, delay: Duration = .seconds(1)) {
        guard console.stderrIsTerminal, !labels.isEmpty else { return nil }
        self.labels = labels
        self.console = console
        let (seconds, attoseconds) = delay.components
        redraw(after: .milliseconds(Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)))
    }

    /// Map `index` is being drawn.
    func started(_ index: Int) {
        state.withLock { $0.running.append(index) }
    }

    /// Map `index` is done (drawn or failed), or, when not `drawn`, done with a step before
    /// its drawing (its blocks' layout).
    func finished(_ index: Int, drawn: Bool = true) {
        state.withLock { state in
            state.running.removeAll { $0 == index }
            if drawn { state.done += 1 }
        }
    }

    /// Stops redrawing and erases the line, before anything else is printed.
    func end() {
        state.withLock { state in
            if state.drawn { console.writeRaw("\r\u{1B}[K") }
            state.ended = true
        }
    }

    /// Draws the line after `delay`, then every quarter second until `end`.
    private func redraw(after delay: DispatchTimeInterval) {
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { [weak self] in
            guard let self, self.redraw() else { return }
            self.redraw(after: .milliseconds(250))
        }
    }

    /// Draws the line; false once it has ended.
    private func redraw() -> Bool {
        let seconds = Int((ContinuousClock.now - started).components.seconds)
        return state.withLock { state in
            guard !state.ended else { return false }
            var text = "cjm: \(state.done)/\(labels.count) maps drawn, \(seconds) s"
            if let current = state.running.last { text += "; now \(labels[current])" }
            console.writeRaw("\r" + Self.fitted(text, columns: Self.terminalColumns()) + "\u{1B}[K")
            state.drawn = true
            return true
        }
    }

    /// `text` cut to `columns - 1` characters, so the terminal never wraps it (a wrapped line
    /// cannot be redrawn in place).
    static func fitted(_ text: String, columns: Int) -> String {
        let room = max(columns - 1, 10)
        return text.count <= room ? text : String(text.prefix(room - 1)) + "…"
    }

    private static func terminalColumns() -> Int {
        var size = winsize()
        return ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
    }
}
