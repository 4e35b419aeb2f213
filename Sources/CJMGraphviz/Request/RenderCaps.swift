/// Hard limits checked before Graphviz sees a graph, so a hostile or enormous map fails with
/// a clear message instead of taking minutes, gigabytes or a silently shrunk bitmap.
public enum RenderCaps {
    /// Accepted dots per inch: below 36 text is unreadable, above 600 no printer gains.
    public static let dpi: ClosedRange<Double> = 36...600
    /// Nodes in one graph (a large real journey has a few hundred).
    public static let maxNodes = 10_000
    /// Edges in one graph.
    public static let maxEdges = 20_000
    /// Clusters in one graph.
    public static let maxClusters = 2_000
    /// Cairo silently shrinks a bitmap wider or taller than this many pixels.
    public static let maxBitmapSide = 32_767
    /// Total pixels of a bitmap: 250 million ARGB pixels are a 1 GB surface, enough for A0
    /// at 300 dpi.
    public static let maxBitmapPixels = 250_000_000
    /// `dot` edge weights are clamped into this range (2^30 crashes Graphviz 2.42).
    public static let edgeWeight: ClosedRange<Int> = 0...100
}
