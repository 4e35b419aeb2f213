import Foundation
import Testing
import CJMViewGraph
@testable import CJMGraphviz

/// Real renders through `cjm render-worker`, checked for content.
@Suite struct RenderedFormatsTests {
    let graph = SampleGraphs.smallFlow()

    @Test func svgIsWellFormedWithEveryCyrillicLabelAsText() throws {
        let svg = try Worker.bytes(RenderRequest(graph: graph, format: .svg))
        let parsed = try #require(try Tool.parseSVG(svg))
        let texts = Set(parsed.texts)
        for line in graph.nodes.flatMap(\.label) + ["Лиды", "Ремонт", "Сервисный центр «ТехноПлюс»", "68%"] {
            #expect(texts.contains(line), "missing text \(line)")
        }
    }

    @Test func svgCarriesIdsClassesCountsFillsAndLinks() throws {
        let svg = try Worker.bytes(RenderRequest(graph: graph, format: .svg))
        let parsed = try #require(try Tool.parseSVG(svg))
        let ids = Set(parsed.groups.map(\.id))
        for id in ["flow", "block-leads", "pipeline-repair", "leads-new", "repair-invoice-remind", "e-ad-landing"] {
            #expect(ids.contains(id), "missing id \(id)")
        }
        #expect(parsed.groups(ofClass: "edge").count == graph.edges.count)
        #expect(parsed.groups(ofClass: "cluster").count == 3)
        // A cluster without a label must not inherit the graph's title.
        #expect(parsed.texts.filter { $0 == "Сервисный центр «ТехноПлюс»" }.count == 1)
        #expect(parsed.groups(ofClass: "node").count == graph.nodes.count)
        #expect(parsed.groups(ofClass: "auto").map(\.id).contains("repair-invoice-remind"))
        #expect(parsed.groups(ofClass: "pipeline").map(\.id) == ["pipeline-repair"])
        #expect(parsed.fills.contains("#fff3a0"))
        #expect(parsed.fills.contains("#eef7ee"))
        #expect(parsed.links.map(\.href) == ["/repair"])
        #expect(String(decoding: svg, as: UTF8.self).contains("font-family=\"DejaVu Sans\""))
    }

