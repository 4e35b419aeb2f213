/// Wall-clock time per pipeline stage, printed with `--timings` for benchmarks.
struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var laps: [(String, Duration)] = []

    init() { last = clock.now }

    /// Records `duration` as a lap of its own, measured elsewhere.
    mutating func add(_ stage: String, _ duration: Duration) {
        laps.append((stage, duration))
        last = clock.now
    }

    mutating func lap(_ stage: String) {
        let now = clock.now
        laps.append((stage, now - last))
        last = now
    }

    func report(to console: Console, bytes: Int) {
        let total = laps.reduce(Duration.zero) { $0 + $1.1 }
        for (stage, duration) in laps {
            console.report("timing: \(stage): \(Self.milliseconds(duration)) ms")
        }
        console.report("timing: total: \(Self.milliseconds(total)) ms for \(bytes) bytes of input")
    }

    private static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(Int(ms.rounded()))
    }
}
