import CCairo

/// A multi-page PDF being written with cairo into memory, with the few drawing operations a
/// poster's own marks need (lines, rectangles, text). Text is drawn with cairo's simple text
/// API in the map's font: it stays text in the PDF, and Cyrillic needs no shaping.
final class PosterDocument {
    /// Where cairo's PDF stream lands.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    /// The drawing context of the current page.
    let cr: OpaquePointer
    private let fontName: String
    private(set) var pageCount = 0

    /// An empty document whose first page is `width` × `height` points.
    init(width: Double, height: Double, title: String, fontName: String) throws(RenderFailure) {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_pdf_surface_create_for_stream(write, closure, width, height) else {
            throw .graphviz("cairo could not start a PDF")
        }
        self.surface = surface
        // A fixed date: the same map gives the same bytes (`PDFDate` also fixes what cairo stamps).
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00")
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "cjm")
        guard let cr = cairo_create(surface) else { throw .graphviz("cairo could not draw on a PDF") }
        self.cr = cr
        self.fontName = fontName
    }

    deinit {
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
    }

    /// Starts page `label` (shown by PDF viewers instead of its number) of `width` × `height`.
    func beginPage(width: Double, height: Double, label: String) {
        cairo_pdf_surface_set_size(surface, width, height)
        cairo_pdf_surface_set_page_label(surface, label)
    }

    /// Ends the current page.
    func endPage() {
        cairo_show_page(cr)
        pageCount += 1
    }

    /// The finished PDF, or why cairo could not write it.
    func finish() throws(RenderFailure) -> [UInt8] {
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw .graphviz("cairo could not write the poster: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    // MARK: Drawing

    /// Paints `drawing` (a recording of the map at scale 1) scaled by `scale`, its top-left
    /// corner at (`x`, `y`), inside the clip rectangle given.
    func paint(_ drawing: OpaquePointer, scale: Double, x: Double, y: Double, clip: Rect) {
        cairo_save(cr)
        cairo_rectangle(cr, clip.x, clip.y, clip.width, clip.height)
        cairo_clip(cr)
        cairo_translate(cr, x, y)
        cairo_scale(cr, scale, scale)
        cairo_set_source_surface(cr, drawing, 0, 0)
        cairo_paint(cr)
        cairo_restore(cr)
    }

    /// A straight line of `width` points; dashed when `dash` is given.
    func line(from start: (Double, Double), to end: (Double, Double), width: Double = 0.5, gray: Double = 0, dash: Double? = nil) {
        cairo_save(cr)
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_set_line_width(cr, width)
        if let dash {
            var pattern = [dash, dash]
            cairo_set_dash(cr, &pattern, 2, 0)
        }
        cairo_move_to(cr, start.0, start.1)
        cairo_line_to(cr, end.0, end.1)
        cairo_stroke(cr)
        cairo_restore(cr)
    }

    /// A rectangle, filled with `fill` gray at `alpha` and/or outlined.
    func rectangle(_ rect: Rect, fill: Double? = nil, alpha: Double = 1, stroke: Double? = nil, width: Double = 0.75) {
        cairo_save(cr)
        cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        if let fill {
            cairo_set_source_rgba(cr, fill, fill, fill, alpha)
            stroke == nil ? cairo_fill(cr) : cairo_fill_preserve(cr)
        }
        if let stroke {
            cairo_set_source_rgb(cr, stroke, stroke, stroke)
            cairo_set_line_width(cr, width)
            cairo_stroke(cr)
        }
        cairo_restore(cr)
    }

    /// How wide `text` is at `size` points.
    func width(of text: String, size: Double, bold: Bool = false) -> Double {
        setFont(size: size, bold: bold)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// Writes `text` with its baseline starting at (`x`, `y`), shrunk until it fits
    /// `maxWidth` (down to a third of `size`). With `halo`, a white outline first keeps it
    /// readable over the map. Returns the width drawn.
    @discardableResult
    func text(_ text: String, x: Double, y: Double, size: Double, bold: Bool = false, gray: Double = 0,
              maxWidth: Double? = nil, centred: Bool = false, halo: Bool = false) -> Double {
        var size = size
        var wide = width(of: text, size: size, bold: bold)
        if let maxWidth, wide > maxWidth, wide > 0 {
            size = max(size * maxWidth / wide, size / 3)
            wide = width(of: text, size: size, bold: bold)
        }
        let left = centred ? x - wide / 2 : x
        cairo_save(cr)
        setFont(size: size, bold: bold)
        if halo {
            cairo_move_to(cr, left, y)
            cairo_text_path(cr, text)
            cairo_set_source_rgb(cr, 1, 1, 1)
            cairo_set_line_width(cr, max(size / 5, 1))
            cairo_stroke(cr)
        }
        cairo_set_source_rgb(cr, gray, gray, gray)
        cairo_move_to(cr, left, y)
        cairo_show_text(cr, text)
        cairo_restore(cr)
        return wide
    }

    private func setFont(size: Double, bold: Bool) {
        cairo_select_font_face(cr, fontName, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }
}

/// A rectangle in points, origin top-left, y down (as cairo draws).
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double
}
