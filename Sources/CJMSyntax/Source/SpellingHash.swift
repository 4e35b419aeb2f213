/// A fast hash of a spelling (UTF-8 bytes), eight bytes a step, seeded once per process: for the
/// lexer's string table and the checker's name table.
///
/// The standard library's `Hasher` (SipHash) cost more than the rest of interning put together.
/// The seed comes from `Hasher`'s own per-process random seed, so a hostile file cannot be
/// written to make every spelling collide and turn the table's probing quadratic.
package enum SpellingHash {
    private static let seed: UInt64 = {
        var hasher = Hasher()
        hasher.combine(0x636A_6D)
        return UInt64(bitPattern: Int64(hasher.finalize()))
    }()

    /// The hash of `bytes`; equal spellings hash equal within one process.
    package static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h = seed ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: mix(h)) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 29
            i += 8
        }
        if i < count {
            // The last one to seven bytes, in at most three loads.
            var last: UInt64 = 0
            var shift: UInt64 = 0
            if count - i >= 4 {
                last = UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt32.self))
                i += 4
                shift = 32
            }
            if count - i >= 2 {
                last |= UInt64(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self)) << shift
                i += 2
                shift += 16
            }
            if i < count { last |= UInt64(base[i]) << shift }
            h = (h ^ last) &* 0xFF51_AFD7_ED55_8CCD
        }
        return Int(truncatingIfNeeded: mix(h))
    }

    /// The hash of a 64-bit key (for tables keyed by numbers, such as a scope and a name id).
    package static func of(key: UInt64) -> Int {
        Int(truncatingIfNeeded: mix(key ^ seed))
    }

    /// MurmurHash3's finaliser: every input bit reaches the low bits the table indexes with.
    private static func mix(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }
}
