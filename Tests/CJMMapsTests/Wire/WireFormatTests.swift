import CJMModel
import CJMViewGraph
import Testing
@testable import CJMGraphviz
@testable import CJMMaps

/// The render request crosses into the worker in `WireWriter`'s positional format: every view
/// the catalog builds must come back equal, and damaged bytes must be refused, not misread.
@Suite struct WireFormatTests {
    /// Every view of every theme as built, and every block of it that `dot` lays out.
    static func graphs() throws -> [ViewGraph] {
        let journey = try CheckedViewTests.journey()
        return try MapCatalog.names(in: journey).flatMap { name in
            try ThemeName.allCases.flatMap { theme in
                let draft = try #require(MapCatalog.build(view: name, journey: journey, persona: nil, theme: Theme.named(theme, styles: [])))
                return [draft.graph] + draft.blocks
            }
        }
    }

    @Test(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
    func composedMapsAndTheirGeometriesRoundTrip() throws {
        let draft = FlowMap.draft(ServiceCenterJourney.journey(), theme: .named(.default))
        let geometries = try ComposedMaps.geometries(draft)
        #expect(try GeometryWire.geometries(GeometryWire.bytes(geometries)).geometries == geometries)
        let composed = draft.compose(geometries)
        #expect(composed.edges.allSatisfy { $0.route != nil } && composed.clusters.allSatisfy { $0.frame != nil })
        let request = RenderRequest(graph: composed, format: .svg)
        #expect(try RenderRequest(wireBytes: request.wireBytes) == request)
        let layout = WorkerRequest.layout(draft.blocks)
        #expect(try WorkerRequest(wireBytes: layout.wireBytes) == layout)
        #expect(throws: RenderFailure.self) { try RenderRequest(wireBytes: layout.wireBytes) }
    }

    /// The block layouts' measurements, handed on to the composed map's render, change
    /// nothing in the SVG or DOT it draws.
    @Test(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
    func handedOnMeasurementsDrawTheSameMap() throws {
        let draft = FlowMap.draft(ServiceCenterJourney.journey(), theme: .named(.default))
        let answer = try ComposedMaps.renderer().layOut(draft.blocks).get()
        #expect(!answer.measuredText.isEmpty)
        let composed = draft.compose(answer.geometries)
        for format in [OutputFormat.svg, .dot] {
            let measuring = try ComposedMaps.renderer().render(RenderRequest(graph: composed, format: format)).get()
            let handed = try ComposedMaps.renderer().render(RenderRequest(graph: composed, format: format, measuredText: answer.measuredText)).get()
            #expect(handed == measuring, "\(format)")
        }
    }

    @Test func everyViewOfEveryThemeRoundTrips() throws {
        let graphs = try Self.graphs()
        #expect(graphs.count >= 42)
        for graph in graphs {
            for request in [RenderRequest(graph: graph, format: .svg), RenderRequest(graph: graph, format: .png, dpi: 144.5)] {
                #expect(try RenderRequest(wireBytes: request.wireBytes) == request, "\(graph.id)")
            }
        }
    }

    @Test func pinnedLayoutsAndOptionalsRoundTrip() throws {
        var graph = ViewGraph(id: "b", title: nil, layout: .pinned, style: GraphStyle(fontSize: 11))
        graph.nodes = [Node(id: "n", label: ["Эмоции", ""], style: NodeStyle(fill: nil, fontSize: 9, fixedSize: Size(width: 1, height: 2), minWidth: 3),
                            url: "/x", position: Point(x: -1.5, y: 2e5), group: "g")]
        graph.sameRank = [["n"], []]
        for page in [PageSetup(), PageSetup(paper: .a1), PageSetup(paper: .a0, orientation: .portrait, tile: .a4), PageSetup(tile: .letter)] {
            let request = RenderRequest(graph: graph, format: .pdf, page: page)
            #expect(try RenderRequest(wireBytes: request.wireBytes) == request)
        }
    }

    @Test(arguments: ["truncated", "trailing", "foreign", "huge count"])
    func damagedBytesAreRefused(_ damage: String) throws {
        let bytes = RenderRequest(graph: try #require(Self.graphs().first), format: .svg).wireBytes
        var damaged = bytes
        switch damage {
        case "truncated": damaged.removeLast(3)
        case "trailing": damaged.append(0)
        case "foreign": damaged[0] = UInt8(ascii: "{")
        default: damaged.replaceSubrange(WireWriter.magic.count..<(WireWriter.magic.count + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        }
        #expect(throws: RenderFailure.self) { try RenderRequest(wireBytes: damaged) }
    }

    /// Regression for the `wire` fuzz target's first find: a request whose number decoded as
    /// NaN was accepted, and was then not even equal to itself.
    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func aNumberThatIsNotFiniteIsRefused(_ value: Double) throws {
        var graph = try #require(Self.graphs().first)
        graph.style.fontSize = value
        #expect(throws: RenderFailure.self) { try RenderRequest(wireBytes: RenderRequest(graph: graph, format: .svg).wireBytes) }
    }
}
