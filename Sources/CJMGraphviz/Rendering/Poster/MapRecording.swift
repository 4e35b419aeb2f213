import CCairo

/// The laid-out map drawn once by Graphviz's own cairo renderer into a cairo recording
/// surface, at scale 1 (one unit a point, origin top-left): a vector drawing that a poster
/// places on as many pages as it needs, text staying text. One layout, one drawing.
final class MapRecording {
    /// The `cairo_surface_t`, bounded to the drawing.
    let surface: OpaquePointer
    let size: DrawingSize

    /// Records `graph`, laid out to `size` (its bounding box and pad).
    init(_ graph: CGraph, size: DrawingSize, context: GraphvizContext) throws(RenderFailure) {
        // Graphviz adds the PDF device's 36-point margin around the drawing unless told not to;
        // margins are the poster's business. Read at render time, so setting it now works.
        try graph.declare(.graph, "margin", default: "0")
        var extents = cairo_rectangle_t(x: 0, y: 0, width: size.width.rounded(.up) + 1, height: size.height.rounded(.up) + 1)
        guard let surface = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents) else {
            throw .graphviz("cairo could not create a recording surface")
        }
        self.surface = surface
        self.size = size
        // Graphviz ends a PDF page by finishing the surface it drew on, which would throw a
        // recording's commands away; a sub-surface takes that and draws through to the recording.
        guard let window = cairo_surface_create_for_rectangle(surface, 0, 0, extents.width, extents.height) else {
            throw .graphviz("cairo could not create a drawing window")
        }
        defer { cairo_surface_destroy(window) }
        guard let cr = cairo_create(window) else { throw .graphviz("cairo could not draw on a recording") }
        defer { cairo_destroy(cr) }
        try context.draw(graph, onto: cr, format: OutputFormat.pdf.graphvizFormat)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo could not record the map: \(String(cString: cairo_status_to_string(status)))")
        }
    }

    deinit { cairo_surface_destroy(surface) }
}
