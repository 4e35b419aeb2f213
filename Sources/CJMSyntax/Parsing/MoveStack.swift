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

    /// Moves the statements from `start` to the end, then all of `other`'s, out into one
    /// exactly sized array.
    func take(from start: Int, thenFrom other: MoveStack<Element>) -> [Element] {
        let own = count - start
        let taken = own + other.count
        guard taken > 0 else { return [] }
        let result = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: base + start, count: own)
            (buffer.baseAddress! + own).moveInitialize(from: other.base, count: other.count)
            initialized = taken
        }
        count = start
        other.count = 0
        return result
    }

    /// Moves the statements from `start` to the end out into an exactly sized array.
    func take(from start: Int) -> [Element] {
        let taken = count - start
        guard taken > 0 else { return [] }
        let source = base + start
        let result = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            buffer.baseAddress!.moveInitialize(from: source, count: taken)
            initialized = taken
        }
        count = start
        return result
    }
}
