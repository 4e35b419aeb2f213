/// A box on the map.
public struct Node: Hashable, Sendable {
    /// Unique in the graph; becomes the SVG element id, so derive it from journey ids.
    public var id: String
    /// The CSS class(es) in SVG, space-separated, e.g. `stage won`.
    public var classes: [String]
    /// Lines of plain user text. The Graphviz stage escapes them; never pre-escape.
    public var label: [String]
    public var style: NodeStyle
    public var tooltip: String?
    /// Already validated; the Graphviz stage percent-encodes what 2.42 would write raw.
    public var url: String?
    /// The cluster that holds it, if any.
    public var cluster: String?
    /// Required for `.pinned` layouts: the centre, in points.
    public var position: Point?
    /// For `.pinned` layouts, the box's width and height in points as a layout measured it;
    /// the Graphviz stage draws the node at least this large. Nil lets the label decide.
    public var size: Size?
    /// Nodes sharing a group are kept in a straight line by `dot` (one pipeline = one row).
    public var group: String?

    public init(id: String, classes: [String] = [], label: [String], style: NodeStyle = NodeStyle(), tooltip: String? = nil,
                url: String? = nil, cluster: String? = nil, position: Point? = nil, size: Size? = nil, group: String? = nil) {
        self.id = id
        self.classes = classes
        self.label = label
        self.style = style
        self.tooltip = tooltip
        self.url = url
        self.cluster = cluster
        self.position = position
        self.size = size
        self.group = group
    }
}

/// How a node is drawn.
public struct NodeStyle: Hashable, Sendable {
    public enum Shape: String, Hashable, Sendable {
        case box, roundedBox, ellipse, circle, diamond, note, tab, folder, component, cylinder, hexagon, octagon, plain, point
    }
    public enum TextAlignment: String, Hashable, Sendable { case center, left }

    public var shape: Shape
    /// `#rrggbb`; nil leaves it unfilled.
    public var fill: String?
    public var stroke: String
    public var fontColor: String
    /// Nil uses the graph's font size.
    public var fontSize: Double?
    public var penWidth: Double
    public var dashed: Bool
    public var alignment: TextAlignment
    /// Fixed size in inches (board cells); nil lets the label decide.
    public var fixedSize: Size?
    /// Minimum width in inches.
    public var minWidth: Double?
    /// Minimum height in inches; nil: Graphviz's 0.5.
    public var minHeight: Double?

    public init(shape: Shape = .roundedBox, fill: String? = "#ffffff", stroke: String = "#555555", fontColor: String = "#222222",
                fontSize: Double? = nil, penWidth: Double = 1, dashed: Bool = false, alignment: TextAlignment = .center,
                fixedSize: Size? = nil, minWidth: Double? = nil, minHeight: Double? = nil) {
        self.shape = shape
        self.fill = fill
        self.stroke = stroke
        self.fontColor = fontColor
        self.fontSize = fontSize
        self.penWidth = penWidth
        self.dashed = dashed
        self.alignment = alignment
        self.fixedSize = fixedSize
        self.minWidth = minWidth
        self.minHeight = minHeight
    }
}
