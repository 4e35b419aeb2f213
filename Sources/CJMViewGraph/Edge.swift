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
    /// Required for `.pinned` layouts: the drawn curve, from `from` to `to`.
    public var route: EdgeRoute?

    public init(id: String, from: String, to: String, classes: [String] = [], label: String? = nil, style: EdgeStyle = EdgeStyle(),
                tooltip: String? = nil, constraint: Bool = true, weight: Int = 1, rankedBackward: Bool = false, route: EdgeRoute? = nil) {
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
        self.route = route
    }
}

/// Where an edge is drawn, in points: a chain of cubic Bézier curves and its label's place.
public struct EdgeRoute: Hashable, Sendable {
    /// Control points of consecutive cubic Bézier curves sharing their ends (3n + 1 points),
    /// from the tail end to the head end.
    public var points: [Point]
    /// The tip of the arrowhead at the head end, when the curve stops short of the node to
    /// leave room for it (Graphviz's `e,x,y`).
    public var headTip: Point?
    /// The tip of an arrowhead at the tail end (Graphviz's `s,x,y`).
    public var tailTip: Point?
    /// The centre of the edge's label.
    public var labelCentre: Point?
    /// The label's width and height in points, as measured (for overlap checks).
    public var labelSize: Size?

    public init(points: [Point], headTip: Point? = nil, tailTip: Point? = nil, labelCentre: Point? = nil, labelSize: Size? = nil) {
        self.points = points
        self.headTip = headTip
        self.tailTip = tailTip
        self.labelCentre = labelCentre
        self.labelSize = labelSize
    }

    /// The same curve drawn the other way: points reversed, arrow tips swapped.
    public var reversed: EdgeRoute {
        EdgeRoute(points: points.reversed(), headTip: tailTip, tailTip: headTip, labelCentre: labelCentre, labelSize: labelSize)
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
