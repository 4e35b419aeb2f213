/// What a map shows, as plain values: nodes, edges and clusters with their text and styles.
///
/// Map builders produce it from a journey; the Graphviz stage turns it into bytes. It knows
/// nothing of either; it crosses into the render child process in `CJMGraphviz`'s wire format.
public struct ViewGraph: Hashable, Sendable {
    /// Used as the SVG root id and in file names.
    public var id: String
    /// Shown as the graph label at the top; a line break (`\n`) starts a new line of it.
    public var title: String?
    /// One sentence saying what the map shows (the SVG's `<desc>`); nil: none.
    public var summary: String?
    public var layout: Layout
    public var style: GraphStyle
    /// Top-level clusters first; a cluster names its parent.
    public var clusters: [Cluster]
    public var nodes: [Node]
    public var edges: [Edge]
    /// Sets of node ids `dot` puts on one rank (an automation beside its stage).
    public var sameRank: [[String]]

    public init(id: String, title: String? = nil, layout: Layout = .ranked(direction: .leftToRight), style: GraphStyle = GraphStyle(),
                clusters: [Cluster] = [], nodes: [Node] = [], edges: [Edge] = [], sameRank: [[String]] = []) {
        self.id = id
        self.title = title
        self.layout = layout
        self.style = style
        self.clusters = clusters
        self.nodes = nodes
        self.edges = edges
        self.sameRank = sameRank
    }
}

/// How positions are found.
public enum Layout: Hashable, Sendable {
    /// Graphviz `dot`: ranks along `direction`.
    case ranked(direction: Direction)
    /// Every node carries a `position` computed by the map builder, every edge a `route` and
    /// every cluster a `frame` (or none of them, and Graphviz draws straight lines); Graphviz
    /// only draws (`neato -n2`). Used for the board's grid and for the flow map composed of
    /// blocks that `dot` laid out one by one.
    case pinned

    public enum Direction: String, Hashable, Sendable {
        case leftToRight = "LR"
        case topToBottom = "TB"
    }
}

/// Whole-graph appearance.
public struct GraphStyle: Hashable, Sendable {
    /// A family with Cyrillic coverage; Graphviz defaults to Times, which has none here.
    public var fontName: String
    public var fontSize: Double
    public var titleFontSize: Double
    /// `#rrggbb`.
    public var background: String
    public var fontColor: String
    /// Inches between nodes of one rank.
    public var nodeSeparation: Double
    /// Inches between ranks.
    public var rankSeparation: Double

    public init(fontName: String = "DejaVu Sans", fontSize: Double = 14, titleFontSize: Double = 28, background: String = "#ffffff",
                fontColor: String = "#222222", nodeSeparation: Double = 0.35, rankSeparation: Double = 0.6) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.titleFontSize = titleFontSize
        self.background = background
        self.fontColor = fontColor
        self.nodeSeparation = nodeSeparation
        self.rankSeparation = rankSeparation
    }
}

/// A point in points (1/72 inch), origin bottom-left as Graphviz has it.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A width and a height; each property of this type says its unit (inches or points).
public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle in points, origin bottom-left as Graphviz has it.
public struct Rect: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    /// The rectangle spanning two corners given in any order.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.init(x: min(minX, maxX), y: min(minY, maxY), width: abs(maxX - minX), height: abs(maxY - minY))
    }

    /// A rectangle of `size` (points) centred on `centre`.
    public init(centre: Point, size: Size) {
        self.init(x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height)
    }

    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var centre: Point { Point(x: x + width / 2, y: y + height / 2) }

    /// Whether the interiors meet (touching edges do not count).
    public func overlaps(_ other: Rect) -> Bool {
        minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
    }

    /// Whether `other` lies inside, edges included.
    public func contains(_ other: Rect) -> Bool {
        other.minX >= minX && other.maxX <= maxX && other.minY >= minY && other.maxY <= maxY
    }

    /// The smallest rectangle holding both.
    public func union(_ other: Rect) -> Rect {
        Rect(minX: min(minX, other.minX), minY: min(minY, other.minY), maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
    }

    /// Moved by `dx`, `dy`.
    public func offsetBy(dx: Double, dy: Double) -> Rect { Rect(x: x + dx, y: y + dy, width: width, height: height) }

    /// Shrunk by `amount` on every side (grown when negative).
    public func insetBy(_ amount: Double) -> Rect {
        Rect(x: x + amount, y: y + amount, width: max(0, width - 2 * amount), height: max(0, height - 2 * amount))
    }
}
