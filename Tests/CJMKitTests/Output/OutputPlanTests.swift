@testable import CJMKit
import Testing

@Suite struct OutputPlanTests {
    let oneInput = [(path: "maps/shop.cjm", views: ["flow", "board", "ads"])]

    func files(_ plan: OutputPlan, _ inputs: [(path: String, views: [String])]) throws -> [String] {
        try plan.outputs(for: inputs).get().map {
            switch $0.destination {
            case .file(let path): path
            case .standardOutput: "-"
            }
        }
    }

    @Test func withoutOutputTheMapGoesBesideItsInputAsSVG() throws {
        #expect(try files(OutputPlan(output: nil, formats: [], view: nil, allViews: false), oneInput) == ["maps/shop.svg"])
    }

    @Test func outputFileExtensionPicksTheFormat() throws {
        let plan = OutputPlan(output: "out/map.pdf", formats: [], view: nil, allViews: false)
        let outputs = try plan.outputs(for: oneInput).get()
        #expect(outputs.map(\.format) == [.pdf])
        #expect(try files(plan, oneInput) == ["out/map.pdf"])
    }

    @Test func severalFormatsGoIntoTheFolder() throws {
        let plan = OutputPlan(output: "out", formats: [.svg, .png], view: nil, allViews: false)
        #expect(try files(plan, oneInput) == ["out/shop.svg", "out/shop.png"])
    }

    @Test func allViewsNameEachFileAfterItsView() throws {
        let plan = OutputPlan(output: "out/", formats: [], view: nil, allViews: true)
        #expect(try files(plan, oneInput) == ["out/shop.flow.svg", "out/shop.board.svg", "out/shop.ads.svg"])
    }

    @Test func aNamedViewBesideTheInputCarriesItsName() throws {
        let plan = OutputPlan(output: nil, formats: [], view: "board", allViews: false)
        #expect(try files(plan, oneInput) == ["maps/shop.board.svg"])
    }

    @Test func stdoutTakesExactlyOneMap() throws {
        #expect(try files(OutputPlan(output: "-", formats: [], view: nil, allViews: false), oneInput) == ["-"])
        #expect(throws: UsageError.self) { try OutputPlan(output: "-", formats: [.svg, .png], view: nil, allViews: false).outputs(for: oneInput).get() }
        #expect(throws: UsageError.self) { try OutputPlan(output: "-", formats: [], view: nil, allViews: true).outputs(for: oneInput).get() }
    }

    @Test func conflictingFormatAndExtensionIsRefused() {
        #expect(throws: UsageError.self) { try OutputPlan(output: "map.png", formats: [.svg], view: nil, allViews: false).outputs(for: oneInput).get() }
    }

    @Test func unknownExtensionIsRefused() {
        #expect(throws: UsageError.self) { try OutputPlan(output: "map.gif", formats: [], view: nil, allViews: false).outputs(for: oneInput).get() }
    }

    @Test func twoInputsWritingTheSameFileAreRefused() {
        let inputs = [(path: "a/shop.cjm", views: ["flow"]), (path: "b/shop.cjm", views: ["flow"])]
        #expect(throws: UsageError.self) { try OutputPlan(output: "out", formats: [], view: nil, allViews: false).outputs(for: inputs).get() }
    }
}
