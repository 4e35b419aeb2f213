import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// Views written in the language, through the real parser and checker: the element paths the
/// checker resolves `show:` to select what the view names.
@Suite struct CheckedViewTests {
    static func journey() throws -> Journey {
        let text = FlowMapSpecExampleTests.text.replacingOccurrences(of: "\n  email -> manual", with: """

          view ads_only "Только реклама" show: ads
          view repair_view "Ремонт" show: repair, manual
          view invoice_view show: repair.invoice
          view consider phase: consideration
          view owner_view persona: owner show: touchpoints, channels
          email -> manual
        """)
        let result = Checker.check(SourceFile(path: "views.cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    @Test func catalogListsTheWrittenViews() throws {
        #expect(MapCatalog.names(in: try Self.journey()) == ["flow", "board", "ads_only", "repair_view", "invoice_view", "consider", "owner_view"])
    }

    @Test func viewsSelectWhatTheyName() throws {
        let journey = try Self.journey()
        func view(_ id: String) -> Journey { ViewSelection.apply(journey.views.first { $0.id == id }!, to: journey) }

        let ads = view("ads_only")
        #expect(ads.adNetworks.map(\.label) == ["Реклама в поиске"] && ads.pipelines.isEmpty && ads.sites.isEmpty && ads.channels.isEmpty)

        let repair = view("repair_view")
        #expect(repair.pipelines.map(\.label) == ["Ремонт"] && repair.pipelines[0].stages.count == 6)
        #expect(repair.sites.flatMap(\.pages).map(\.label) == ["Инструкции"])
        #expect(repair.flows.contains { $0.origin == .explicit && $0.to == repair.sites[0].pages[0].path })
        #expect(repair.leads == nil && repair.crm == nil)

        let invoice = view("invoice_view")
        #expect(invoice.pipelines.flatMap(\.stages).map(\.label) == ["Счёт на предоплату"])
        #expect(invoice.pipelines[0].stages[0].automations.map(\.label) == ["Напоминание об оплате"])

        let consider = view("consider")
        #expect(consider.phases.map(\.label) == ["Рассмотрение"])
        #expect(consider.touchpoints.map(\.label) == ["Первый звонок"])

        let owner = view("owner_view")
        #expect(owner.touchpoints.map(\.label) == ["Первый звонок"] && owner.channels.count == 5 && owner.pipelines.isEmpty)
    }

    @Test func namedViewRendersAsAFlowMapWithItsTitle() throws {
        let graph = try #require(MapCatalog.build(view: "repair_view", journey: try Self.journey(), persona: nil, theme: .named(.default))).graph
        let texts = graph.nodes.map { $0.label.joined(separator: " ") }
        #expect(graph.title == "Сервисный центр «ТехноПлюс» — Ремонт")
        #expect(texts.contains("Инструкции") || texts.contains { $0.hasPrefix("Инструкции") })
        #expect(!texts.contains { $0.contains("Битрикс24") || $0.contains("Запчасти") })
    }
}
