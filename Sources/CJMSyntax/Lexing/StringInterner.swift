#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `String` per distinct spelling of the words and strings of a file (strings with escapes
/// aside, which are rare and have no spelling in the source to compare with).
///
/// Journeys repeat their texts: keywords and attribute names on every line, `owner "Отдел
/// продаж"` under every touchpoint (how often, benchmarks/README.md). Making a `String`
/// validates its bytes again and, past 15 UTF-8 bytes (almost any Cyrillic label), allocates; a repeat found here costs a hash and a compare instead, and
/// shares one storage.
struct StringInterner {
    /// A distinct spelling: where it first stood in the source, and its hash.
    private struct Entry {
        var hash: Int
        var offset: Int
        var count: Int
    }

    private let source: UnsafeBufferPointer<UInt8>
    /// Open addressing, linear probing: entry index + 1 per slot, 0 for empty; a power-of-two
    /// count, at most half full. Entries keep their hash, so probing compares bytes only on a
    /// hash match and growing rehashes nothing.
    private var table = [Int32](repeating: 0, count: 1024)
    private var entries: [Entry] = []
    private var strings: [String] = []
    /// The last spelling of up to 16 bytes met in each of 4,096 slots, by its bytes: keywords,
    /// attribute names and short ids are most of a journey's words, and a repeat found here
    /// costs two loads and a compare instead of a hash, a probe and a `memcmp`. A slot is overwritten on a miss, so crowding one only falls back to the table.
    private var recent = [RecentSpelling](repeating: RecentSpelling(low: 0, high: 0, count: -1, number: 0), count: 4096)

    private struct RecentSpelling {
        var low: UInt64
        var high: UInt64
        var count: Int32
        var number: Int32
    }

    /// Interns spellings of `source`, which must outlive the interner.
    init(source: UnsafeBufferPointer<UInt8>) { self.source = source }

    /// The string numbered `number`.
    func string(_ number: Int32) -> String { strings[Int(number)] }

    /// The number of a string that has no spelling in the source (a string with escapes,
    /// decoded); it is not shared.
    mutating func add(_ text: String) -> Int32 {
        entries.append(Entry(hash: 0, offset: 0, count: -1))
        strings.append(text)
        return Int32(strings.count - 1)
    }

    /// The number of the string spelled by `source[range]` (valid UTF-8), shared with earlier
    /// equal spellings.
    mutating func number(at range: Range<Int>) -> Int32 {
        let count = range.count
        // Two whole words must lie inside the source; near its end the table alone answers.
        guard count <= 16, range.lowerBound + 16 <= source.count, let base = source.baseAddress else { return lookUp(range) }
        let raw = UnsafeRawPointer(base + range.lowerBound)
        var low = raw.loadUnaligned(as: UInt64.self)
        var high = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        // Keep only the spelling's own bytes (little-endian: the first byte is the lowest).
        if count < 8 {
            low &= (1 << UInt64(count * 8)) &- 1
            high = 0
        } else if count == 8 {
            high = 0
        } else if count < 16 {
            high &= (1 << UInt64((count - 8) * 8)) &- 1
        }
        let slot = Int(truncatingIfNeeded: ((low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)) >> 52)
        let seen = recent[slot]
        if seen.low == low, seen.high == high, seen.count == Int32(count) { return seen.number }
        let number = lookUp(range)
        recent[slot] = RecentSpelling(low: low, high: high, count: Int32(count), number: number)
        return number
    }

    /// `number(at:)` through the table.
    private mutating func lookUp(_ range: Range<Int>) -> Int32 {
        let bytes = UnsafeBufferPointer(rebasing: source[range])
        let hash = SpellingHash.of(bytes)
        let mask = table.count - 1
        var slot = hash & mask
        while table[slot] != 0 {
            let index = Int(table[slot]) - 1
            let entry = entries[index]
            if entry.hash == hash, entry.count == bytes.count,
               bytes.isEmpty || memcmp(source.baseAddress! + entry.offset, bytes.baseAddress!, bytes.count) == 0 {
                return Int32(index)
            }
            slot = (slot + 1) & mask
        }
        let number = Int32(entries.count)
        table[slot] = number + 1
        entries.append(Entry(hash: hash, offset: range.lowerBound, count: range.count))
        strings.append(String(decoding: bytes, as: UTF8.self))
        if entries.count * 2 > table.count { grow() }
        return number
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: table.count * 2)
        let mask = bigger.count - 1
        for (index, entry) in entries.enumerated() where entry.count >= 0 {
            var slot = entry.hash & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(index + 1)
        }
        table = bigger
    }
}
