/// The pixel size a laid-out graph will have as a bitmap, from the bounding box Graphviz
/// stores in `bb` after layout ("llx,lly,urx,ury" in points), the `size` fit, and the dpi.
struct BitmapSize: Equatable {
    var width: Int
    var height: Int

    /// Graphviz pads the drawing by 4 points on every side by default.
    static let padPoints = 4.0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Nil when `bb` cannot be read.
    init?(boundingBox: String, fitInches: (width: Double, height: Double)?, dpi: Double) {
        let numbers = boundingBox.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        var widthPoints = max(numbers[2] - numbers[0], 1)
        var heightPoints = max(numbers[3] - numbers[1], 1)
        if let fit = fitInches {
            // `size` with `!` scales the drawing up or down until it touches the box.
            let scale = min(fit.width * 72 / widthPoints, fit.height * 72 / heightPoints)
            widthPoints *= scale
            heightPoints *= scale
        }
        let pixelsPerPoint = dpi / 72
        width = Int(((widthPoints + 2 * Self.padPoints) * pixelsPerPoint).rounded(.up))
        height = Int(((heightPoints + 2 * Self.padPoints) * pixelsPerPoint).rounded(.up))
    }

    /// Whether cairo can draw it at full size within the memory budget.
    var fits: Bool {
        width <= RenderCaps.maxBitmapSide && height <= RenderCaps.maxBitmapSide
            && width.multipliedReportingOverflow(by: height).partialValue <= RenderCaps.maxBitmapPixels
    }
}
