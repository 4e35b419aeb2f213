/// How a laid-out map is put on paper, worked out from its drawing size and the `PageSetup`:
/// the one scale of the whole drawing, the sheet it was fitted to and the poster grid.
public struct PrintLayout: Hashable, Sendable {
    /// Printed points per drawing point.
    public var scale: Double
    /// The `--paper` sheet the map was fitted to.
    public var sheet: SheetFit?
    /// The `--tile` grid of a multi-page poster.
    public var poster: PosterGrid?

    public init(scale: Double, sheet: SheetFit?, poster: PosterGrid?) {
        self.scale = scale
        self.sheet = sheet
        self.poster = poster
    }

    /// The layout `setup` asks for, or nil when it asks for none. With `--paper` the map is
    /// fitted to the sheet; with `--tile` alone it is scaled so that text of `smallestText`
    /// points prints at `Legibility.readablePrintedPoints` (a map without text keeps scale 1).
    public static func plan(drawing: DrawingSize, setup: PageSetup, smallestText: Double) -> PrintLayout? {
        var sheet: SheetFit?
        var scale = 1.0
        if let paper = setup.paper {
            let fit = SheetFit(drawing: drawing, paper: paper, orientation: setup.orientation)
            sheet = fit
            scale = fit.scale
        } else if setup.tile != nil {
            scale = smallestText > 0 ? Legibility.readablePrintedPoints / smallestText : 1
        } else {
            return nil
        }
        let poster = setup.tile.map { tile in
            PosterGrid(posterWidth: drawing.width * scale, posterHeight: drawing.height * scale, tile: tile,
                       orientation: setup.paper == nil ? setup.orientation : nil)
        }
        return PrintLayout(scale: scale, sheet: sheet, poster: poster)
    }

    /// `A1 landscape`, `24 sheets A4 portrait (6 × 4)` or both, for timings and messages.
    public var description: String {
        [sheet?.description, poster?.description].compactMap { $0 }.joined(separator: " as ")
    }
}
