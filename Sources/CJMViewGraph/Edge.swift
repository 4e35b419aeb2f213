/// An arrow between two nodes.
public struct Edge: Hashable, Sendable {
    /// Unique in the graph; becomes the SVG element id.
    public var id: String
    public var from: String
    public var to: String
    public var classes: [String]
    public var label: String?
    public var style: EdgeStyle
    public var tooltip: String?
    /// False keeps the edge out of `dot`'s ranking (cross links that would bend the rows).
    public var constraint: Bool
    /// `dot` pulls heavier edges straighter; kept small (huge weights crash 2.42).
    public var weight: Int
    /// Ranks `to` before `from` while the arrow still points from `from` to `to` (`dir=back`):
    /// ads sit right of the pages they land on yet point left into them.
    public var rankedBackward: Bool

    public init(id: String, from: String, to: String, classes: [String] = [], label: String? = nil, style: EdgeStyle = EdgeStyle(),
                tooltip: String? = nil, constraint: Bool = true, weight: Int = 1, rankedBackward: Bool = false) {
        self.id = id
        self.from = from
        self.to = to
        self.classes = classes
        self.label = label
        self.style = style
        self.tooltip = tooltip
        self.constraint = constraint
        self.weight = weight
        self.rankedBackward = rankedBackward
    }
}

/// How an edge is drawn.
public struct EdgeStyle: Hashable, Sendable {
    public enum Line: String, Hashable, Sendable {
        case solid, dashed, dotted, bold
        /// Not drawn; the edge only ranks its ends (keeps the blocks of a map in reading order).
        case invisible = "invis"
    }
    public enum Arrow: String, Hashable, Sendable { case normal, none, dot, diamond }

    public var line: Line
    public var color: String
    public var fontColor: String
    public var penWidth: Double
    public var arrowHead: Arrow

    public init(line: Line = .solid, color: String = "#555555", fontColor: String = "#333333", penWidth: Double = 1.2, arrowHead: Arrow = .normal) {
        self.line = line
        self.color = color
        self.fontColor = fontColor
        self.penWidth = penWidth
        self.arrowHead = arrowHead
    }
}
