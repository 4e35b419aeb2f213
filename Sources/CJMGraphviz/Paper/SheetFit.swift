/// A drawing fitted to one sheet: the orientation and the scale that make it as large as the
/// sheet allows inside `PaperMargins.sheet`, centred. The scale may be above 1: a small map
/// grows to fill a large sheet.
public struct SheetFit: Hashable, Sendable {
    public var paper: PaperSize
    public var orientation: Orientation
    /// Printed points per drawing point.
    public var scale: Double

    /// The fit of `drawing` on `paper`; with `orientation` nil, the one with the larger scale
    /// (portrait when both are equal).
    public init(drawing: DrawingSize, paper: PaperSize, orientation: Orientation? = nil) {
        func scale(_ turned: Orientation) -> Double {
            let sheet = paper.sized(turned)
            let room = (width: max(sheet.width - 2 * PaperMargins.sheet, 1), height: max(sheet.height - 2 * PaperMargins.sheet, 1))
            return min(room.width / drawing.width, room.height / drawing.height)
        }
        let chosen = orientation ?? (scale(.landscape) > scale(.portrait) ? .landscape : .portrait)
        self.paper = paper
        self.orientation = chosen
        self.scale = scale(chosen)
    }

    /// A fit worked out before (read back from the worker's answer).
    init(paper: PaperSize, orientation: Orientation, scale: Double) {
        self.paper = paper
        self.orientation = orientation
        self.scale = scale
    }

    /// The sheet's width and height as it is held.
    public var sheet: (width: Double, height: Double) { paper.sized(orientation) }

    /// `A1 landscape`.
    public var description: String { "\(paper.name) \(orientation.rawValue)" }
}
