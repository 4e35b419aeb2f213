/// The pixel size a drawing will have as a bitmap: its size in points at the dpi.
struct BitmapSize: Equatable {
    var width: Int
    var height: Int

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The bitmap of `width` × `height` points at `dpi`.
    init(widthPoints: Double, heightPoints: Double, dpi: Double) {
        let pixelsPerPoint = dpi / 72
        width = Int((widthPoints * pixelsPerPoint).rounded(.up))
        height = Int((heightPoints * pixelsPerPoint).rounded(.up))
    }

    /// Whether cairo can draw it at full size within the memory budget.
    var fits: Bool {
        width <= RenderCaps.maxBitmapSide && height <= RenderCaps.maxBitmapSide
            && width.multipliedReportingOverflow(by: height).partialValue <= RenderCaps.maxBitmapPixels
    }

    /// The highest whole dpi within `RenderCaps.dpi` at which `width` × `height` points fit,
    /// or nil when even the lowest does not.
    static func largestFittingDPI(widthPoints: Double, heightPoints: Double) -> Int? {
        let side = Double(RenderCaps.maxBitmapSide) * 72 / max(widthPoints, heightPoints)
        let area = (Double(RenderCaps.maxBitmapPixels) / (widthPoints * heightPoints)).squareRoot() * 72
        var dpi = Int(min(side, area, RenderCaps.dpi.upperBound))
        while dpi >= Int(RenderCaps.dpi.lowerBound) {
            if BitmapSize(widthPoints: widthPoints, heightPoints: heightPoints, dpi: Double(dpi)).fits { return dpi }
            dpi -= 1
        }
        return nil
    }
}
