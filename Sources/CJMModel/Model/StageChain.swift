/// How customers move through the stages of one block (SPEC §2, "Flows drawn without being
/// written"): a working stage comes from its `from:` or the working stage above it; a `won` or
/// `lost` stage from its `from:` or the nearest working stage above it. The implied flows, the
/// lints and the figures of `cjm stats` all follow this one rule.
public enum StageChain {
    /// Calls `body` with the index of each stage of `stages` that comes from another, and the
    /// path of that other stage, in the order written.
    @inline(__always)
    public static func forEachStep(_ stages: [Stage], _ body: (_ index: Int, _ from: ElementPath) -> Void) {
        var previous: ElementPath?
        for index in stages.indices {
            let stage = stages[index]
            if let source = stage.from ?? previous { body(index, source) }
            if stage.end == nil { previous = stage.path }
        }
    }

    /// The stage a block is entered at: its first working stage, else its first stage.
    public static func entry(of stages: [Stage]) -> Stage? {
        stages.first { $0.end == nil } ?? stages.first
    }
}
