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
    /// The implicit flows of `journey` (its `leads.convertsTo` already filled in), followed by
    /// `explicit` (the written ones).
    static func derive(for journey: Journey, followedBy explicit: [Flow] = []) -> [Flow] {
        var flows: [Flow] = []
        let leadEntry = journey.leads.flatMap { entryStage(of: $0.stages) }
        for channel in journey.channels where channel.crm != .none {
            let style: Flow.LineStyle = channel.crm == .manual ? .dashed : .solid
            if let crm = journey.crm {
                flows.append(Flow(from: channel.path, to: crm.path, origin: .channelToCRM, style: style, source: channel.source))
            } else if let leadEntry {
                flows.append(Flow(from: channel.path, to: leadEntry.path, origin: .channelToLeads, style: style, source: channel.source))
            }
        }
        if let crm = journey.crm, let leadEntry {
            flows.append(Flow(from: crm.path, to: leadEntry.path, origin: .crmToLeads, source: crm.source))
        }
        if let leads = journey.leads { chain(leads.stages, into: &flows) }
        for pipeline in journey.pipelines { chain(pipeline.stages, into: &flows) }
        if let leads = journey.leads, let last = leads.stages.last(where: { $0.end == nil }) {
            let pipelines = Dictionary(journey.pipelines.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            for target in leads.convertsTo {
                guard let entry = pipelines[target].flatMap({ entryStage(of: $0.stages) }) else { continue }
                flows.append(Flow(from: last.path, to: entry.path, origin: .conversion, source: leads.source))
            }
        }
        for pipeline in journey.pipelines {
            for target in pipeline.crossSells {
                flows.append(Flow(from: pipeline.path, to: target, origin: .crossSell, source: pipeline.source))
            }
        }
        for network in journey.adNetworks {
            for campaign in network.campaigns {
                for group in campaign.groups {
                    for ad in group.ads {
                        guard let landing = ad.landing else { continue }
                        flows.append(Flow(from: ad.path, to: landing, origin: .landing, source: ad.source))
                    }
                }
            }
        }
        for touchpoint in journey.touchpoints {
            guard let channel = touchpoint.channel else { continue }
            flows.append(Flow(from: channel, to: touchpoint.path, origin: .touchpoint, source: touchpoint.source))
        }
        return flows + explicit
    }

    /// The stage a block is entered at: its first non-terminal stage, else its first stage.
    static func entryStage(of stages: [Stage]) -> Stage? {
        StageChain.entry(of: stages)
    }

    private static func chain(_ stages: [Stage], into flows: inout [Flow]) {
        StageChain.forEachStep(stages) { index, source in
            let stage = stages[index]
            flows.append(Flow(from: source, to: stage.path, origin: stage.end != nil ? .terminal : .stageChain, source: stage.source))
        }
    }
}
