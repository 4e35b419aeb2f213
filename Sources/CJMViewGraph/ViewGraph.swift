/// What a map shows, as plain values: nodes, edges and clusters with their text and styles.
///
/// Map builders produce it from a journey; the Graphviz stage turns it into bytes. It knows
/// nothing of either; it crosses into the render child process in `CJMGraphviz`'s wire format.
public struct ViewGraph: Hashable, Sendable {
    /// Used as the SVG root id and in file names.
    public var id: String
    /// Shown as the graph label at the top.
    public var title: String?
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
    /// Every node carries a `position` computed by the map builder; Graphviz only routes
    /// edges and draws (`neato -n2`). Used where `dot`'s ranking cannot express a grid.
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

/// A size in inches.
public struct Size: Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}
