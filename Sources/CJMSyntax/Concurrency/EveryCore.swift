import Dispatch

/// Runs a number of independent pieces of work on all cores and returns their results in
/// order: each core takes the next piece as soon as it is done with one, so cores that run at
/// different speeds (a shared machine) or pieces of different cost still finish close together.
///
/// The work may capture what the compiler cannot prove safe to share, such as a buffer of the
/// input that no piece writes. It is safe because each piece runs exactly once and writes only
/// its own slot, and the slots are read after `concurrentPerform` has returned, which orders
/// the writes before the reads.
package enum EveryCore {
    package static func map<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
        let slots = Slots<Result>(count)
        withoutActuallyEscaping(work) { work in
            let pieces = Pieces(work: work, slots: slots)
            DispatchQueue.concurrentPerform(iterations: count) { pieces.run($0) }
        }
        return slots.take()
    }
}

/// The work and where its results go; see `EveryCore` for why sharing it is safe.
private final class Pieces<Result>: @unchecked Sendable {
    let work: (Int) -> Result
    let slots: Slots<Result>

    init(work: @escaping (Int) -> Result, slots: Slots<Result>) {
        self.work = work
        self.slots = slots
    }

    func run(_ index: Int) { slots.base[index] = work(index) }
}

/// One result per piece, in memory no piece shares with another: an array's storage would be
/// one object that every piece checks for unique ownership as it writes.
private final class Slots<Result> {
    let base: UnsafeMutablePointer<Result?>
    let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    /// The results, leaving the slots empty.
    func take() -> [Result] {
        (0..<count).map { base[$0].take()! }
    }
}
