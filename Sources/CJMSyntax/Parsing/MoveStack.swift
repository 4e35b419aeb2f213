/// The statements of every open block (or the attributes of the statement being read), innermost
/// last, in one growing buffer.
///
/// When a block closes, its statements are moved out into an array of exactly their count.
/// Appending to one array per block instead would leave up to half of every array unused
/// (capacity doubles as it grows), and on a 50 MB journey that slack alone is hundreds of
/// megabytes of memory to fault in. Moving, not copying, also spares a retain and a release
/// for every string in every statement.
final class MoveStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    func append(_ statement: consuming Element) {
        if count == capacity { reserve(count + 1) }
        (base + count).initialize(to: statement)
        count += 1
    }

    func removeLast() {
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    private func reserve(_ needed: Int) {
        guard needed > capacity else { return }
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }

    /// Moves the statements from `start` to the end, then all of each of `others`' in turn,
    /// out into one exactly sized array.
    func take(from start: Int, thenFrom others: [MoveStack<Element>]) -> [Element] {
        let own = count - start
        let total = others.reduce(own) { $0 + $1.count }
        guard total > 0 else { return [] }
        var result: [Element] = []
        result.reserveCapacity(total)
        result.append(contentsOf: MovedElements(base + start, count: own))
        count = start
        for other in others {
            result.append(contentsOf: MovedElements(other.base, count: other.count))
            other.count = 0
        }
        return result
    }

    /// Moves the statements from `start` to the end out into an exactly sized array.
    func take(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        var result: [Element] = []
        result.reserveCapacity(taken)
        result.append(contentsOf: MovedElements(base + start, count: taken))
        count = start
        return result
    }
}

/// Initialized memory whose elements an array takes over when appending it: they are moved, not
/// copied, so no string in them is retained and released again.
///
/// Not `Array(unsafeUninitializedCapacity:)`, which looked the array's type up in the runtime's
/// generic metadata cache (under a lock) on every call. `reserveCapacity` and `append(contentsOf:)` are specialised for the element.
private struct MovedElements<Element>: Sequence {
    private let start: UnsafeMutablePointer<Element>
    private let count: Int

    init(_ start: UnsafeMutablePointer<Element>, count: Int) {
        self.start = start
        self.count = count
    }

    var underestimatedCount: Int { count }

    /// Moves every element into `buffer`, which `append(contentsOf:)` sized from
    /// `underestimatedCount`; the elements' memory is left uninitialized.
    func _copyContents(initializing buffer: UnsafeMutableBufferPointer<Element>) -> (EmptyCollection<Element>.Iterator, Int) {
        precondition(buffer.count >= count, "room for \(count) moved elements")
        if count > 0 { buffer.baseAddress!.moveInitialize(from: start, count: count) }
        return (EmptyCollection<Element>.Iterator(), count)
    }

    /// Only `_copyContents` may take the elements; iterating would copy them.
    func makeIterator() -> EmptyCollection<Element>.Iterator { EmptyCollection<Element>.Iterator() }
}
