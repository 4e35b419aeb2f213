import CJMGraphviz
import CJMModel
import CJMViewGraph
import Foundation
import Testing
@testable import CJMMaps

/// The board through the real Graphviz worker (`cjm render-worker`), as `cjm render` runs it.
@Suite struct BoardRenderTests {
    typealias F = BoardFixtures

    /// The `cjm` executable `swift test` built (located as the flow-map render tests do);
    /// required, not skipped: the board must be shown to render for real.
    static func worker() throws -> String {
        let path = FlowMapRenderTests.worker
        try #require(FileManager.default.isExecutableFile(atPath: path), "no built cjm executable at \(path)")
        return path
    }

    static func svg(_ graph: ViewGraph) throws -> String {
        let renderer = IsolatedRenderer(workerExecutable: try worker(), timeout: 120, memoryLimitBytes: 2 << 30)
        switch renderer.render(RenderRequest(graph: graph, format: .svg)) {
        case .success(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .failure(let failure): throw failure
        }
    }

    /// Text as Graphviz writes it into SVG.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "-", with: "&#45;")
    }

    @Test func largeBoardRendersWithPhasesInOrderAndEveryText() throws {
        let journey = F.largeJourney()
        let graph = BoardMap.build(journey, theme: .named(.default), persona: nil)
        let svg = try Self.svg(graph)
        #expect(svg.hasPrefix("<?xml") && svg.contains("</svg>"))
        // Phase titles appear in the SVG left to right: their text x coordinates increase.
        var xs: [Double] = []
        for phase in journey.phases {
            let range = try #require(svg.range(of: ">\(Self.escaped(phase.label))</text>"))
            let start = try #require(svg[..<range.lowerBound].range(of: "<text", options: .backwards))
            let tag = svg[start.lowerBound..<range.lowerBound]
            let x = try #require(tag.range(of: #"x="([-0-9.]+)""#, options: .regularExpression).map { Double(tag[$0].dropFirst(3).dropLast())! })
            xs.append(x)
        }
        #expect(xs == xs.sorted() && Set(xs).count == 5, "\(xs)")
        // Every label line of every box is in the SVG as text, so every touchpoint text is there.
        var missing: [String] = []
        for node in graph.nodes {
            for line in node.label where !svg.contains(">\(Self.escaped(line))</text>") {
                missing.append(line)
            }
        }
        #expect(missing.isEmpty, "\(missing.prefix(5))")
        #expect(svg.contains(Self.escaped(journey.title)))
        // Lane titles and the emotion values are drawn too.
        for lane in BoardLane.allCases { #expect(svg.contains(Self.escaped(String(MapWords.russian.laneTitles[lane]!.prefix { $0 != " " }))), "\(lane)") }
        #expect(svg.contains(">\u{2212}2<") && svg.contains(">+2<") && svg.contains(">0<"))
    }

    @Test func emptyBoardRenders() throws {
        let svg = try Self.svg(BoardMap.build(Journey(title: "Пусто", source: F.here), theme: .named(.default), persona: nil))
        #expect(svg.contains("Пусто") && svg.contains("Ответственные"))
    }

    @Test func boardsInEveryThemeRender() throws {
        for theme in ThemeName.allCases {
            let svg = try Self.svg(BoardMap.build(ServiceCentreFixture.journey(), theme: .named(theme), persona: nil))
            #expect(svg.contains("Первый звонок") && svg.contains("Рассмотрение") && svg.contains("Без фазы"), "\(theme)")
        }
    }
}
