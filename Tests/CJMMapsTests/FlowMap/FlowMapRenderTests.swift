import CJMGraphviz
import CJMMaps
import Foundation
import Testing

/// The flow map rendered for real by Graphviz in a `cjm render-worker` child (never mocked).
@Suite struct FlowMapRenderTests {
    /// The `cjm` executable `swift build` / `swift test` left next to the test bundle.
    static let worker: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cjm").path
    }()

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: worker), "needs the built cjm executable"))
    func serviceCenterMapRendersToSVGWithCyrillicLabelsAndIDs() throws {
        let graph = FlowMap.build(ServiceCenterJourney.journey(), theme: .named(.default))
        let renderer = IsolatedRenderer(workerExecutable: Self.worker, timeout: 60, memoryLimitBytes: 2_000_000_000)
        let bytes = try renderer.render(RenderRequest(graph: graph, format: .svg)).get()
        // Graphviz writes `-` as the character reference `&#45;`; an XML reader sees `-`.
        let svg = String(decoding: bytes, as: UTF8.self).replacing("&#45;", with: "-")
        for text in ["Сервисный центр «ТехноПлюс»", "Счёт на предоплату", "Напоминание об оплате", "Некачественный лид",
                     "68%", "кросс-продажа", "вручную", "Легенда"] {
            #expect(svg.contains(text), "SVG lacks \(text)")
        }
        for id in ["stage-repair-invoice", "auto-repair-invoice-auto1", "page-site-repair_page", "ad-search-brand-machines-fast"] {
            #expect(svg.contains("id=\"\(id)\""), "SVG lacks id \(id)")
        }
        #expect(svg.contains("href=\"/repair\""))
        // Layout edges rank blocks but are never drawn.
        #expect(!svg.contains("class=\"layout\""))
    }
}
