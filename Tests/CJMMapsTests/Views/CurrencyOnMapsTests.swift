import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// The journey's currency appears after every sum on the flow map and on the board.
@Suite struct CurrencyOnMapsTests {
    static let text = """
        journey "Мебель" currency: BYN {
          persona anna "Анна"
          channel calls "Звонки" kind: phone
          pipeline sofa "Диваны" avg_check: 850 revenue: 12 500 profit: 12,5% {
            stage new "Новая"
            stage won "Успех" won
          }
          pipeline chairs "Стулья" {
            stage new "Новая"
          }
          touchpoint t "Звонит" channel: calls persona: anna
        }
        """

    static func journey() throws -> Journey {
        let result = Checker.check(SourceFile(path: "money.cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    @Test func theFlowMapPrintsTheCurrencyAfterEverySum() throws {
        let graph = FlowMap.build(try Self.journey(), theme: Theme.named(.default))
        let texts = graph.nodes.map { $0.label.joined(separator: "\n") }.joined(separator: "\n")
        #expect(texts.contains("Выручка: 12\u{00A0}500\u{00A0}Br"), "\(texts)")
        #expect(texts.contains("Средний чек: 850\u{00A0}Br"))
        #expect(texts.contains("Прибыль: 12,5%") && !texts.contains("12,5%\u{00A0}Br"), "a percentage is no sum")
    }

    @Test func theBoardShowsEachPipelinesSumsInItsDealsRow() throws {
        let graph = BoardMap.build(try Self.journey(), theme: Theme.named(.default), persona: nil)
        let deals = graph.nodes.filter { $0.id.hasPrefix("deals-") }
        #expect(deals.map(\.id) == ["deals-sofa"], "a pipeline without sums gets no card")
        #expect(deals.first?.label == ["Диваны", "Выручка: 12\u{00A0}500\u{00A0}Br", "Прибыль: 12,5%", "Средний чек: 850\u{00A0}Br"])
        #expect(graph.nodes.contains { $0.id == "lane-deals" && $0.label == ["Сделки"] })
    }

    @Test func aBoardWithoutSumsHasNoDealsRow() throws {
        let result = Checker.check(SourceFile(path: "plain.cjm", text: """
            journey "Без денег" {
              pipeline p "Сделки" {
                stage new "Новая"
              }
              touchpoint t "Звонит"
            }
            """))
        let graph = BoardMap.build(try #require(result.journey), theme: Theme.named(.default), persona: nil)
        #expect(!graph.nodes.contains { $0.id == "lane-deals" || $0.id.hasPrefix("deals-") })
    }

    @Test func aBoardNarrowedToAPersonaNamesItInItsTitle() throws {
        let journey = try Self.journey()
        #expect(BoardMap.build(journey, theme: Theme.named(.default), persona: nil).title == "Мебель")
        #expect(BoardMap.build(journey, theme: Theme.named(.default), persona: ElementPath("anna")).title == "Мебель — персона: Анна")
    }
}
