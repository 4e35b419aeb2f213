#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMSyntax

/// Every distinct id of a journey, numbered, so the symbol table keys its lookups with small
/// integers instead of hashing and comparing strings at every step.
///
/// Ids are compared byte for byte, as written, as compilers do: `String`'s own equality
/// normalises non-ASCII text, which costs about a thousand instructions per Cyrillic id.
struct NameTable: Sendable {
    /// Open addressing, linear probing: name number + 1 per slot, 0 for empty; a power-of-two
    /// count, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [Int] = []
    /// The UTF-8 of every name, one after another; `ends[n]` is where name `n` ends.
    private var spellings: [UInt8] = []
    private var ends: [Int] = []
    private(set) var names: [String] = []

    /// The number of `name`, adding it on first sight.
    mutating func number(of name: String) -> Int32 {
        var text = name
        // Only reads inside the closure: a closure that mutates `self` made the compiler copy
        // the tables' arrays on every call.
        let (hash, slot, found) = text.withUTF8 { bytes in
            let hash = SpellingHash.of(bytes)
            let (slot, found) = find(bytes, hash: hash)
            return (hash, slot, found)
        }
        if let found { return found }
        let number = Int32(names.count)
        slots[slot] = number + 1
        hashes.append(hash)
        text.withUTF8 { spellings.append(contentsOf: $0) }
        ends.append(spellings.count)
        names.append(name)
        if names.count * 2 > slots.count { grow() }
        return number
    }

    /// The number of `name` when it was added, else nil.
    func existingNumber(of name: String) -> Int32? {
        var text = name
        return text.withUTF8 { find($0, hash: SpellingHash.of($0)).found }
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, found: Int32?) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash, spelling(number, equals: bytes) { return (slot, Int32(number)) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private func spelling(_ number: Int, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = number == 0 ? 0 : ends[number - 1]
        guard ends[number] - start == bytes.count else { return false }
        guard !bytes.isEmpty else { return true }
        return spellings.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0 }
    }

    /// Makes room for `count` names, so adding them does not grow the table.
    mutating func reserve(_ count: Int) {
        var capacity = slots.count
        while capacity < count * 2 { capacity *= 2 }
        guard capacity > slots.count else { return }
        hashes.reserveCapacity(count)
        ends.reserveCapacity(count)
        names.reserveCapacity(count)
        rehash(into: capacity)
    }

    private mutating func grow() { rehash(into: slots.count * 2) }

    private mutating func rehash(into capacity: Int) {
        var bigger = [Int32](repeating: 0, count: capacity)
        let mask = bigger.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = hash & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(number + 1)
        }
        slots = bigger
    }
}
