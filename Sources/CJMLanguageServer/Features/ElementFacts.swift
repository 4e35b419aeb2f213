import CJMMaps
import CJMModel

/// What the checked journey knows about one element, for hover and completion: its kind,
/// label and figures, with numbers written as on the map (`NumberText`).
struct ElementFacts: Sendable {
    /// The keyword that declares it.
    var keyword: String
    var path: ElementPath
    var label: String
    /// Lines such as `count: 300`, `kind: email`, in the order the element table lists them.
    var figures: [String]

    /// Every element of `journey` that has a path, by path.
    static func index(_ journey: Journey) -> [ElementPath: ElementFacts] {
        var index: [ElementPath: ElementFacts] = [:]
        var counts: [ElementPath: Int] = [:]
        func add(_ keyword: String, _ path: ElementPath, _ label: String, _ figures: [String?]) {
            index[path] = ElementFacts(keyword: keyword, path: path, label: label, figures: figures.compactMap { $0 })
        }
        func count(_ value: Int?) -> String? { value.map { "count: " + NumberText.integer($0) } }
        func figure(_ name: String, _ value: Figure?) -> String? { value.map { "\(name): " + NumberText.figure($0) } }

        if let crm = journey.crm { add("crm", crm.path, crm.label, []) }
        for phase in journey.phases { add("phase", phase.path, phase.label, [phase.isDefault ? "a default phase" : nil]) }
        for persona in journey.personas {
            add("persona", persona.path, persona.label, persona.goals.map { "goal: " + $0 } + persona.needs.map { "need: " + $0 })
        }
        for channel in journey.channels {
            add("channel", channel.path, channel.label, [channel.kind.map { "kind: " + $0.rawValue }, "crm: " + channel.crm.rawValue, count(channel.count)])
            counts[channel.path] = channel.count
        }
        func stages(_ list: [Stage]) {
            for stage in list {
                add("stage", stage.path, stage.label, [stage.end.map(\.rawValue), count(stage.count)])
                counts[stage.path] = stage.count
                for automation in stage.automations {
                    add("auto", automation.path, automation.label, [automation.kind.map { "kind: " + $0.rawValue },
                                                                   automation.after.map { "after: \($0)" }])
                }
            }
        }
        if let leads = journey.leads {
            add("leads", leads.path, leads.label, ["\(leads.stages.count) stages"])
            stages(leads.stages)
        }
        for pipeline in journey.pipelines {
            add("pipeline", pipeline.path, pipeline.label, ["\(pipeline.stages.count) stages", figure("revenue", pipeline.revenue),
                                                            figure("profit", pipeline.profit), figure("avg_check", pipeline.averageCheck),
                                                            figure("ltv", pipeline.lifetimeValue)])
            stages(pipeline.stages)
        }
        for site in journey.sites {
            add("site", site.path, site.label, ["\(site.pages.count) pages"])
            for page in site.pages { add("page", page.path, page.label, [page.url.map { "url: " + $0 }, count(page.count)]) }
        }
        for network in journey.adNetworks {
            add("ads", network.path, network.label, [network.kind.map { "kind: " + $0.rawValue }])
            for campaign in network.campaigns {
                add("campaign", campaign.path, campaign.label, [])
                for group in campaign.groups {
                    add("group", group.path, group.label, [])
                    for ad in group.ads {
                        add("ad", ad.path, ad.label, [ad.landing.map { "landing: \($0)" }, count(ad.count), "\(ad.queries.count) queries"])
                    }
                }
            }
        }
        for touchpoint in journey.touchpoints {
            add("touchpoint", touchpoint.path, touchpoint.label, [touchpoint.emotion.map { "emotion: \($0)" }, count(touchpoint.count)]
                + touchpoint.pains.map { "pain: " + $0 } + touchpoint.ideas.map { "idea: " + $0 })
        }
        for view in journey.views { add("view", ElementPath(view.id), view.label, []) }

        // Conversion from the previous stage, as the map labels the arrow between two counts.
        for flow in journey.flows where flow.origin == .stageChain || flow.origin == .conversion || flow.origin == .terminal {
            guard let whole = counts[flow.from] ?? nil, let part = counts[flow.to] ?? nil,
                  let percent = NumberText.percent(part, of: whole), index[flow.to] != nil else { continue }
            index[flow.to]!.figures.append("conversion from `\(flow.from)`: \(percent)")
        }
        return index
    }
}
