import CJMViewGraph
import Testing
@testable import CJMGraphviz

/// Sheets, fits, poster grids and the legibility rule, worked by hand.
@Suite struct PaperGeometryTests {
    @Test func sheetsHaveTheirStandardSizesInPoints() throws {
        let a4 = try #require(PaperSize.named("a4"))
        #expect(abs(a4.width - 595.276) < 0.01 && abs(a4.height - 841.89) < 0.01)
        #expect(PaperSize.named("A0")?.height ?? 0 > 3370 && PaperSize.named("A0")?.height ?? 0 < 3371)
        #expect(PaperSize.named("Letter") == .letter && PaperSize.letter.width == 612 && PaperSize.letter.height == 792)
        #expect(PaperSize.named("tabloid")?.sized(.landscape).width == 1224)
        #expect(PaperSize.named("B5") == nil)
        #expect(PaperSize.list(PaperSize.all) == "A0, A1, A2, A3, A4, letter, legal, tabloid")
        // Each A size is half the one above.
        for (larger, smaller) in zip([PaperSize.a0, .a1, .a2, .a3], [PaperSize.a1, .a2, .a3, .a4]) {
            #expect(abs(larger.area / smaller.area - 2) < 0.01)
        }
    }

    @Test func aFitTakesTheOrientationThatPrintsLarger() {
        // The service centre's flow map: 4,677 × 2,258.5 points. A1 landscape leaves
        // 2,383.94 − 2 × 28.35 = 2,327.24 points across: scale 0.4976.
        let drawing = DrawingSize(width: 4_677, height: 2_258.5)
        let fit = SheetFit(drawing: drawing, paper: .a1)
        #expect(fit.orientation == .landscape)
        #expect(abs(fit.scale - 0.49759) < 0.0001)
        let portrait = SheetFit(drawing: drawing, paper: .a1, orientation: .portrait)
        #expect(portrait.orientation == .portrait && portrait.scale < fit.scale)
        #expect(SheetFit(drawing: DrawingSize(width: 100, height: 400), paper: .a4).orientation == .portrait)
        // A small map grows to fill a big sheet.
        #expect(SheetFit(drawing: DrawingSize(width: 100, height: 100), paper: .a0).scale > 20)
    }

    @Test func theLegibilityRuleAndItsFigure() {
        #expect(Legibility.printed(12, scale: 0.49759) < 6)
        #expect(Legibility.describe(5.971) == "5.9 pt")
        #expect(Legibility.describe(7.999) == "7.9 pt")
        #expect(Legibility.describe(8) == "8 pt")
        #expect(!Legibility.isLegiblePrinted(12, scale: 0.66))
        #expect(Legibility.isLegiblePrinted(12, scale: 2.0 / 3.0))
        #expect(Legibility.onScreen(14, drawingWidth: 1400, shownWidth: 700) == 7)
    }

    @Test func smallestTextCountsOnlyTextThatIsDrawn() {
        var graph = ViewGraph(id: "g", title: "Заголовок", style: GraphStyle(fontSize: 14, titleFontSize: 28))
        graph.nodes = [Node(id: "a", label: ["Этап"]), Node(id: "dot", label: [""], style: NodeStyle(fontSize: 2)),
                       Node(id: "b", label: ["Мелко"], style: NodeStyle(fontSize: 11))]
        graph.clusters = [Cluster(id: "c", label: nil, fontSize: 3), Cluster(id: "d", label: "Блок", fontSize: 12)]
        #expect(Legibility.smallestText(in: graph) == 11)
        graph.edges = [Edge(id: "e", from: "a", to: "b", label: "")]
        #expect(Legibility.smallestText(in: graph) == 11)
        graph.style.fontSize = 9
        graph.edges[0].label = "50%"
        #expect(Legibility.smallestText(in: graph) == 9)
        #expect(Legibility.smallestText(in: ViewGraph(id: "empty")) == 0)
    }

    @Test func columnsAreLetteredAsInASpreadsheet() {
        #expect((0..<3).map(PosterGrid.columnName) == ["A", "B", "C"])
        #expect(PosterGrid.columnName(25) == "Z")
        #expect(PosterGrid.columnName(26) == "AA")
        #expect(PosterGrid.columnName(51) == "AZ")
        #expect(PosterGrid.columnName(52) == "BA")
        #expect(PosterGrid.label(column: 1, row: 2) == "B3")
    }

