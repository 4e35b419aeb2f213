import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// The touchpoints block lists touchpoints in phase order, then in the order written; the
/// composed map stands them in one row per channel, each row in that order.
@Suite struct TouchpointOrderTests {
    /// Written out of phase order, with channels listed in the opposite order, so ordering by
    /// channel (as the block once did) would give another order.
    static let text = """
        journey "Порядок" {
          phase awareness "Осведомлённость"
          phase purchase "Покупка"
          phase loyalty "Удержание"
          channel c1 "Первый" kind: phone
          channel c2 "Второй" kind: email
          channel c3 "Третий" kind: social
          touchpoint late "Отзыв" phase: loyalty channel: c1
          touchpoint none "Без фазы" channel: c1
          touchpoint buy "Покупает" phase: purchase channel: c2
          touchpoint sees "Видит рекламу" phase: awareness channel: c3
          touchpoint buy2 "Платит" phase: purchase channel: c1
        }
        """

    static let expected = ["touchpoint-sees", "touchpoint-buy", "touchpoint-buy2", "touchpoint-late", "touchpoint-none"]

    static func journey() throws -> Journey {
        let result = Checker.check(SourceFile(path: "order.cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    @Test func theBlockListsThemByPhaseThenAsWritten() throws {
        let graph = FlowMap.build(try Self.journey(), theme: Theme.named(.default))
        #expect(graph.nodes.filter { $0.classes.contains("touchpoint") }.map(\.id) == Self.expected)
    }

    /// On the composed map each channel has a row of its touchpoints, in the channels' order,
    /// and each row reads in phase order, then as written.
    static let expectedRows = ["touchpoint-buy2", "touchpoint-late", "touchpoint-none", "touchpoint-buy", "touchpoint-sees"]

    @Test func theComposedMapRowsThemByChannelInThatOrder() throws {
        guard ComposedMaps.workerIsBuilt else { try Test.cancel("no cjm worker at \(ComposedMaps.worker); run swift build first") }
        let graph = try ComposedMaps.compose(FlowMap.draft(try Self.journey(), theme: Theme.named(.default)))
        let placed = graph.nodes.filter { $0.classes.contains("touchpoint") }
        // Lines top to bottom (Graphviz's y grows upwards), each left to right.
        let order = placed.sorted { a, b in
            let (pa, pb) = (a.position!, b.position!)
            return abs(pa.y - pb.y) > 1 ? pa.y > pb.y : pa.x < pb.x
        }.map(\.id)
        #expect(order == Self.expectedRows)
    }
}
