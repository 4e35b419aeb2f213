import CCairo

/// Which cells of a poster grid have anything drawn in them: the poster rasterised once at a
/// low resolution (at most about four megapixels), then each cell's pixels looked at. A pixel
/// counts as ink when it is darker than white at its own opacity, so the anti-aliased rim of
/// the white background does not make a blank cell look used.
struct InkMap {
    private let width: Int
    private let height: Int
    private let pixelsPerPoint: Double
    private var ink: [Bool]

    /// Rasterises `recording` scaled to the poster's `scale`.
    init(_ recording: MapRecording, scale: Double) throws(RenderFailure) {
        let posterWidth = recording.size.width * scale, posterHeight = recording.size.height * scale
        let pixelsPerPoint = min(0.5, (4_000_000 / (posterWidth * posterHeight)).squareRoot())
        let width = max(1, Int((posterWidth * pixelsPerPoint).rounded(.up)))
        let height = max(1, Int((posterHeight * pixelsPerPoint).rounded(.up)))
        self.pixelsPerPoint = pixelsPerPoint
        self.width = width
        self.height = height
        guard let image = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw .graphviz("cairo could not create an image")
        }
        defer { cairo_surface_destroy(image) }
        if let cr = cairo_create(image) {
            cairo_scale(cr, scale * pixelsPerPoint, scale * pixelsPerPoint)
            cairo_set_source_surface(cr, recording.surface, 0, 0)
            cairo_paint(cr)
            cairo_destroy(cr)
        }
        cairo_surface_flush(image)
        guard cairo_surface_status(image) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(image) else {
            throw .graphviz("cairo could not rasterise the poster")
        }
        let stride = Int(cairo_image_surface_get_stride(image))
        var ink = [Bool](repeating: false, count: width * height)
        data.withMemoryRebound(to: UInt32.self, capacity: stride / 4 * height) { pixels in
            for y in 0..<height {
                for x in 0..<width {
                    // Premultiplied ARGB: white at opacity a has every channel equal to a.
                    let pixel = pixels[y * stride / 4 + x]
                    let alpha = Int(pixel >> 24), red = Int(pixel >> 16 & 0xFF), green = Int(pixel >> 8 & 0xFF), blue = Int(pixel & 0xFF)
                    ink[y * width + x] = alpha - min(red, green, blue) > 24
                }
            }
        }
        self.ink = ink
    }

    /// Whether anything is drawn in the poster rectangle `rect` (printed points, top-left origin).
    func hasInk(in rect: Rect) -> Bool {
        let left = max(0, Int((rect.x * pixelsPerPoint).rounded(.down)))
        let top = max(0, Int((rect.y * pixelsPerPoint).rounded(.down)))
        let right = min(width, Int(((rect.x + rect.width) * pixelsPerPoint).rounded(.up)))
        let bottom = min(height, Int(((rect.y + rect.height) * pixelsPerPoint).rounded(.up)))
        guard left < right, top < bottom else { return false }
        for y in top..<bottom where ink[(y * width + left)..<(y * width + right)].contains(true) { return true }
        return false
    }
}