    @Test func backwardRankedEdgeStillPointsAtItsTarget() throws {
        let dot = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .dot)), as: UTF8.self)
        // page-repair is n6, ad-fast n7: emitted page → ad, drawn with the arrow at the page.
        #expect(dot.contains("n6 -> n7"))
        #expect(dot.contains("dir=back"))
    }

    @Test func sameRankAcrossClustersTurnsOnNewrankAndRenders() throws {
        var spanning = graph
        spanning.sameRank = [["leads-new", "repair-new"]]
        let dot = String(decoding: try Worker.bytes(RenderRequest(graph: spanning, format: .dot)), as: UTF8.self)
        #expect(dot.contains("newrank=true"))
        let plain = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .dot)), as: UTF8.self)
        #expect(!plain.contains("newrank"))
        #expect(plain.contains("rank=same"))
    }

    @Test func pngHasTheSizeTheDpiAsksFor() throws {
        let svg = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .svg)), as: UTF8.self)
        let png = try Worker.bytes(RenderRequest(graph: graph, format: .png, dpi: 144))
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        let points = try #require(Self.svgSize(svg))
        #expect(abs(Double(width) - points.width * 2) <= 3)
        #expect(abs(Double(height) - points.height * 2) <= 3)
    }

    @Test func pdfIsAPDF() throws {
        let pdf = try Worker.bytes(RenderRequest(graph: graph, format: .pdf))
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
        #expect(String(decoding: pdf, as: UTF8.self).contains("/CreationDate (D:20000101000000"))
    }

    @Test func dotExportIsAcceptedByDotAndKeepsTheLabels() throws {
        let dot = try Worker.bytes(RenderRequest(graph: graph, format: .dot))
        let rendered = try Tool.run(["dot", "-Tsvg"], input: dot)
        #expect(rendered.status == 0)
        let parsed = try #require(try Tool.parseSVG(Array(rendered.stdout.utf8)))
        #expect(parsed.texts.contains("Счёт на предоплату"))
    }

    @Test(arguments: OutputFormat.allCases)
    func secondRenderIsByteIdentical(_ format: OutputFormat) throws {
        let request = RenderRequest(graph: graph, format: format)
        let first = try Worker.bytes(request)
        let second = try Worker.bytes(request)
        #expect(!first.isEmpty)
        #expect(first == second)
    }

    @Test func pinnedNodesLandWhereAsked() throws {
        var board = ViewGraph(id: "board", layout: .pinned)
        board.nodes = [
            Node(id: "a", label: ["Осведомлённость"], position: Point(x: 100, y: 400)),
            Node(id: "b", label: ["Покупка"], position: Point(x: 500, y: 120)),
        ]
        board.edges = [Edge(id: "a-b", from: "a", to: "b")]
        let dot = String(decoding: try Worker.bytes(RenderRequest(graph: board, format: .dot)), as: UTF8.self)
        #expect(dot.contains("pos=\"100,400\""))
        #expect(dot.contains("pos=\"500,120\""))
    }

    /// A pinned edge's whole curve reaches the drawing, though `pos` only carries a stand-in
    /// of it to `nop2` (`ViewGraphLowering.drawRoutes`).
    @Test func pinnedEdgeKeepsEveryPointOfItsCurve() throws {
        var map = ViewGraph(id: "map", layout: .pinned)
        map.nodes = [
            Node(id: "a", label: ["Заявка"], position: Point(x: 100, y: 400)),
            Node(id: "b", label: ["Сделка"], position: Point(x: 500, y: 120)),
        ]
        let curve = [Point(x: 130, y: 400), Point(x: 200, y: 400), Point(x: 300, y: 390), Point(x: 300, y: 300),
                     Point(x: 300, y: 200), Point(x: 400, y: 120), Point(x: 470, y: 120)]
        map.edges = [Edge(id: "a-b", from: "a", to: "b", label: "ссылка", route: EdgeRoute(points: curve, headTip: Point(x: 460, y: 120),
                                                                                        labelCentre: Point(x: 320, y: 250)))]
        let dot = String(decoding: try Worker.bytes(RenderRequest(graph: map, format: .dot)), as: UTF8.self)
        #expect(dot.contains("pos=\"e,460,120 130,400 200,400 300,390 300,300 300,200 400,120 470,120\""))
        let svg = String(decoding: try Worker.bytes(RenderRequest(graph: map, format: .svg)), as: UTF8.self)
        #expect(svg.contains("M130,-400C200,-400 300,-390 300,-300 300,-200 400,-120 470,-120"))
    }

    /// Lines measured again from memory (`RememberedTextSizes`) get pango's size: every box
    /// of a repeated label is as wide as the first, and wider than a short label's.
    @Test func repeatedLabelsAreMeasuredAlike() throws {
        var flow = ViewGraph(id: "flow", layout: .ranked(direction: .leftToRight))
        flow.nodes = (1...4).map { Node(id: "n\($0)", label: ["эмоция: −2", "Квалификация лида"]) } + [Node(id: "short", label: ["Да"])]
        let dot = String(decoding: try Worker.bytes(RenderRequest(graph: flow, format: .dot)), as: UTF8.self)
        // Each node's attribute list, `nK [ ... ]`, holds its laid-out `width=` (not `penwidth=`)
        // unless it is the declared 0.75 inch.
        let widths = (1...5).compactMap { index -> Double? in
            guard let start = dot.range(of: "\tn\(index)\t["), let end = dot[start.upperBound...].firstIndex(of: "]") else { return nil }
            let attributes = dot[start.upperBound..<end].split(whereSeparator: { " \t\n,".contains($0) })
            return attributes.first { $0.hasPrefix("width=") }.map { Double($0.dropFirst("width=".count)) ?? 0 } ?? 0.75
        }
        #expect(widths.count == 5)
        #expect(Set(widths.prefix(4)).count == 1)
        #expect((widths.first ?? 0) > (widths.last ?? 0) + 0.5)
    }

    /// The `width`/`height` of an SVG root, in points.
    static func svgSize(_ svg: String) -> (width: Double, height: Double)? {
        func value(_ name: String) -> Double? {
            guard let start = svg.range(of: "\(name)=\"") else { return nil }
            return Double(svg[start.upperBound...].prefix(while: { $0.isNumber || $0 == "." }))
        }
        guard let width = value("width"), let height = value("height") else { return nil }
        return (width, height)
    }
}
