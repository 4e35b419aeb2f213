import CJMViewGraph

/// Finds a free place for each routed edge's label along its route, so no label covers a
/// node, a cluster title or another label. Boxes are kept in a grid of buckets, so each test
/// looks only at what is near.
struct LabelPlacer {
    private static let bucket = 120.0
    private var buckets: [Int: [Rect]] = [:]

    /// Adds a box labels must not overlap.
    mutating func block(_ rect: Rect) {
        for key in keys(rect) { buckets[key, default: []].append(rect) }
    }

    func isFree(_ rect: Rect) -> Bool {
        for key in keys(rect) { if buckets[key]?.contains(where: { $0.overlaps(rect) }) == true { return false } }
        return true
    }

    /// The centre of a free box of `size` beside the polyline `points` (nearest its middle
    /// first), blocked from then on; nil when the route has no free place near it.
    mutating func place(_ size: Size, along points: [Point], within bounds: Rect) -> Point? {
        var candidates: [(rect: Rect, score: Double)] = []
        let total = zip(points, points.dropFirst()).reduce(0.0) { $0 + abs($1.1.x - $1.0.x) + abs($1.1.y - $1.0.y) }
        var walked = 0.0
        for (a, b) in zip(points, points.dropFirst()) {
            let length = abs(b.x - a.x) + abs(b.y - a.y)
            let horizontal = abs(b.y - a.y) < 0.01
            // A place every 12 points on short routes, at most 40 per segment on long ones.
            let steps = max(1, min(40, Int(length / 12)))
            for step in 0...steps {
                let t = Double(step) / Double(steps)
                let point = Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
                let along = total > 0 ? (walked + length * t) / total : 0.5
                let score = abs(along - 0.5) + (horizontal ? 0 : 0.25)
                let boxes: [Rect] = horizontal
                    ? [Rect(x: point.x - size.width / 2, y: point.y - size.height - 2, width: size.width, height: size.height),
                       Rect(x: point.x - size.width / 2, y: point.y + 2, width: size.width, height: size.height)]
                    : [Rect(x: point.x + 3, y: point.y - size.height / 2, width: size.width, height: size.height),
                       Rect(x: point.x - 3 - size.width, y: point.y - size.height / 2, width: size.width, height: size.height)]
                for box in boxes where bounds.contains(box) { candidates.append((box, score)) }
            }
            walked += length
        }
        candidates.sort { $0.score < $1.score }
        for candidate in candidates where isFree(candidate.rect) {
            block(candidate.rect)
            return candidate.rect.centre
        }
        // Nothing free beside the line: the nearest free place around its middle.
        let middle = Self.middle(of: points)
        for radius in stride(from: 16.0, through: 640, by: 16) {
            for step in 0..<16 {
                let angle = Double(step) / 16 * 2 * Double.pi
                let centre = Point(x: middle.x + radius * Self.cosine(angle), y: middle.y + radius * Self.sine(angle))
                let rect = Rect(centre: centre, size: size)
                if bounds.contains(rect), isFree(rect) {
                    block(rect)
                    return centre
                }
            }
        }
        return nil
    }

    /// The point halfway along the polyline.
    static func middle(of points: [Point]) -> Point {
        let lengths = zip(points, points.dropFirst()).map { abs($1.x - $0.x) + abs($1.y - $0.y) }
        var remaining = lengths.reduce(0, +) / 2
        for (index, length) in lengths.enumerated() {
            if remaining <= length, length > 0 {
                let a = points[index], b = points[index + 1], t = remaining / length
                return Point(x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t)
            }
            remaining -= length
        }
        return points.first ?? Point(x: 0, y: 0)
    }

    // Sixteen directions are enough; a short table keeps Foundation out of the map builders.
    private static func sine(_ angle: Double) -> Double { cosine(angle - Double.pi / 2) }

    private static func cosine(_ angle: Double) -> Double {
        // Taylor series around the nearest multiple of 2π: exact enough for placing a label.
        var x = angle.truncatingRemainder(dividingBy: 2 * Double.pi)
        if x > Double.pi { x -= 2 * Double.pi }
        if x < -Double.pi { x += 2 * Double.pi }
        var term = 1.0, sum = 1.0
        for n in stride(from: 2, through: 20, by: 2) {
            term *= -x * x / Double((n - 1) * n)
            sum += term
        }
        return sum
    }

    private func keys(_ rect: Rect) -> [Int] {
        let x0 = Int((rect.minX / Self.bucket).rounded(.down)), x1 = Int((rect.maxX / Self.bucket).rounded(.down))
        let y0 = Int((rect.minY / Self.bucket).rounded(.down)), y1 = Int((rect.maxY / Self.bucket).rounded(.down))
        var result: [Int] = []
        for x in x0...x1 { for y in y0...y1 { result.append(x << 24 ^ y) } }
        return result
    }
}
