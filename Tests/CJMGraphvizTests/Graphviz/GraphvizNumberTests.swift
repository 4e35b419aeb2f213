import Testing
@testable import CJMGraphviz

/// `GraphvizNumber.write` against the C library's `%.2f` with Graphviz's trimming, on the
/// numbers an SVG holds and on the hard cases of rounding.
@Suite struct GraphvizNumberTests {
    private func written(_ value: Double) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: GraphvizNumber.capacity)
        guard let count = buffer.withUnsafeMutableBufferPointer({ GraphvizNumber.write(value, to: $0.baseAddress!) }) else { return nil }
        return Array(buffer[0..<count])
    }

    private func check(_ values: [Double]) {
        for value in values {
            // From 2^46 on, the C library formats (`leavesTheRestToTheCLibrary`).
            guard abs(value) < 0x1p46 else { continue }
            let expected = GraphvizNumber.formatted(value)
            let got = written(value)
            #expect(got == expected, "\(value): \(String(decoding: got ?? [], as: UTF8.self)) vs \(String(decoding: expected, as: UTF8.self))")
        }
    }

    /// SplitMix64: the same values every run.
    private struct Numbers {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    @Test func coordinatesOfAMap() {
        var numbers = Numbers(state: 17)
        var values: [Double] = []
        for _ in 0..<100_000 { values.append((numbers.unit() - 0.5) * 400_000) }
        // Coordinates rounded to hundredths, and thirds between them, as curves hold them.
        for _ in 0..<100_000 {
            let a = Double(Int(numbers.next() % 4_000_000) - 2_000_000) / 100, b = Double(Int(numbers.next() % 4_000_000) - 2_000_000) / 100
            values += [a, -a, a + (b - a) / 3, a + 2 * (b - a) / 3, a * 0.01 * 100]
        }
        check(values)
    }

    @Test func tiesAndTheEdgesOfZero() {
        var values: [Double] = [0, -0.0, 1e-8, -1e-8, 1e-8.nextUp, -1e-8.nextDown, 0.004999, 0.005, -0.005, 0.0051, 0.015, 0.025,
                                1.005, 2.675, 0.125, 0.375, -0.125, 99.995, 999.995, 1e-7, -3e-3, 0.5, 1, 10, 100, 1000.1, 0x1p46.nextDown]
        // Exact binary ties at the third decimal: k / 8 and k / 200 for many k.
        for k in -4_000...4_000 { values += [Double(k) / 8, Double(k) / 200, Double(k) / 200 + 0.005] }
        var numbers = Numbers(state: 3)
        for _ in 0..<20_000 {
            let value = Double(numbers.next() % 100_000_000) / 100 + 0.005
            values += [value, value.nextUp, value.nextDown, -value]
        }
        // Every magnitude from the smallest written to the largest.
        var magnitude = 1e-8
        while magnitude < 0x1p46 {
            values += [magnitude, -magnitude, magnitude * 1.37, magnitude * 7.9]
            magnitude *= 1.5
        }
        check(values)
    }

    @Test func leavesTheRestToTheCLibrary() {
        for value in [Double.nan, .infinity, -.infinity, 0x1p46, -0x1p46, 1e300] { #expect(written(value) == nil) }
        #expect(GraphvizNumber.formatted(.infinity) == Array("inf".utf8))
        #expect(GraphvizNumber.formatted(1.5e20) == Array("150000000000000000000".utf8))
    }
}
