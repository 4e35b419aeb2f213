/// Places a column of boxes, in their order, as near as the gaps allow to the heights they
/// want: least squares under order and spacing (isotonic regression, pool adjacent
/// violators), linear in the number of boxes.
enum LevelAlignment {
    /// Centres for boxes of `heights` wanting centres `targets` (nil: no wish, kept where the
    /// neighbours put it), at least `gap` apart edge to edge, the first centre no higher than
    /// `top` allows.
    static func centres(heights: [Double], targets: [Double?], gap: Double, top: Double) -> [Double] {
        guard !heights.isEmpty else { return [] }
        // Fixed offsets of each centre from the first when packed tight.
        var offsets = [0.0]
        for index in 1..<heights.count { offsets.append(offsets[index - 1] + (heights[index - 1] + heights[index]) / 2 + gap) }
        let known = targets.compactMap { $0 }
        let fallback = known.isEmpty ? top + heights[0] / 2 : known.reduce(0, +) / Double(known.count)
        // Blocks of pooled values: mean, weight, count.
        var blocks: [(mean: Double, weight: Double, count: Int)] = []
        for index in heights.indices {
            let weight = targets[index] == nil ? 1e-6 : 1
            let value = (targets[index] ?? fallback) - offsets[index]
            blocks.append((value, weight, 1))
            while blocks.count > 1, blocks[blocks.count - 2].mean > blocks[blocks.count - 1].mean {
                let last = blocks.removeLast(), previous = blocks.removeLast()
                let weight = last.weight + previous.weight
                blocks.append(((last.mean * last.weight + previous.mean * previous.weight) / weight, weight, last.count + previous.count))
            }
        }
        var base: [Double] = []
        for block in blocks { base += Array(repeating: block.mean, count: block.count) }
        let lowest = top + heights[0] / 2
        let shift = max(0, lowest - base[0])
        return heights.indices.map { base[$0] + offsets[$0] + shift }
    }
}
