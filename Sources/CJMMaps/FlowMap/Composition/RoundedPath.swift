import CJMViewGraph

/// A polyline of horizontal and vertical segments as one chain of cubic Bézier curves, its
/// corners rounded: the form Graphviz's `pos` takes (3n + 1 control points).
enum RoundedPath {
    static let radius = 6.0
    /// 4/3·(√2 − 1): control distance of a cubic that follows a quarter circle.
    static let kappa = 0.5523

    static func bezier(_ points: [Point]) -> [Point] {
        guard points.count >= 2 else { return points.isEmpty ? [] : [points[0], points[0], points[0], points[0]] }
        var result = [points[0]]
        var cursor = points[0]
        func line(to end: Point) {
            result.append(Point(x: cursor.x + (end.x - cursor.x) / 3, y: cursor.y + (end.y - cursor.y) / 3))
            result.append(Point(x: cursor.x + 2 * (end.x - cursor.x) / 3, y: cursor.y + 2 * (end.y - cursor.y) / 3))
            result.append(end)
            cursor = end
        }
        for index in 1..<points.count {
            let corner = points[index]
            guard index < points.count - 1 else {
                line(to: corner)
                break
            }
            let next = points[index + 1]
            let inLength = distance(cursor, corner), outLength = distance(corner, next)
            let r = min(radius, inLength / 2, outLength / 2)
            guard r > 0.5 else {
                line(to: corner)
                continue
            }
            let inDirection = unit(cursor, corner), outDirection = unit(corner, next)
            let entry = Point(x: corner.x - inDirection.x * r, y: corner.y - inDirection.y * r)
            let exit = Point(x: corner.x + outDirection.x * r, y: corner.y + outDirection.y * r)
            if distance(cursor, entry) > 0.01 { line(to: entry) }
            result.append(Point(x: entry.x + inDirection.x * r * kappa, y: entry.y + inDirection.y * r * kappa))
            result.append(Point(x: exit.x - outDirection.x * r * kappa, y: exit.y - outDirection.y * r * kappa))
            result.append(exit)
            cursor = exit
        }
        return result
    }

    private static func distance(_ a: Point, _ b: Point) -> Double {
        ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    private static func unit(_ a: Point, _ b: Point) -> Point {
        let length = max(distance(a, b), 1e-9)
        return Point(x: (b.x - a.x) / length, y: (b.y - a.y) / length)
    }
}
