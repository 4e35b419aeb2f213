#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last of the caught signals that came. Process-wide because a signal is: a signal
/// handler can reach nothing but a global. Only `Interruption` touches it.
private let caughtSignal = Atomic<Int32>(0)

/// Ctrl-C (SIGINT) and SIGTERM turned into a flag a long-running command looks at, so it can
/// stop cleanly — end its renders, close its server, exit 0 — instead of dying mid-write.
///
/// A C handler that only stores the signal's number (async-signal-safe); `restore()` gives
/// the signals back their default action. (A dispatch signal source does not work here: on
/// Linux it needs the signal blocked in every thread, and the concurrency pool's threads are
/// already running.)
final class Interruption: Sendable {
    private let signals: [Int32]

    /// Starts catching `signals`.
    init(signals: [Int32] = [SIGINT, SIGTERM]) {
        self.signals = signals
        caughtSignal.store(0, ordering: .relaxed)
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals {
            signal(number) { caught in caughtSignal.store(caught, ordering: .relaxed) }
            sigaddset(&set, number)
        }
        // A parent may have started us with them blocked (so they would never arrive); this
        // thread, at least, takes them.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether one of the signals has come.
    var isRaised: Bool { caughtSignal.load(ordering: .relaxed) != 0 }

    /// Stops catching: the signals act as they did before.
    func restore() {
        for number in signals { signal(number, SIG_DFL) }
    }
}
