/// The lead funnel and the deal pipelines (seed 001): few lead stages (W003), an automation in
/// every pipeline (W004), won and lost ends (W005), no stage customers get stuck in (W006), and
/// no step whose conversion falls under the journey's threshold (W010, seeds 000 and 001).
enum FunnelLints {
    /// More working lead stages than this are too many.
    static let maxLeadStages = 5

    static func check(_ journey: Journey, into findings: inout [LintFinding]) {
        // Stages a written edge leaves, or a `from:` in another block.
        var leftByEdge = Set<ElementPath>()
        for flow in journey.flows where flow.origin == .explicit { leftByEdge.insert(flow.from) }
        func noteCrossBlockSources(_ stages: [Stage]) {
            for stage in stages {
                guard let from = stage.from, from.components.dropLast() != stage.path.components.dropLast() else { continue }
                leftByEdge.insert(from)
            }
        }
        if let leads = journey.leads { noteCrossBlockSources(leads.stages) }
        for pipeline in journey.pipelines { noteCrossBlockSources(pipeline.stages) }
        let lint = journey.lint

        if let leads = journey.leads {
            let working = leads.stages.filter { $0.end == nil }
            if working.count > maxLeadStages {
                findings.append(LintFinding(.tooManyLeadStages(working: working.count, sixth: working[maxLeadStages].source),
                                            subject: leads.path, source: leads.source))
            }
            // The last working lead stage is left by its conversion into the pipelines.
            var converted: ElementPath?
            if let last = working.last, leads.convertsTo.contains(where: { target in
                journey.pipelines.contains { $0.path == target && !$0.stages.isEmpty }
            }) {
                converted = last.path
            }
            walk(leads.stages, leftByEdge: leftByEdge, alsoLeft: converted, lint: lint, into: &findings)
        }
        for pipeline in journey.pipelines {
            var hasAutomation = false, hasWon = false, hasLost = false
            for stage in pipeline.stages {
                if !stage.automations.isEmpty { hasAutomation = true }
                if stage.end == .won { hasWon = true } else if stage.end == .lost { hasLost = true }
            }
            if !hasAutomation {
                findings.append(LintFinding(.pipelineWithoutAutomation, subject: pipeline.path, source: pipeline.source))
            }
            if !hasWon || !hasLost {
                findings.append(LintFinding(.pipelineWithoutEnd(hasWon: hasWon, hasLost: hasLost), subject: pipeline.path, source: pipeline.source))
            }
            walk(pipeline.stages, leftByEdge: leftByEdge, alsoLeft: nil, lint: lint, into: &findings)
        }
    }

    /// W010 for each step of the block (into a working or a won stage) whose conversion is under
    /// the journey's `min_conversion`, then W006 for each working stage no step, edge or conversion leaves.
    private static func walk(_ stages: [Stage], leftByEdge: Set<ElementPath>, alsoLeft: ElementPath?, lint: LintSettings,
                             into findings: inout [LintFinding]) {
        var left = [Bool](repeating: false, count: stages.count)
        StageChain.forEachStep(stages) { index, source in
            let stage = stages[index]
            // The stage it comes from: almost always just above it. A `from:` into another
            // block was noted in `leftByEdge`.
            guard let from = stages[..<index].lastIndex(where: { $0.path == source }) ?? stages.lastIndex(where: { $0.path == source })
            else { return }
            left[from] = true
            guard stage.end != .lost, let fromCount = stages[from].count, let toCount = stage.count, fromCount > 0 else { return }
            if lint.isLowConversion(from: fromCount, to: toCount) {
                findings.append(LintFinding(.lowConversion(from: source, fromCount: fromCount, toCount: toCount, threshold: lint.minConversion),
                                            subject: stage.path, source: stage.source))
            }
        }
        for (position, stage) in stages.enumerated() where stage.end == nil && !left[position] {
            if stage.path == alsoLeft || leftByEdge.contains(stage.path) { continue }
            findings.append(LintFinding(.deadEndStage, subject: stage.path, source: stage.source))
        }
    }
}
