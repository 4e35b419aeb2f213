/// The flows SPEC §2 draws without their being written ("Flows drawn without being written").
///
/// Stable order, each group in the order its elements were written:
/// 1. channel → CRM (`crm: auto` solid, `manual` dashed, `none` nothing); without a `crm`,
///    channel → first lead stage with the same styles;
/// 2. CRM → first lead stage;
/// 3. stage chains, lead stages first, then each pipeline: every non-terminal stage from the
///    non-terminal stage above it (or its `from:`), every `won`/`lost` stage from the nearest
///    non-terminal stage above it (or its `from:`);
/// 4. last non-terminal lead stage → first stage of each pipeline in `Leads.convertsTo`;
/// 5. `cross_sell`: pipeline → pipeline;
/// 6. ad → its landing page;
/// 7. channel → each touchpoint through it.
/// The "first stage" of a block is its first non-terminal stage (its first stage when all are ends).
enum ImplicitFlows {
    /// The lists flows are drawn from, each as the runs a build made it in (one run for a
    /// journey built in one piece, one per part for a journey built in parts), in order.
    struct Sources {
        var crm: CRM?
        /// With `convertsTo` as the journey has it (every pipeline when no `convert` was written).
        var leads: Leads?
        var channels: [[Channel]] = []
        var pipelines: [[Pipeline]] = []
        var adNetworks: [[AdNetwork]] = []
        var touchpoints: [[Touchpoint]] = []
        var explicit: [[Flow]] = []
    }

    /// The implicit flows of `journey`, followed by `explicit` (the written ones).
    static func derive(for journey: Journey, followedBy explicit: [Flow] = []) -> [Flow] {
        derive(from: Sources(crm: journey.crm, leads: journey.leads, channels: [journey.channels], pipelines: [journey.pipelines],
                             adNetworks: [journey.adNetworks], touchpoints: [journey.touchpoints], explicit: [explicit]))
    }

    /// The implicit flows of `sources`, followed by its written ones: the same flows, in the
    /// same order, whichever runs the lists are in (a built-in-parts journey derives them from
    /// its parts while another core joins the parts' lists).
    static func derive(from sources: Sources) -> [Flow] {
        // Sized up front (an upper bound: each element below adds at most one flow): a
        // doubling array left up to half its capacity unused, and a 50 MB journey has a
        // million flows.
        var flows: [Flow] = []
        flows.reserveCapacity(upperBound(for: sources))
        let leadEntry = sources.leads.flatMap { entryStage(of: $0.stages) }
        for run in sources.channels {
            for channel in run {
                guard channel.crm != .none else { continue }
                let style: Flow.LineStyle = channel.crm == .manual ? .dashed : .solid
                if let crm = sources.crm {
                    flows.append(Flow(from: channel.path, to: crm.path, origin: .channelToCRM, style: style, source: channel.source))
                } else if let leadEntry {
                    flows.append(Flow(from: channel.path, to: leadEntry.path, origin: .channelToLeads, style: style, source: channel.source))
                }
            }
        }
        if let crm = sources.crm, let leadEntry {
            flows.append(Flow(from: crm.path, to: leadEntry.path, origin: .crmToLeads, source: crm.source))
        }
        if let leads = sources.leads { chain(leads.stages, into: &flows) }
        // The long lists are read through their buffers: `for x in list` copied each element
        // whole (a retain and a release per field), where a field read copies just that field.
        for run in sources.pipelines {
            run.withUnsafeBufferPointer { pipelines in
                for index in pipelines.indices { chain(pipelines[index].stages, into: &flows) }
            }
        }
        if let leads = sources.leads, let last = leads.stages.last(where: { $0.end == nil }) {
            var pipelines: [ElementPath: Pipeline] = [:]
            for run in sources.pipelines {
                for pipeline in run where pipelines[pipeline.path] == nil { pipelines[pipeline.path] = pipeline }
            }
            for target in leads.convertsTo {
                guard let entry = pipelines[target].flatMap({ entryStage(of: $0.stages) }) else { continue }
                flows.append(Flow(from: last.path, to: entry.path, origin: .conversion, source: leads.source))
            }
        }
        for run in sources.pipelines {
            run.withUnsafeBufferPointer { pipelines in
                for index in pipelines.indices where !pipelines[index].crossSells.isEmpty {
                    for target in pipelines[index].crossSells {
                        flows.append(Flow(from: pipelines[index].path, to: target, origin: .crossSell, source: pipelines[index].source))
                    }
                }
            }
        }
        for run in sources.adNetworks {
            for network in run {
                for campaign in network.campaigns {
                    for group in campaign.groups {
                        for ad in group.ads {
                            guard let landing = ad.landing else { continue }
                            flows.append(Flow(from: ad.path, to: landing, origin: .landing, source: ad.source))
                        }
                    }
                }
            }
        }
        for run in sources.touchpoints {
            run.withUnsafeBufferPointer { touchpoints in
                for index in touchpoints.indices {
                    guard let channel = touchpoints[index].channel else { continue }
                    flows.append(Flow(from: channel, to: touchpoints[index].path, origin: .touchpoint, source: touchpoints[index].source))
                }
            }
        }
        for run in sources.explicit { flows.append(contentsOf: run) }
        return flows
    }

    /// At most how many flows `derive` draws for `sources`.
    private static func upperBound(for sources: Sources) -> Int {
        var count = sources.channels.reduce(0) { $0 + $1.count } + 1 + (sources.leads?.stages.count ?? 0)
        count += sources.leads?.convertsTo.count ?? 0
        for run in sources.pipelines {
            for pipeline in run { count += pipeline.stages.count + pipeline.crossSells.count }
        }
        for run in sources.adNetworks {
            for network in run {
                for campaign in network.campaigns {
                    for group in campaign.groups { count += group.ads.count }
                }
            }
        }
        return count + sources.touchpoints.reduce(0) { $0 + $1.count } + sources.explicit.reduce(0) { $0 + $1.count }
    }

    /// The stage a block is entered at: its first non-terminal stage, else its first stage.
    static func entryStage(of stages: [Stage]) -> Stage? {
        stages.first { $0.end == nil } ?? stages.first
    }

    private static func chain(_ stages: [Stage], into flows: inout [Flow]) {
        var previous: ElementPath?
        stages.withUnsafeBufferPointer { stages in
            for index in stages.indices {
                let isEnd = stages[index].end != nil
                if let source = stages[index].from ?? previous {
                    flows.append(Flow(from: source, to: stages[index].path, origin: isEnd ? .terminal : .stageChain, source: stages[index].source))
                }
                if !isEnd { previous = stages[index].path }
            }
        }
    }
}
