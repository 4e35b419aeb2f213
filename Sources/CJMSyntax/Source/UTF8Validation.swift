/// A strict UTF-8 check (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
enum UTF8Validation {
    /// The offset of the first byte that does not belong to a well-formed sequence, or nil.
    ///
    /// Every file is checked once, so the common text takes
    /// short cuts: eight bytes at a time when they are ASCII and whole two-byte letters (all of
    /// Cyrillic), and two-byte letters without the table lookup of longer forms.
    static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i < n {
            if i + 8 <= n {
                let step = TwoByteText.wellFormedPrefix(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if step > 0 {
                    i += step
                    continue
                }
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 >= 0xC2, b0 <= 0xDF {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return i }
                i += 2
                continue
            }
            // The allowed range of the second byte depends on the first (Unicode table 3-7).
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + 1 < n, base[i + 1] >= low, base[i + 1] <= high else { return i }
            for k in 2..<length {
                guard i + k < n, base[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }
}

/// Eight bytes of text at once (SWAR): how many of them, from a character's start, are ASCII
/// and complete two-byte sequences (U+0080…U+07FF, Cyrillic among them).
enum TwoByteText {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// 8 when all eight bytes are such; 7 when the eighth is the lead byte of a pair that goes
    /// on in the next word; 0 when the byte loop must look (a longer sequence, a stray or
    /// missing continuation byte, an overlong lead `C0`/`C1`).
    @inline(__always)
    static func wellFormedPrefix(_ word: UInt64) -> Int {
        // One bit per byte, at the byte's top bit (little-endian: byte k is bits 8k…8k+7).
        let high = word & highs
        if high == 0 { return 8 }
        let bit6 = (word << 1) & highs
        let bit5 = (word << 2) & highs
        let lead = high & bit6             // 11xxxxxx
        let continuation = high & ~bit6    // 10xxxxxx
        let pairLead = lead & ~bit5        // 110xxxxx
        // Every lead starts a pair, and every continuation byte directly follows one.
        guard lead == pairLead, continuation == pairLead << 8 else { return 0 }
        // C0 and C1 would spell overlong forms of ASCII.
        let overlong = (word & 0xFEFE_FEFE_FEFE_FEFE) ^ 0xC0C0_C0C0_C0C0_C0C0
        guard (overlong &- ones) & ~overlong & highs == 0 else { return 0 }
        return pairLead >> 63 == 0 ? 8 : 7
    }
}
