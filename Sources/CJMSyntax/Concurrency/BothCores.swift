import Dispatch

/// Runs two pieces of work at once, one on the calling thread and one on a pool thread, and
/// returns both results: how `cjm` reads, parses and declares a large journey on the machine's
/// two cores.
///
/// The work may capture what the compiler cannot prove safe to share, such as a buffer of the
/// input that neither side writes. It is safe because each closure runs exactly once and writes
/// only its own result, and both results are read after `concurrentPerform` has returned, which
/// orders the writes before the reads.
package enum BothCores {
    package static func run<Front, Back>(_ front: () -> Front, _ back: () -> Back) -> (Front, Back) {
        withoutActuallyEscaping(front) { front in
            withoutActuallyEscaping(back) { back in
                let halves = Halves(front: front, back: back)
                DispatchQueue.concurrentPerform(iterations: 2) { halves.run($0) }
                return (halves.frontResult!, halves.backResult!)
            }
        }
    }
}

/// The two closures and their results; see `BothCores` for why sharing it is safe.
private final class Halves<Front, Back>: @unchecked Sendable {
    let front: () -> Front
    let back: () -> Back
    var frontResult: Front?
    var backResult: Back?

    init(front: @escaping () -> Front, back: @escaping () -> Back) {
        self.front = front
        self.back = back
    }

    func run(_ part: Int) {
        if part == 0 { frontResult = front() } else { backResult = back() }
    }
}
