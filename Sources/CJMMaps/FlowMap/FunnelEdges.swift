import CJMModel
import CJMViewGraph

/// How the steps of the lead funnel and of each pipeline show their figures on the flow map,
/// so the funnel reads at a glance (as profilers' call graphs do):
///
/// - a step into a counted stage is drawn as wide as its count: `maxPenWidth` for the largest
///   count of its block, proportionally less for the others, never thinner than the theme's
///   line (`penwidth`);
/// - the step that loses the most in its block (`FunnelStatistics.biggestDropOff`) is marked
///   `▼ −N` in its label;
/// - a step converting under the journey's `lint min_conversion:` (the rule of W010) is drawn
///   in the theme's `lowConversion` colour with `⚠` before its percentage.
///
/// Nothing changes for a block without counts. Lint suppressions of W010 do not hide the
/// warning here: they quiet CI, while the map shows where customers are lost.
struct FunnelEdges {
    /// The width, in points, of a step carrying its block's largest count.
    static let maxPenWidth = 8.0
    static let dropOffMark = "▼"
    static let warningMark = "⚠"

    /// What one step (from a stage to the next, `won` or `lost`) shows.
    struct Step: Equatable {
        /// Nil when the target stage has no count.
        var penWidth: Double?
        /// `count(from) − count(to)` when this step is its block's biggest drop-off.
        var biggestDropOff: Int?
        var isLowConversion = false
    }

    private struct Key: Hashable {
        var from: ElementPath
        var to: ElementPath
    }

    private var steps: [Key: Step] = [:]

    /// The steps of `journey`'s lead stages and pipelines, with widths no thinner than `minPenWidth`.
    init(_ journey: Journey, minPenWidth: Double) {
        var blocks: [(path: ElementPath, label: String, stages: [Stage])] = []
        if let leads = journey.leads { blocks.append((leads.path, leads.label, leads.stages)) }
        for pipeline in journey.pipelines { blocks.append((pipeline.path, pipeline.label, pipeline.stages)) }
        for block in blocks {
            let funnel = FunnelStatistics(path: block.path, label: block.label, stages: block.stages)
            let counts = funnel.steps.compactMap(\.count)
            let largest = counts.max() ?? 0
            let countOf = Dictionary(funnel.steps.compactMap { step in step.count.map { (step.path, $0) } }, uniquingKeysWith: { first, _ in first })
            for step in funnel.steps {
                guard let from = step.from else { continue }
                var shown = Step()
                if let count = step.count, largest > 0 {
                    shown.penWidth = max(minPenWidth, Self.maxPenWidth * Double(count) / Double(largest))
                }
                if step.path == funnel.biggestDropOff { shown.biggestDropOff = step.dropOff }
                if step.end != .lost, let to = step.count, let whole = countOf[from] {
                    shown.isLowConversion = journey.lint.isLowConversion(from: whole, to: to)
                }
                steps[Key(from: from, to: step.path)] = shown
            }
        }
    }

    /// What the step from `from` to `to` shows, nil when it is no step of a funnel.
    func step(from: ElementPath, to: ElementPath) -> Step? {
        steps[Key(from: from, to: to)]
    }

    /// `▼ −140`: the mark of a block's biggest drop-off.
    static func dropOffLabel(_ loss: Int) -> String {
        dropOffMark + " \u{2212}" + NumberText.integer(loss)
    }
}
