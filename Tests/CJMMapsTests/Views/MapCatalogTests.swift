import CJMModel
import CJMViewGraph
import Testing
@testable import CJMMaps

@Suite struct MapCatalogTests {
    let journey = ServiceCentreFixture.journey()
    let theme = Theme.named(.default)

    @Test func namesAreTheBuiltInMapsThenTheViewsInWrittenOrder() {
        #expect(MapCatalog.names(in: journey) == ["flow", "board", "ads_only", "repair_view"])
    }

    @Test func unknownNameBuildsNothing() {
        #expect(MapCatalog.build(view: "nope", journey: journey, persona: nil, theme: theme) == nil)
    }

    @Test func builtInNamesBuildTheirMaps() throws {
        let draft = try #require(MapCatalog.build(view: "board", journey: journey, persona: nil, theme: theme))
        let board = draft.graph
        #expect(draft.blocks.isEmpty && draft.compose([]) == board)
        #expect(board.id == "board" && board.layout == .pinned)
        // The catalog adds the one-line summary (the SVG's <desc>); the rest is the builder's.
        var plain = board
        plain.summary = nil
        #expect(plain == BoardMap.build(journey, theme: theme, persona: nil))
        #expect(board.summary?.hasPrefix("Доска пути клиента по фазам") == true)
        let flow = try #require(MapCatalog.build(view: "flow", journey: journey, persona: nil, theme: theme))
        plain = flow.graph
        plain.summary = nil
        #expect(plain == FlowMap.build(journey, theme: theme))
        #expect(flow.graph.summary == "Схема пути клиента: 3 канала, 1 CRM, 9 этапов, 1 автоматизация, 3 страницы, 2 объявления, 4 точки контакта.")
        #expect(!flow.blocks.isEmpty)
    }

    @Test func namedViewIsTheFlowMapOfItsSelectionWithItsTitle() throws {
        let graph = try #require(MapCatalog.build(view: "ads_only", journey: journey, persona: nil, theme: theme)).graph
        #expect(graph.id == "ads_only")
        #expect(graph.title?.contains("Только реклама") == true)
        let labels = graph.nodes.map { $0.label.joined(separator: " ") }
        #expect(labels.contains { $0.contains("Ремонт за 24 часа") })
        #expect(!labels.contains { $0.contains("Битрикс24") || $0.contains("Новая сделка") || $0.contains("Первый звонок") })
    }

    @Test func personaNarrowsTheBoardAndTheFlow() throws {
        let board = try #require(MapCatalog.build(view: "board", journey: journey, persona: BoardFixtures.path("engineer"), theme: theme)).graph
        let texts = board.nodes.map { $0.label.joined(separator: " ") }
        #expect(texts.contains { $0.contains("Вопрос в Telegram") } && !texts.contains { $0.contains("Первый звонок") })
        let flow = try #require(MapCatalog.build(view: "flow", journey: journey, persona: BoardFixtures.path("engineer"), theme: theme)).graph
        let flowTexts = flow.nodes.map { $0.label.joined(separator: " ") }
        #expect(flowTexts.contains { $0.contains("Вопрос в Telegram") } && !flowTexts.contains { $0.contains("Первый звонок") })
    }
}
