#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Ctrl-C (SIGINT) and SIGTERM turned into a flag a long-running command looks at, so it can
/// stop cleanly — end its renders, close its server, exit 0 — instead of dying mid-write.
///
/// The signals are received by dispatch sources rather than a C handler, so nothing but this
/// object holds the state; `restore()` gives the signals back their default action.
final class Interruption: Sendable {
    private let raised = Atomic(false)
    /// Touched only by `init` and `restore`, on the thread that owns the command.
    nonisolated(unsafe) private var sources: [any DispatchSourceSignal] = []
    private let signals: [Int32]

    /// Starts catching `signals`.
    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        for number in signals {
            // Ignored at the process level so only the dispatch source hears it.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.raised.store(true, ordering: .relaxed) }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether one of the signals has come.
    var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Stops catching: the signals act as they did before.
    func restore() {
        sources.forEach { $0.cancel() }
        sources = []
        for number in signals { signal(number, SIG_DFL) }
    }
}
