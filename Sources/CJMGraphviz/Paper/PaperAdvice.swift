/// What would make a map legible on paper, for the messages that say so.
public enum PaperAdvice {
    /// The sheets from the smallest up, the order advice walks them in.
    public static let ascending: [PaperSize] = PaperSize.all.sorted { $0.area < $1.area }

    /// The smallest sheet, larger than `than` when given, on which text of `smallestText`
    /// points of a drawing of `drawing` prints legibly; A0, the largest, when none does.
    public static func smallestLegibleSheet(for drawing: DrawingSize, smallestText: Double, than: PaperSize? = nil) -> PaperSize? {
        let larger = ascending.filter { than == nil || $0.area > than!.area + 1 }
        return larger.first { Legibility.isLegiblePrinted(smallestText, scale: SheetFit(drawing: drawing, paper: $0).scale) }
            ?? (than == nil ? PaperSize.a0 : nil)
    }
}
