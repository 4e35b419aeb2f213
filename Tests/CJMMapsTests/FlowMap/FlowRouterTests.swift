import Testing
@testable import CJMMaps

@Suite struct FlowRouterTests {
    /// What an order of a gutter's runs costs: `cost[a * n + b]` for every a left of b.
    static func total(_ order: [Int], _ cost: [Int]) -> Int {
        var sum = 0
        for i in order.indices { for j in order.indices where j > i { sum += cost[order[i] * order.count + order[j]] } }
        return sum
    }

    /// A run that no swap of neighbours improves still moves to where it crosses least:
    /// [0, 1, 2] costs 6, and only a run jumping past another gets to the order costing 1.
    @Test func runsMovePastNeighboursToCrossLess() {
        // Rows: the left run; columns: the right run.
        let cost = [0, 1, 5,
                    2, 0, 0,
                    0, 0, 0]
        #expect(Self.total([0, 1, 2], cost) == 6)
        let better = FlowRouter.fewerCrossings([0, 1, 2], cost: cost)
        #expect(better.sorted() == [0, 1, 2])
        #expect(Self.total(better, cost) == 1, "\(better)")
    }

    /// Runs that each want to stand left of the next in a ring keep an order that costs the
    /// least any order can (one), and an order already best is kept as it is.
    @Test func aRingOfPreferencesCostsNoMoreThanItMust() {
        let ring = [0, 0, 1,
                    1, 0, 0,
                    0, 1, 0]
        for start in [[0, 1, 2], [2, 1, 0], [1, 0, 2]] {
            #expect(Self.total(FlowRouter.fewerCrossings(start, cost: ring), ring) == 1, "from \(start)")
        }
        let settled = [0, 0, 0,
                       3, 0, 0,
                       3, 3, 0]
        #expect(FlowRouter.fewerCrossings([0, 1, 2], cost: settled) == [0, 1, 2])
    }
}
