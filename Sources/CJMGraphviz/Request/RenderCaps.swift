import CJMViewGraph

/// Hard limits checked before Graphviz sees a graph, so a hostile or enormous map fails with
/// a clear message instead of taking minutes, gigabytes or a silently shrunk bitmap.
public enum RenderCaps {
    /// Accepted dots per inch: below 36 text is unreadable, above 600 no printer gains.
    public static let dpi: ClosedRange<Double> = 36...600
    /// Nodes in one graph `dot` lays out (a block of the flow map has a few dozen).
    public static let maxNodes = 10_000
    /// Edges in one graph `dot` lays out.
    public static let maxEdges = 20_000
    /// Clusters in one graph `dot` lays out.
    public static let maxClusters = 2_000
    /// Nodes in one pinned graph, which Graphviz only draws (the composed flow map of a
    /// journey of about 60,000 elements; `neato -n2` and SVG grow linearly with it).
    public static let maxPinnedNodes = 50_000
    /// Edges in one pinned graph.
    public static let maxPinnedEdges = 100_000
    /// Clusters in one pinned graph.
    public static let maxPinnedClusters = 10_000
    /// Cairo silently shrinks a bitmap wider or taller than this many pixels.
    public static let maxBitmapSide = 32_767
    /// Total pixels of a bitmap: 250 million ARGB pixels are a 1 GB surface, enough for A0
    /// at 300 dpi.
    public static let maxBitmapPixels = 250_000_000
    /// `dot` edge weights are clamped into this range (2^30 crashes Graphviz 2.42).
    public static let edgeWeight: ClosedRange<Int> = 0...100

    /// The most nodes, edges and clusters a graph of `layout` may have.
    static func limits(for layout: Layout) -> (nodes: Int, edges: Int, clusters: Int) {
        switch layout {
        case .ranked: (maxNodes, maxEdges, maxClusters)
        case .pinned: (maxPinnedNodes, maxPinnedEdges, maxPinnedClusters)
        }
    }
}
