import CJMViewGraph

/// One graph to render: what crosses from `cjm` into its `render-worker` child (see `WireWriter`).
public struct RenderRequest: Hashable, Sendable {
    public var graph: ViewGraph
    public var format: OutputFormat
    /// Dots per inch for PNG, within `RenderCaps.dpi`; vector formats ignore it.
    public var dpi: Double
    /// The sheet or poster to fit the drawing to; empty for the drawing's own size.
    public var page: PageSetup
    /// Label lines measured already (by the block layouts of a composed map), which an SVG or
    /// DOT render takes instead of measuring them again; the drawing is the same either way.
    public var measuredText: MeasuredText

    /// A request for `graph` in `format`; 96 dpi is the screen default.
    public init(graph: ViewGraph, format: OutputFormat, dpi: Double = 96, page: PageSetup = PageSetup(),
                measuredText: MeasuredText = MeasuredText()) {
        self.graph = graph
        self.format = format
        self.dpi = dpi
        self.page = page
        self.measuredText = measuredText
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
