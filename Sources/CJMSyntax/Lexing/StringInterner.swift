#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One `String` per distinct spelling of the long words and strings of a file.
///
/// Journeys repeat their texts (`owner "Отдел продаж"` under every touchpoint; on the generated
/// 50 MB benchmark four in five labels repeat an earlier one), and a string over 15 UTF-8 bytes,
/// such as almost any Cyrillic label, is a heap allocation of its own. Sharing one storage saves
/// that memory, the allocation and, later, its free. Shorter strings are stored inline in the
/// `String` itself, so they are made directly.
struct StringInterner {
    private struct Slot {
        var hash = 0
        var text: String?
    }

    /// Open addressing, linear probing; a power-of-two count, at most half full. Each slot keeps
    /// its hash, so probing compares bytes only on a hash match and growing rehashes nothing.
    private var slots = [Slot](repeating: Slot(), count: 1024)
    private var used = 0

    /// The string spelled by `bytes` (valid UTF-8), shared with earlier equal spellings.
    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.count > 15 else { return String(decoding: bytes, as: UTF8.self) }
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        let hash = hasher.finalize()
        let mask = slots.count - 1
        var index = hash & mask
        while let candidate = slots[index].text {
            if slots[index].hash == hash, Self.spells(candidate, bytes) { return candidate }
            index = (index + 1) & mask
        }
        let text = String(decoding: bytes, as: UTF8.self)
        slots[index] = Slot(hash: hash, text: text)
        used += 1
        if used * 2 > slots.count { grow() }
        return text
    }

    private static func spells(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var text = text
        return text.withUTF8 { own in own.count == bytes.count && memcmp(own.baseAddress!, bytes.baseAddress!, own.count) == 0 }
    }

    private mutating func grow() {
        var bigger = [Slot](repeating: Slot(), count: slots.count * 2)
        let mask = bigger.count - 1
        for slot in slots where slot.text != nil {
            var index = slot.hash & mask
            while bigger[index].text != nil { index = (index + 1) & mask }
            bigger[index] = slot
        }
        slots = bigger
    }
}
