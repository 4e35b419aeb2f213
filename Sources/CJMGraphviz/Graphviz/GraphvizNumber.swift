import CGraphviz

/// Graphviz 2.42's `gvprintdouble`, the writer of every coordinate in its SVG (each control
/// point of every curve, polygon and text position), with the same bytes and without
/// `snprintf("%.02f")`, which cost glibc's multi-precision float formatting about 2,500
/// instructions a number (benchmarks/README.md, issue 17).
///
/// The `cjm` executable exports `gvprintdouble` (Package.swift), so the dynamic linker binds
/// the SVG plugin's calls to this one instead of libgvc's; processes without that export (the
/// test runners) keep Graphviz's own, which writes the same bytes.
enum GraphvizNumber {
    /// Enough for any value `write` formats itself (under 2^46, two decimals, a sign).
    static let capacity = 24

    /// What Graphviz writes for `value`: values within 1e-8 of zero as `0`, others rounded to
    /// two decimals as `%.2f` rounds them (to nearest, ties to even, on the exact binary
    /// value), then trailing zeros and a bare point dropped (`-0.003` gives `-0`).
    /// Returns the byte count written to `buffer` (at least `capacity` bytes), or nil for
    /// a value this does not format (not finite, or 2^46 or more away from zero), which the
    /// caller hands to `%.2f` itself.
    static func write(_ value: Double, to buffer: UnsafeMutablePointer<UInt8>) -> Int? {
        if value > -1e-8 && value < 1e-8 {
            buffer[0] = UInt8(ascii: "0")
            return 1
        }
        let magnitude = abs(value)
        guard magnitude < 0x1p46 else { return nil }  // also refuses NaN and infinities
        // magnitude = significand · 2^-shift exactly, with a 53-bit integer significand;
        // at least 1e-8, so normal, and under 2^46, so shift > 6.
        let significand = magnitude.significandBitPattern | (1 << 52)
        let shift = 52 - Int(magnitude.exponent)
        var hundredths: UInt64 = 0
        if shift < 61 {
            // 100 · significand < 2^60: hundredths and the remainder are exact.
            let scaled = 100 * significand
            hundredths = scaled >> UInt64(shift)
            let remainder = scaled & ((1 << UInt64(shift)) - 1), half: UInt64 = 1 << UInt64(shift - 1)
            if remainder > half || (remainder == half && hundredths & 1 == 1) { hundredths += 1 }
        }
        // shift ≥ 61: 100 · significand < 2^60 ≤ half of one hundredth's unit, so it rounds to 0.
        var count = 0
        if value < 0 {
            buffer[0] = UInt8(ascii: "-")
            count = 1
        }
        var whole = hundredths / 100
        let fraction = Int(hundredths % 100)
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8)
            = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        let length = withUnsafeMutableBytes(of: &digits) { reversed -> Int in
            var length = 0
            repeat {
                reversed[length] = UInt8(ascii: "0") + UInt8(whole % 10)
                whole /= 10
                length += 1
            } while whole > 0
            for index in 0..<length { buffer[count + index] = reversed[length - 1 - index] }
            return length
        }
        count += length
        if fraction != 0 {
            buffer[count] = UInt8(ascii: ".")
            buffer[count + 1] = UInt8(ascii: "0") + UInt8(fraction / 10)
            count += 2
            if fraction % 10 != 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(fraction % 10)
                count += 1
            }
        }
        return count
    }

    /// `%.2f` of `value` with Graphviz's trimming, through the C library: the reference
    /// `write` must match, and its fallback.
    static func formatted(_ value: Double) -> [UInt8] {
        let number = value > -1e-8 && value < 1e-8 ? 0 : value
        var buffer = [CChar](repeating: 0, count: 64)
        let length = withVaList([number]) { vsnprintf(&buffer, buffer.count, "%.02f", $0) }
        var bytes = buffer[0..<Int(max(0, min(length, 63)))].map { UInt8(bitPattern: $0) }
        if bytes.contains(UInt8(ascii: ".")) {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        return bytes
    }
}

/// Stands in for libgvc's `gvprintdouble` in the `cjm` executable (see `GraphvizNumber`).
@_cdecl("gvprintdouble")
public func cjmGraphvizPrintDouble(_ job: UnsafeMutablePointer<GVJ_t>?, _ value: Double) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: GraphvizNumber.capacity) { buffer in
        let start = buffer.baseAddress!
        if let count = GraphvizNumber.write(value, to: start) {
            _ = start.withMemoryRebound(to: CChar.self, capacity: count) { gvwrite(job, $0, count) }
        } else {
            let bytes = GraphvizNumber.formatted(value)
            _ = bytes.withUnsafeBufferPointer { raw in
                raw.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { gvwrite(job, $0, bytes.count) }
            }
        }
    }
}