    @Test func aGridCoversThePosterWithCellsThatLeaveRoomForMarginsAndOverlap() {
        // A4 portrait: 595.28 − 2 × 28.35 − 28.35 = 510.24 points of each sheet are its own.
        let grid = PosterGrid(posterWidth: 1_500, posterHeight: 700, tile: .a4, orientation: .portrait)
        #expect(abs(grid.cell.width - 510.24) < 0.01 && abs(grid.cell.height - 756.85) < 0.01)
        #expect(grid.columns == 3 && grid.rows == 1 && grid.sheets == 3)
        #expect(abs(grid.posterOrigin.x - (3 * grid.cell.width - 1_500) / 2) < 1e-9)
        // Left to choose, it holds the sheets the way that needs fewer of them.
        let chosen = PosterGrid(posterWidth: 1_500, posterHeight: 700, tile: .a4)
        #expect(chosen.sheets <= grid.sheets)
        // 700 × 1,500: portrait needs 2 × 2 sheets, landscape (756.85 × 510.24 a cell) 1 × 3.
        let tall = PosterGrid(posterWidth: 700, posterHeight: 1_500, tile: .a4)
        #expect(tall.orientation == .landscape && tall.columns == 1 && tall.rows == 3)
        // Exactly one cell wide stays one column.
        #expect(PosterGrid(posterWidth: grid.cell.width, posterHeight: 10, tile: .a4, orientation: .portrait).columns == 1)
    }

    @Test func printLayoutsFollowTheSetup() throws {
        let drawing = DrawingSize(width: 4_677, height: 2_258.5)
        #expect(PrintLayout.plan(drawing: drawing, setup: PageSetup(), smallestText: 12) == nil)
        let sheet = try #require(PrintLayout.plan(drawing: drawing, setup: PageSetup(paper: .a0), smallestText: 12))
        #expect(sheet.poster == nil && sheet.sheet?.paper == .a0 && abs(sheet.scale - sheet.sheet!.scale) < 1e-12)
        // Tiles alone: the scale at which 12-point text prints at 12 points (1) or 6-point at 12 (2).
        let tiles = try #require(PrintLayout.plan(drawing: drawing, setup: PageSetup(tile: .a4), smallestText: 6))
        #expect(tiles.scale == 2 && tiles.sheet == nil)
        #expect(tiles.poster?.posterWidth == 9_354)
        // A final size: the map is fitted to A0, then cut into A4 sheets.
        let both = try #require(PrintLayout.plan(drawing: drawing, setup: PageSetup(paper: .a0, tile: .a4), smallestText: 12))
        #expect(abs(both.poster!.posterWidth - drawing.width * both.scale) < 1e-9)
        #expect(both.description.hasPrefix("A0 landscape as "))
    }

    @Test func impossibleSetupsAreNamed() {
        #expect(PageSetup(paper: .a1).problem == nil)
        #expect(PageSetup(paper: .a0, tile: .a4).problem == nil)
        #expect(PageSetup(paper: .a4, tile: .a3).problem?.contains("larger than --paper A4") == true)
        #expect(PageSetup(paper: .letter, tile: .a4).problem != nil)
        #expect(PageSetup(tile: .a1).problem?.contains("office sheet") == true)
        #expect(PageSetup(orientation: .landscape).problem == "--landscape needs --paper or --tile")
    }

    @Test func adviceNamesTheSmallestSheetThatIsEnough() {
        let drawing = DrawingSize(width: 4_677, height: 2_258.5)
        #expect(PaperAdvice.smallestLegibleSheet(for: drawing, smallestText: 12, than: .a1) == .a0)
        #expect(PaperAdvice.smallestLegibleSheet(for: drawing, smallestText: 12, than: .a0) == nil)
        #expect(PaperAdvice.smallestLegibleSheet(for: drawing, smallestText: 6) == .a0)
        // Letter is a little smaller than A4, so it comes first.
        #expect(PaperAdvice.smallestLegibleSheet(for: DrawingSize(width: 500, height: 300), smallestText: 12) == .letter)
    }
}
