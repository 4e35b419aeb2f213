/// The figures of one chain of stages (the lead stages, or one pipeline's), as `cjm stats`
/// prints them and the flow map draws them.
///
/// Each stage that comes from another (by `StageChain`'s one rule) gets, when both counts are
/// given, its step conversion (its count over the count of the stage it comes from), its
/// cumulative conversion (over the count of the block's entry stage) and its drop-off (how many
/// did not go on). A `lost` stage is an exit, not a step on: it gets neither conversion nor
/// drop-off. Percentages are exact (0–100, unrounded); printers round.
public struct FunnelStatistics: Equatable, Sendable {
    /// One stage and its figures.
    public struct Step: Equatable, Sendable {
        public var path: ElementPath
        public var label: String
        public var end: Stage.End?
        public var count: Int?
        /// The stage it comes from (nil for the entry stage).
        public var from: ElementPath?
        /// `count` over the count of `from`, in percent.
        public var conversion: Double?
        /// `count` over the entry stage's count, in percent.
        public var cumulative: Double?
        /// The count of `from` minus `count`.
        public var dropOff: Int?
    }

    public var path: ElementPath
    public var label: String
    public var steps: [Step]
    /// The step that loses the most (by `dropOff`; the first written on a tie), nil when no
    /// step has a positive drop-off.
    public var biggestDropOff: ElementPath?

    /// The figures of `stages`, a block at `path` with `label`.
    public init(path: ElementPath, label: String, stages: [Stage]) {
        self.path = path
        self.label = label
        var steps = stages.map { Step(path: $0.path, label: $0.label, end: $0.end, count: $0.count) }
        let entry = StageChain.entry(of: stages)
        StageChain.forEachStep(stages) { index, source in
            steps[index].from = source
            guard stages[index].end != .lost, let to = stages[index].count,
                  let from = stages.first(where: { $0.path == source })?.count else { return }
            steps[index].dropOff = from - to
            if from > 0 { steps[index].conversion = Double(to) * 100 / Double(from) }
            if let first = entry?.count, first > 0 { steps[index].cumulative = Double(to) * 100 / Double(first) }
        }
        var biggest: (path: ElementPath, loss: Int)?
        for step in steps {
            if let loss = step.dropOff, loss > 0, loss > (biggest?.loss ?? 0) { biggest = (step.path, loss) }
        }
        self.steps = steps
        self.biggestDropOff = biggest?.path
    }

    /// The count of the entry stage: how many entered the block.
    public var entered: Int? { steps.first { $0.end == nil }?.count ?? steps.first?.count }
}
