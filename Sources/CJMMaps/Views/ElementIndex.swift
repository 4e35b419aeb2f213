import CJMModel

/// Every element path a journey holds, for checking references and flow endpoints.
struct ElementIndex {
    private var paths: Set<ElementPath> = []

    init(_ journey: Journey) {
        if let crm = journey.crm { paths.insert(crm.path) }
        paths.formUnion(journey.phases.map(\.path))
        paths.formUnion(journey.personas.map(\.path))
        paths.formUnion(journey.channels.map(\.path))
        if let leads = journey.leads {
            paths.insert(leads.path)
            insert(leads.stages)
        }
        for pipeline in journey.pipelines {
            paths.insert(pipeline.path)
            insert(pipeline.stages)
        }
        for site in journey.sites {
            paths.insert(site.path)
            paths.formUnion(site.pages.map(\.path))
        }
        for network in journey.adNetworks {
            paths.insert(network.path)
            for campaign in network.campaigns {
                paths.insert(campaign.path)
                for group in campaign.groups {
                    paths.insert(group.path)
                    paths.formUnion(group.ads.map(\.path))
                }
            }
        }
        paths.formUnion(journey.touchpoints.map(\.path))
    }

    func contains(_ path: ElementPath) -> Bool { paths.contains(path) }

    private mutating func insert(_ stages: [Stage]) {
        for stage in stages {
            paths.insert(stage.path)
            paths.formUnion(stage.automations.map(\.path))
        }
    }
}
