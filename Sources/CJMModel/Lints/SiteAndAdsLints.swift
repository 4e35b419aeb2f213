/// W001 (a page nothing promotes) and W011 (an ad without queries): seed 001 draws ads into
/// the pages they land on so that pages nobody promotes show up.
enum SiteAndAdsLints {
    static func check(_ journey: Journey, into findings: inout [LintFinding]) {
        var reached = Set<ElementPath>()
        // Only an ad's landing and a written edge can end at a page; the other implied flows
        // join channels, the CRM, stages and touchpoints.
        for flow in journey.flows where flow.origin == .landing || flow.origin == .explicit {
            reached.insert(flow.to)
        }
        for site in journey.sites {
            for page in site.pages where !reached.contains(page.path) {
                findings.append(LintFinding(.unpromotedPage, subject: page.path, source: page.source))
            }
        }
        for network in journey.adNetworks {
            for campaign in network.campaigns {
                for group in campaign.groups {
                    for ad in group.ads where ad.queries.isEmpty {
                        findings.append(LintFinding(.adWithoutQueries, subject: ad.path, source: ad.source))
                    }
                }
            }
        }
    }
}
