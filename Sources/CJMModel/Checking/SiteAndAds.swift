import CJMSyntax

/// `site` and `page`; `ads`, `campaign`, `group`, `ad`, `query`.
extension JourneyBuilder {
    mutating func buildSite(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Site {
        _ = shape(of: element, rule)
        let inner = symbols.scope(of: path) ?? scope
        var site = Site(path: path, label: element.label?.value ?? "", source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let page, let pageRule, let pagePath) = child else { continue }
            let a = shape(of: page, pageRule).attributes
            site.pages.append(Page(path: pagePath, label: Self.label(page, path: pagePath), url: url(a["url"]),
                                   phase: reference(a["phase"], from: inner, as: .phase), count: count(a["count"]),
                                   source: page.range))
        }
        return site
    }

    mutating func buildAdNetwork(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> AdNetwork {
        let a = shape(of: element, rule).attributes
        let inner = symbols.scope(of: path) ?? scope
        var network = AdNetwork(path: path, label: element.label?.value ?? "", kind: word(a["kind"], as: AdNetwork.Kind.self),
                                source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let campaign, let campaignRule, let campaignPath) = child else { continue }
            network.campaigns.append(buildCampaign(campaign, campaignRule, path: campaignPath, scope: inner))
        }
        return network
    }

    private mutating func buildCampaign(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Campaign {
        _ = shape(of: element, rule)
        let inner = symbols.scope(of: path) ?? scope
        var campaign = Campaign(path: path, label: Self.label(element, path: path), source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let group, let groupRule, let groupPath) = child else { continue }
            campaign.groups.append(buildGroup(group, groupRule, path: groupPath, scope: inner))
        }
        return campaign
    }

    private mutating func buildGroup(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> AdGroup {
        _ = shape(of: element, rule)
        let inner = symbols.scope(of: path) ?? scope
        var group = AdGroup(path: path, label: Self.label(element, path: path), source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let ad, let adRule, let adPath) = child else { continue }
            group.ads.append(buildAd(ad, adRule, path: adPath, scope: inner))
        }
        return group
    }

    private mutating func buildAd(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Ad {
        let a = shape(of: element, rule).attributes
        var ad = Ad(path: path, label: Self.label(element, path: path), landing: reference(a["landing"], from: scope, as: .page),
                    count: count(a["count"]), source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let query, let queryRule, _) = child else { continue }
            let q = shape(of: query, queryRule).attributes
            ad.queries.append(Query(label: query.label?.value ?? "", count: count(q["count"]), source: query.range))
        }
        return ad
    }
}
