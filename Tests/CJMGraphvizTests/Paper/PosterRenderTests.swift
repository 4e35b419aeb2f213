import CJMViewGraph
import Testing
@testable import CJMGraphviz

/// `--paper` and `--tile` through a real worker, on pinned graphs whose size is known by hand.
@Suite struct PosterRenderTests {
    /// Pages of a cairo PDF (each page object says `/Type /Page`, the page tree `/Type /Pages`).
    static func pages(of pdf: [UInt8]) -> Int {
        let text = String(decoding: pdf, as: UTF8.self)
        return text.components(separatedBy: "/Type /Page").count - text.components(separatedBy: "/Type /Pages").count
    }

    /// Two boxes 1,000 points apart: bounding box 0,0,1072,36, drawing 1,080 × 44 points.
    static let strip = SampleGraphs.pinnedBoxes([Point(x: 36, y: 18), Point(x: 1_036, y: 18)], fontSize: 10)

    @Test func theLegibilityFigureMatchesTheHandComputedOne() throws {
        let map = try Worker.map(RenderRequest(graph: Self.strip, format: .pdf, page: PageSetup(paper: .a4)))
        #expect(map.drawing == DrawingSize(width: 1_080, height: 44))
        // A4 landscape: (841.89 − 2 × 28.35) / 1,080 = 0.72703; 10-point text prints at 7.27 points.
        let layout = try #require(map.layout)
        #expect(layout.sheet?.orientation == .landscape)
        #expect(abs(layout.scale - 0.727034) < 0.00001)
        #expect(abs(Legibility.printed(Legibility.smallestText(in: Self.strip), scale: layout.scale) - 7.27034) < 0.0001)
        #expect(Self.pages(of: map.bytes) == 1)
    }

    @Test func aPaperSvgIsTheSheetWithTheDrawingZoomed() throws {
        let svg = String(decoding: try Worker.map(RenderRequest(graph: Self.strip, format: .svg, page: PageSetup(paper: .a4))).bytes, as: UTF8.self)
        #expect(svg.contains("<svg role=\"img\" aria-label=\"") && svg.contains(" width=\"842pt\" height=\"595pt\""))
        #expect(svg.contains("transform=\"scale(0.73 0.73)"))
        #expect(svg.contains("Этап 2"))
    }

    @Test func aPaperPngIsTheSheetAtItsDpi() throws {
        let png = try Worker.map(RenderRequest(graph: Self.strip, format: .png, dpi: PaperDPI.png, page: PageSetup(paper: .a4, orientation: .portrait))).bytes
        // IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
        func number(at offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(number(at: 16) == 1_240 && number(at: 20) == 1_754)
    }

    @Test func blankTilesAreLeftOutButKeepTheirPlace() throws {
        // Boxes at opposite corners of a 2,000-point square: on A4 at scale 1.2 (10-point
        // text printed at 12), the cells between them are blank.
        let corners = SampleGraphs.pinnedBoxes([Point(x: 36, y: 18), Point(x: 2_000, y: 2_000)], fontSize: 10)
        var graph = corners
        graph.edges = []
        let map = try Worker.map(RenderRequest(graph: graph, format: .pdf, page: PageSetup(tile: .a4)))
        let poster = try #require(map.layout?.poster)
        #expect(abs(map.layout!.scale - 1.2) < 1e-9)
        #expect(poster.sheets >= 16)
        let pages = Self.pages(of: map.bytes)
        #expect(pages == 3, "the assembly page and the two corner tiles, of \(poster.sheets)")
        let text = String(decoding: map.bytes, as: UTF8.self)
        #expect(text.contains("/MediaBox [ 0 0 595.275591 841.889764 ]") || text.contains("/MediaBox [ 0 0 841.889764 595.275591 ]"))
    }

    @Test func theSameRequestGivesTheSamePoster() throws {
        let request = RenderRequest(graph: SampleGraphs.smallFlow(), format: .pdf, page: PageSetup(tile: .a4))
        let first = try Worker.map(request).bytes
        #expect(try Worker.map(request).bytes == first)
        #expect(Self.pages(of: first) >= 2)
    }

    @Test func aPosterOverTwoHundredSheetsIsRefusedWithTheCount() throws {
        var graph = SampleGraphs.pinnedBoxes([Point(x: 36, y: 18), Point(x: 20_000, y: 20_000)], fontSize: 4)
        graph.edges = []
        let result = Worker.render(RenderRequest(graph: graph, format: .pdf, page: PageSetup(tile: .a4)))
        guard case .failure(.posterTooLarge(let sheets, let columns, let rows, "A4")) = result else {
            Issue.record("expected posterTooLarge, got \(result)")
            return
        }
        #expect(sheets == columns * rows && sheets > PosterGrid.maxSheets)
        #expect(result.failure?.message.contains("\(sheets) sheets of A4") == true)
    }

    @Test func tilesAreOnlyForPdf() {
        let result = Worker.render(RenderRequest(graph: Self.strip, format: .svg, page: PageSetup(tile: .a4)))
        #expect(result.failure?.message.contains("--tile makes a multi-page PDF") == true)
    }
}
