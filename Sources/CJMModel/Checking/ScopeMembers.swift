import CJMSyntax

/// Which declaration a name denotes in each scope: one table for the whole journey, keyed by
/// (scope, name number), instead of a dictionary per block.
struct ScopeMembers: Sendable {
    private static let empty = UInt64.max

    /// Open addressing, linear probing; a power-of-two count of slots, at most three quarters
    /// full (probes run along adjacent slots, four to a cache line, so a fuller table costs
    /// little, and the table of a 50 MB journey is 8 MB instead of 16). Slot
    /// `i` is `slots[2i]` (the key) and `slots[2i + 1]` (the declaration): one cache line holds
    /// both, and a lookup in a table of a few hundred thousand members misses the cache once
    /// instead of twice.
    private var slots = ScopeMembers.emptySlots(1024)
    private var count = 0

    private var capacity: Int { slots.count / 2 }

    private static func emptySlots(_ capacity: Int) -> [UInt64] {
        [UInt64](repeating: empty, count: capacity * 2)
    }

    private static func key(_ scope: Int, _ name: Int32) -> UInt64 {
        UInt64(UInt32(truncatingIfNeeded: scope)) << 32 | UInt64(UInt32(bitPattern: name))
    }

    /// The declaration `name` denotes in `scope`.
    subscript(scope: Int, name: Int32) -> Int? {
        find(Self.key(scope, name)).found
    }

    /// Records that `name` denotes `declaration` in `scope`, unless it already denotes one
    /// there; returns that earlier one.
    mutating func add(_ declaration: Int, scope: Int, name: Int32) -> Int? {
        let key = Self.key(scope, name)
        let (slot, found) = find(key)
        if let found { return found }
        slots[2 * slot] = key
        slots[2 * slot + 1] = UInt64(declaration)
        count += 1
        if count * 4 > capacity * 3 { grow() }
        return nil
    }

    /// The slot holding `key`, or the empty one where it would go.
    private func find(_ key: UInt64) -> (slot: Int, found: Int?) {
        // Plain subscripts: reading through `withUnsafeBufferPointer` here retained and released
        // the table for every lookup, and the build's parts look up one shared table from both
        // cores.
        let mask = capacity - 1
        var slot = SpellingHash.of(key: key) & mask
        while slots[2 * slot] != Self.empty {
            if slots[2 * slot] == key { return (slot, Int(slots[2 * slot + 1])) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Makes room for `count` members in all, so adding them does not grow the table.
    mutating func reserve(_ count: Int) {
        var wanted = capacity
        while wanted * 3 < count * 4 { wanted *= 2 }
        if wanted > capacity { rehash(into: wanted) }
    }

    private mutating func grow() { rehash(into: capacity * 2) }

    private mutating func rehash(into newCapacity: Int) {
        let old = slots
        slots = Self.emptySlots(newCapacity)
        let mask = newCapacity - 1
        for index in stride(from: 0, to: old.count, by: 2) where old[index] != Self.empty {
            var slot = SpellingHash.of(key: old[index]) & mask
            while slots[2 * slot] != Self.empty { slot = (slot + 1) & mask }
            slots[2 * slot] = old[index]
            slots[2 * slot + 1] = old[index + 1]
        }
    }
}
