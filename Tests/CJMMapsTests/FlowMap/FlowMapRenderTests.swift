import CJMGraphviz
import CJMMaps
import CJMModel
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
        let graph = try ComposedMaps.compose(FlowMap.draft(ServiceCenterJourney.journey(), theme: .named(.default)))
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

    /// A labelled page funnel and a labelled cross-sell between two first stages (one rank, two
    /// clusters) render; both aborted Graphviz 2.42/2.43 in its teardown before the worker
    /// stopped tearing layouts down (main fa54f6f).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: worker), "needs the built cjm executable"))
    func labelledPageFunnelAndSameRankCrossSellRender() throws {
        var journey = ServiceCenterJourney.journey()
        // Repair keeps only its first stage open, so its cross-sell joins two first stages.
        journey.pipelines[0].stages.removeSubrange(1...3)
        journey.flows.removeAll { $0.from.components.first == "repair" && $0.origin != .crossSell }
        journey.flows += [
            ServiceCenterJourney.flow("repair.new", "repair.won", .terminal),
            ServiceCenterJourney.flow("repair.new", "repair.lost", .terminal),
            ServiceCenterJourney.flow("site.home", "site.repair_page", .explicit, label: "баннер на главной"),
            ServiceCenterJourney.flow("site.repair_page", "site.manual", .explicit, label: "в корзину"),
        ]
        let renderer = IsolatedRenderer(workerExecutable: Self.worker, timeout: 60, memoryLimitBytes: 2_000_000_000)
        let result = renderer.render(RenderRequest(graph: try ComposedMaps.compose(FlowMap.draft(journey, theme: .named(.default))), format: .svg))
        let svg = String(decoding: try result.get(), as: UTF8.self)
        #expect(svg.contains("баннер на главной"))
        #expect(svg.contains("кросс&#45;продажа"))
        #expect(svg.contains("Новая сделка"))
    }
}
