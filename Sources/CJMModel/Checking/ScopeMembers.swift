import CJMSyntax

/// Which declaration a name denotes in each scope: one table for the whole journey, keyed by
/// (scope, name number), instead of a dictionary per block.
struct ScopeMembers: Sendable {
    private static let empty = UInt64.max

    /// Open addressing, linear probing; a power-of-two count, at most half full.
    private var keys = [UInt64](repeating: ScopeMembers.empty, count: 1024)
    private var values = [Int32](repeating: 0, count: 1024)
    private var count = 0

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
        keys[slot] = key
        values[slot] = Int32(declaration)
        count += 1
        if count * 2 > keys.count { grow() }
        return nil
    }

    /// The slot holding `key`, or the empty one where it would go.
    private func find(_ key: UInt64) -> (slot: Int, found: Int?) {
        let mask = keys.count - 1
        var slot = SpellingHash.of(key: key) & mask
        while keys[slot] != Self.empty {
            if keys[slot] == key { return (slot, Int(values[slot])) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Makes room for `count` members in all, so adding them does not grow the table.
    mutating func reserve(_ count: Int) {
        var capacity = keys.count
        while capacity < count * 2 { capacity *= 2 }
        if capacity > keys.count { rehash(into: capacity) }
    }

    private mutating func grow() { rehash(into: keys.count * 2) }

    private mutating func rehash(into capacity: Int) {
        let (oldKeys, oldValues) = (keys, values)
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Int32](repeating: 0, count: capacity)
        let mask = keys.count - 1
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            var slot = SpellingHash.of(key: key) & mask
            while keys[slot] != Self.empty { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
    }
}
