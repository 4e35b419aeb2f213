/// Where a layout engine put the parts of one graph, in points (origin bottom-left): what a
/// map builder gets back after asking for its blocks to be laid out, to compose them itself.
///
/// The arrays follow the graph's own `nodes`, `edges` and `clusters` in order.
public struct GraphGeometry: Hashable, Sendable {
    /// Each node's box: its centre and its measured size.
    public var nodes: [Rect]
    /// Each edge's curve from `from` to `to` (whichever way the engine ranked it), or nil for
    /// an edge the engine did not draw (an invisible one).
    public var edges: [EdgeRoute?]
    /// Each cluster's frame, its label inside at the top.
    public var clusters: [Rect]
    /// The whole drawing.
    public var bounds: Rect

    public init(nodes: [Rect], edges: [EdgeRoute?], clusters: [Rect], bounds: Rect) {
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
        self.bounds = bounds
    }
}
