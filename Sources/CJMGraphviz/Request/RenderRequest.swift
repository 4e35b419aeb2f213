import CJMViewGraph

/// One graph to render: what crosses from `cjm` into its `render-worker` child (see `WireWriter`).
public struct RenderRequest: Hashable, Sendable {
    public var graph: ViewGraph
    public var format: OutputFormat
    /// Dots per inch for PNG, within `RenderCaps.dpi`; vector formats ignore it.
    public var dpi: Double

    /// A request for `graph` in `format`; 96 dpi is the screen default.
    public init(graph: ViewGraph, format: OutputFormat, dpi: Double = 96) {
        self.graph = graph
        self.format = format
        self.dpi = dpi
    }
}

/// What `cjm` asks of one `render-worker` child.
public enum WorkerRequest: Hashable, Sendable {
    /// Lay out and draw one graph.
    case render(RenderRequest)
    /// Lay out each graph on its own (`dot`, or only measure a pinned one) and answer with where everything went
    /// (`GraphGeometry`, one per graph, in order), drawing nothing.
    case layout([ViewGraph])
}
