import CJMViewGraph

/// A node's box in points, from its pinned position and fixed size.
struct BoardRect {
    var minX, minY, maxX, maxY: Double

    init(_ node: Node) {
        let centre = node.position ?? Point(x: 0, y: 0)
        let size = node.style.fixedSize ?? Size(width: 0, height: 0)
        minX = centre.x - size.width * 36
        maxX = centre.x + size.width * 36
        minY = centre.y - size.height * 36
        maxY = centre.y + size.height * 36
    }

    var width: Double { maxX - minX }

    func overlaps(_ other: BoardRect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }
}

extension ViewGraph {
    func nodes(withClass name: String) -> [Node] { nodes.filter { $0.classes.contains(name) } }
    func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    /// All label text of the graph, one node per string, lines joined by spaces.
    var labelTexts: [String] { nodes.map { $0.label.joined(separator: " ") } }
}
