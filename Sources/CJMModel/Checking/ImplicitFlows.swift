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
    /// The implicit flows of `journey`, followed by `explicit` (the written ones).
    static func derive(for journey: Journey, followedBy explicit: [Flow] = []) -> [Flow] {
        // Sized up front (an upper bound: each element below adds at most one flow): a
        // doubling array left up to half its capacity unused, and a 50 MB journey has a
        // million flows.
        var flows: [Flow] = []
        flows.reserveCapacity(upperBound(for: journey) + explicit.count)
        let leadEntry = journey.leads.flatMap { entryStage(of: $0.stages) }

        for channel in journey.channels {
            guard channel.crm != .none else { continue }
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
        // The long lists are read through their buffers: `for x in list` copied each element
        // whole (a retain and a release per field), where a field read copies just that field.
        journey.pipelines.withUnsafeBufferPointer { pipelines in
            for index in pipelines.indices { chain(pipelines[index].stages, into: &flows) }
        }

        if let leads = journey.leads, let last = leads.stages.last(where: { $0.end == nil }) {
            let pipelines = Dictionary(journey.pipelines.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
            for target in leads.convertsTo {
                guard let entry = pipelines[target].flatMap({ entryStage(of: $0.stages) }) else { continue }
                flows.append(Flow(from: last.path, to: entry.path, origin: .conversion, source: leads.source))
            }
        }

        journey.pipelines.withUnsafeBufferPointer { pipelines in
            for index in pipelines.indices where !pipelines[index].crossSells.isEmpty {
                for target in pipelines[index].crossSells {
                    flows.append(Flow(from: pipelines[index].path, to: target, origin: .crossSell, source: pipelines[index].source))
                }
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

        journey.touchpoints.withUnsafeBufferPointer { touchpoints in
            for index in touchpoints.indices {
                guard let channel = touchpoints[index].channel else { continue }
                flows.append(Flow(from: channel, to: touchpoints[index].path, origin: .touchpoint, source: touchpoints[index].source))
            }
        }
        flows.append(contentsOf: explicit)
        return flows
    }

    /// At most how many flows `derive` draws for `journey`.
    private static func upperBound(for journey: Journey) -> Int {
        var count = journey.channels.count + 1 + (journey.leads?.stages.count ?? 0) + (journey.leads?.convertsTo.count ?? 0)
        for pipeline in journey.pipelines { count += pipeline.stages.count + pipeline.crossSells.count }
        for network in journey.adNetworks {
            for campaign in network.campaigns {
                for group in campaign.groups { count += group.ads.count }
            }
        }
        return count + journey.touchpoints.count
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
