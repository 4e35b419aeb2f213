/// A framed group of nodes (a block of the journey: Channels, a pipeline, the ads of a campaign).
public struct Cluster: Hashable, Sendable {
    /// Unique in the graph; Graphviz needs the `cluster_` prefix, which the Graphviz stage adds.
    public var id: String
    public var classes: [String]
    public var label: String?
    /// The enclosing cluster's id.
    public var parent: String?
    public var fill: String?
    public var stroke: String
    public var fontColor: String
    public var fontSize: Double?
    public var dashed: Bool
    /// Required for `.pinned` layouts: the frame, in points. Graphviz puts the label at its top.
    public var frame: Rect?

    public init(id: String, classes: [String] = [], label: String? = nil, parent: String? = nil, fill: String? = nil,
                stroke: String = "#999999", fontColor: String = "#222222", fontSize: Double? = nil, dashed: Bool = false,
                frame: Rect? = nil) {
        self.id = id
        self.classes = classes
        self.label = label
        self.parent = parent
        self.fill = fill
        self.stroke = stroke
        self.fontColor = fontColor
        self.fontSize = fontSize
        self.dashed = dashed
        self.frame = frame
    }
}
