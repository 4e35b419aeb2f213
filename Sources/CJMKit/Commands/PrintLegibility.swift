import CJMGraphviz
import CJMSyntax
import CJMViewGraph

/// Warning W101: a map put on paper whose smallest text prints under
/// `Legibility.minimumPrintedPoints`, with what would fix it — the next sheet up that is
/// enough, a tile count, and the journey's named views that would each fit the sheet.
struct PrintLegibility {
    /// A named view of the journey, measured by laying it out.
    struct MeasuredView {
        var name: String
        var drawing: DrawingSize
        var smallestText: Double
    }

    var view: String
    var graph: ViewGraph
    var map: RenderedMap
    var setup: PageSetup

    /// The size the smallest text prints at, or nil when the map was not put on paper.
    var printedSmallest: Double? {
        map.layout.map { Legibility.printed(Legibility.smallestText(in: graph), scale: $0.scale) }
    }

    /// Whether the map needs the warning (and the views measured for its advice).
    var isIllegible: Bool {
        guard let layout = map.layout else { return false }
        return !Legibility.isLegiblePrinted(Legibility.smallestText(in: graph), scale: layout.scale)
    }

    /// `flow on A1 landscape, smallest text 6.1 pt (scale 0.497)`, for `--timings`.
    var timingLine: String? {
        guard let layout = map.layout, let printed = printedSmallest else { return nil }
        return "\(view) on \(layout.description): smallest text \(Legibility.describe(printed)) printed (scale \(Double((layout.scale * 1000).rounded()) / 1000))"
    }

    /// The warning, pointing at `place` (the journey), or nil when the text is legible.
    func warning(at place: SourceSpan, views: [MeasuredView]) -> Diagnostic? {
        guard isIllegible, let layout = map.layout, let printed = printedSmallest else { return nil }
        let smallest = Legibility.smallestText(in: graph)
        let minimum = Legibility.describe(Legibility.minimumPrintedPoints)
        let message = "on \(layout.description) the smallest text of `\(view)` prints at \(Legibility.describe(printed)), "
            + "under the \(minimum) that can be read from a step away"
        var notes: [Diagnostic.Note] = []
        let tileFlag = setup.tile.map { " --tile \($0.name)" } ?? ""
        if let paper = setup.paper {
            if let larger = PaperAdvice.smallestLegibleSheet(for: map.drawing, smallestText: smallest, than: paper) {
                let scale = SheetFit(drawing: map.drawing, paper: larger).scale
                notes.append(.init("--paper \(larger.name)\(tileFlag) prints it at \(Legibility.describe(Legibility.printed(smallest, scale: scale)))"))
            } else if paper != .a0 {
                let scale = SheetFit(drawing: map.drawing, paper: .a0).scale
                notes.append(.init("even --paper A0 prints it at only \(Legibility.describe(Legibility.printed(smallest, scale: scale)))"))
            }
        }
        let tile = setup.tile ?? .a4
        let readable = Legibility.readablePrintedPoints / smallest
        let grid = PosterGrid(posterWidth: map.drawing.width * readable, posterHeight: map.drawing.height * readable, tile: tile)
        let sheets = "\(grid.sheets) sheets of \(tile.name) (\(grid.columns) × \(grid.rows))"
        if grid.sheets <= PosterGrid.maxSheets {
            notes.append(.init("--tile \(tile.name) without --paper prints it at \(Legibility.describe(Legibility.readablePrintedPoints)) on at most \(sheets)"))
        } else {
            notes.append(.init("a poster at \(Legibility.describe(Legibility.readablePrintedPoints)) would need \(sheets), more than \(PosterGrid.maxSheets)"))
        }
        if let paper = setup.paper {
            let fitting = views.compactMap { view -> String? in
                let scale = SheetFit(drawing: view.drawing, paper: paper, orientation: setup.orientation).scale
                guard Legibility.isLegiblePrinted(view.smallestText, scale: scale) else { return nil }
                return "--view \(view.name) (\(Legibility.describe(Legibility.printed(view.smallestText, scale: scale))))"
            }
            if !fitting.isEmpty {
                notes.append(.init("these views of the journey each print legibly on \(paper.name): " + fitting.joined(separator: ", ")))
            }
        }
        return Diagnostic(.warning, .illegiblePrint, message, at: place, notes: notes)
    }
}
