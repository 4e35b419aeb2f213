#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `String` per distinct spelling of the words and strings of a file (strings with escapes
/// aside, which are rare and have no spelling in the source to compare with).
///
/// Journeys repeat their texts: keywords and attribute names on every line, `owner "Отдел
/// продаж"` under every touchpoint (on the generated 50 MB benchmark four in five labels repeat
/// an earlier one). Making a `String` validates its bytes again and, past 15 UTF-8 bytes (almost
/// any Cyrillic label), allocates; a repeat found here costs a hash and a compare instead, and
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
