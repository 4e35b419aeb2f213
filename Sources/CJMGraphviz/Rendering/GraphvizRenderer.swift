import CJMViewGraph

/// Lays out and renders one request in this process. Only the render worker calls it:
/// Graphviz is not thread-safe, may crash or exit, and renders a graph differently the
/// second time in one process, so each process renders exactly one graph.
enum GraphvizRenderer {
    /// Wall-clock seconds spent in each stage, for the benchmark table.
    struct Timings: Sendable {
        var build = 0.0
        var layout = 0.0
        var render = 0.0

        /// Starts the timing line the worker writes to stderr.
        static let prefix = "cjm render timings: "

        var line: String {
            func seconds(_ value: Double) -> String { String(Double((value * 1000).rounded()) / 1000) }
            return Self.prefix + "build \(seconds(build)) s, layout \(seconds(layout)) s, render \(seconds(render)) s"
        }
    }

    /// The bytes of `request`, or why there are none. Fills `timings` as it goes.
    static func render(_ request: RenderRequest, timings: inout Timings) throws(RenderFailure) -> [UInt8] {
        try RequestCheck.validate(request)
        GraphvizMessages.startCapturing()
        var clock = Stopwatch()
        let context = try GraphvizContext()
        // The context outlives the graph (agclose, then gvFreeContext, as `dot` does). The layout is left
        // unfreed on purpose (see `GraphvizContext.withLayout`): this process exits next.
        return try withExtendedLifetime(context) { () throws(RenderFailure) -> [UInt8] in
            let graph = try CGraph(name: "cjm")
            let lowering = ViewGraphLowering(view: request.graph, format: request.format, dpi: request.dpi)
            try lowering.lower(into: graph)
            timings.build = clock.lap()
            let bytes = try context.withLayout(of: graph, engine: lowering.engine) { () throws(RenderFailure) -> [UInt8] in
                timings.layout = clock.lap()
                if request.format.isBitmap { try checkBitmapSize(of: graph, request: request) }
                let bytes = try context.render(graph, format: request.format.graphvizFormat)
                timings.render = clock.lap()
                return bytes
            }
            return request.format == .pdf ? PDFDate.fixed(in: bytes) : bytes
        }
    }

    /// Lays out each graph on its own, in order (a ranked one with `dot`; a pinned one with
    /// `nop2`, which only sizes its nodes where they are), and reads back where everything
    /// went. Fills `timings.layout` with the total.
    ///
    /// One process lays out many graphs here, which the one-graph-per-process rule of
    /// `render` does not allow: these layouts are only read, never drawn or freed, and the ID
    /// discipline of `cjm_open_directed` makes a graph's layout the same whatever was laid out
    /// before it in the process (tests compare it with the graph laid out alone).
    static func layOut(_ graphs: [ViewGraph], timings: inout Timings) throws(RenderFailure) -> [GraphGeometry] {
        try RequestCheck.validate(layouts: graphs)
        GraphvizMessages.startCapturing()
        var clock = Stopwatch()
        let context = try GraphvizContext()
        var result: [GraphGeometry] = []
        result.reserveCapacity(graphs.count)
        try withExtendedLifetime(context) { () throws(RenderFailure) in
            for view in graphs {
                let graph = try CGraph(name: "cjm")
                let lowering = ViewGraphLowering(view: view, format: .svg, dpi: 72)
                let objects = try lowering.lower(into: graph)
                timings.build += clock.lap()
                try context.withLayout(of: graph, engine: lowering.engine) { () throws(RenderFailure) in
                    result.append(LayoutReading.geometry(of: view, objects: objects, graph: graph))
                }
                timings.layout += clock.lap()
                // Kept open: closing would free what `withLayout` leaves alone on purpose.
                graph.keepOpen()
            }
        }
        return result
    }

    /// Refuses a bitmap cairo would shrink or that would need gigabytes, after layout
    /// (only then is the drawing's size known) and before rendering.
    private static func checkBitmapSize(of graph: CGraph, request: RenderRequest) throws(RenderFailure) {
        let fit = request.graph.style.fitInches.map { (width: $0.width, height: $0.height) }
        guard let box = graph.rootAttribute("bb"), let size = BitmapSize(boundingBox: box, fitInches: fit, dpi: request.dpi) else {
            throw .graphviz("the layout has no bounding box")
        }
        guard size.fits else { throw .bitmapTooLarge(width: size.width, height: size.height, dpi: request.dpi) }
    }
}

/// Monotonic wall-clock laps.
struct Stopwatch {
    private var last = ContinuousClock.now

    /// Seconds since the previous lap (or creation).
    mutating func lap() -> Double {
        let now = ContinuousClock.now
        let elapsed = last.duration(to: now)
        last = now
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
