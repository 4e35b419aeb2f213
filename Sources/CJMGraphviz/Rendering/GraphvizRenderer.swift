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

    /// The map `request` asks for, or why there is none. Fills `timings` as it goes.
    ///
    /// After layout, the page stage: the drawing's size is read from the layout, and with a
    /// `PageSetup` the drawing is fitted to its sheet (`SheetPlacement`) or cut into a poster
    /// (`PosterRenderer`) — whatever drawing the layout gave, laid out once.
    static func render(_ request: RenderRequest, timings: inout Timings) throws(RenderFailure) -> RenderedMap {
        try RequestCheck.validate(request)
        GraphvizMessages.startCapturing()
        var clock = Stopwatch()
        // SVG and DOT never draw with cairo, the one user of pango's layout objects.
        let remembers = request.format == .svg || request.format == .dot
        let context = try GraphvizContext(remembersTextSizes: remembers, known: remembers ? request.measuredText : MeasuredText())
        // The context outlives the graph (agclose, then gvFreeContext, as `dot` does). The layout is left
        // unfreed on purpose (see `GraphvizContext.withLayout`): this process exits next.
        return try withExtendedLifetime(context) { () throws(RenderFailure) -> RenderedMap in
            let graph = try CGraph(name: "cjm")
            // Not closed: this process exits next, and closing a large map's graph cost about
            // as much as building it.
            graph.keepOpen()
            let lowering = ViewGraphLowering(view: request.graph, format: request.format, dpi: request.dpi)
            let objects = try lowering.lower(into: graph)
            timings.build = clock.lap()
            var map = try context.withLayout(of: graph, engine: lowering.engine) { () throws(RenderFailure) -> RenderedMap in
                try lowering.drawRoutes(objects)
                timings.layout = clock.lap()
                guard let box = graph.rootAttribute("bb"), let drawing = DrawingSize(boundingBox: box) else {
                    throw .graphviz("the layout has no bounding box")
                }
                let smallest = Legibility.smallestText(in: request.graph)
                // DOT is the laid-out graph, not a drawing on paper.
                let layout = request.format == .dot ? nil : PrintLayout.plan(drawing: drawing, setup: request.page, smallestText: smallest)
                if request.format.isBitmap { try checkBitmapSize(drawing: drawing, layout: layout, request: request) }
                let bytes: [UInt8]
                if let poster = layout?.poster, request.format == .pdf {
                    guard poster.sheets <= PosterGrid.maxSheets else {
                        throw .posterTooLarge(sheets: poster.sheets, columns: poster.columns, rows: poster.rows, tile: poster.tile.name)
                    }
                    let recording = try MapRecording(graph, size: drawing, context: context)
                    bytes = try PosterRenderer(grid: poster, scale: layout!.scale, title: request.graph.title ?? request.graph.id,
                                               fontName: request.graph.style.fontName, smallestText: smallest).render(recording)
                } else {
                    if let sheet = layout?.sheet {
                        try SheetPlacement(fit: sheet, boundingBox: box).apply(to: graph)
                    }
                    let drawn = try context.render(graph, format: request.format.graphvizFormat)
                    bytes = request.format == .svg ? SVGAccessibility.apply(to: drawn, graph: request.graph) : drawn
                }
                timings.render = clock.lap()
                return RenderedMap(bytes: bytes, drawing: drawing, layout: layout)
            }
            if request.format == .pdf { map.bytes = PDFDate.fixed(in: map.bytes) }
            return map
        }
    }

    /// Lays out each graph on its own, in order (a ranked one with `dot`; a pinned one with
    /// `nop2`, which only sizes its nodes where they are), and reads back where everything
    /// went, with every label line measured on the way. Fills `timings.layout` with the total.
    ///
    /// One process lays out many graphs here, which the one-graph-per-process rule of
    /// `render` does not allow: these layouts are only read, never drawn or freed, and the ID
    /// discipline of `cjm_open_directed` makes a graph's layout the same whatever was laid out
    /// before it in the process (tests compare it with the graph laid out alone).
    static func layOut(_ graphs: [ViewGraph], timings: inout Timings) throws(RenderFailure) -> (geometries: [GraphGeometry], measuredText: MeasuredText) {
        try RequestCheck.validate(layouts: graphs)
        GraphvizMessages.startCapturing()
        var clock = Stopwatch()
        // Only read back, never drawn.
        let context = try GraphvizContext(remembersTextSizes: true)
        var result: [GraphGeometry] = []
        result.reserveCapacity(graphs.count)
        try withExtendedLifetime(context) { () throws(RenderFailure) in
            for view in graphs {
                let graph = try CGraph(name: "cjm")
                var lowering = ViewGraphLowering(view: view, format: .svg, dpi: 72)
                lowering.geometryOnly = true
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
        return (result, RememberedTextSizes.measured)
    }

    /// Refuses a bitmap cairo would shrink or that would need gigabytes, after layout
    /// (only then is the drawing's size known) and before rendering. A PNG of a sheet is the
    /// sheet's size at the dpi; otherwise the drawing's own.
    private static func checkBitmapSize(drawing: DrawingSize, layout: PrintLayout?, request: RenderRequest) throws(RenderFailure) {
        let points: (width: Double, height: Double) = layout?.sheet.map { $0.sheet } ?? (drawing.width, drawing.height)
        let size = BitmapSize(widthPoints: points.width, heightPoints: points.height, dpi: request.dpi)
        guard !size.fits else { return }
        let fitting = BitmapSize.largestFittingDPI(widthPoints: points.width, heightPoints: points.height)
        // Without a sheet, name the smallest one the text stays legible on (A0 at worst).
        let paper = layout?.sheet == nil ? PaperAdvice.smallestLegibleSheet(for: drawing, smallestText: Legibility.smallestText(in: request.graph)) : nil
        throw .bitmapTooLarge(width: size.width, height: size.height, dpi: request.dpi, fittingDPI: fitting, paper: paper?.name)
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
