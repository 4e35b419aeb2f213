import CJMModel
import CJMViewGraph

/// Advertising on the far right: each network a frame holding its campaigns, groups and ads;
/// an ad lists its queries and points left into its landing page.
enum AdsBlock {
    static func build(_ networks: [AdNetwork], context: inout FlowMapContext) -> MapFragment {
        var fragment = MapFragment()
        for network in networks {
            let networkCluster = context.ids.make("ads", network.path)
            var networkAds = MapFragment()
            for campaign in network.campaigns {
                let campaignCluster = context.ids.make("campaign", campaign.path)
                var campaignAds = MapFragment()
                for group in campaign.groups {
                    let groupCluster = context.ids.make("group", group.path)
                    var groupAds = MapFragment()
                    for ad in group.ads {
                        groupAds.append(adNode(ad, cluster: groupCluster, context: &context))
                    }
                    guard let first = groupAds.nodes.first?.id else { continue }
                    context.placed.anchor(group.path, source: first, target: first)
                    campaignAds.clusters.append(subCluster(groupCluster, .group, group.label, parent: campaignCluster, context))
                    campaignAds.append(groupAds)
                }
                guard let first = campaignAds.nodes.first?.id else { continue }
                context.placed.anchor(campaign.path, source: first, target: first)
                networkAds.clusters.append(subCluster(campaignCluster, .campaign, campaign.label, parent: networkCluster, context))
                networkAds.append(campaignAds)
            }
            guard let first = networkAds.nodes.first?.id else { continue }
            context.placed.anchor(network.path, source: first, target: first)
            let label = network.label.isEmpty ? context.words.ads : network.label
            fragment.clusters.append(context.blockCluster(id: networkCluster, kind: .ads, label: label))
            fragment.append(networkAds)
        }
        // Parents were appended after their children; Graphviz wants every parent first.
        fragment.clusters = parentsFirst(fragment.clusters)
        return fragment
    }

    private static func adNode(_ ad: Ad, cluster: String, context: inout FlowMapContext) -> MapFragment {
        let id = context.ids.make("ad", ad.path)
        context.placed.place(ad.path, node: id, count: ad.count)
        let queries = ad.queries.flatMap { WordWrapper.wrap(queryLine($0), width: FlowMapContext.wrapWidth, hangingIndent: "\u{2007}\u{2008}") }
        var style = context.theme.style(for: .ad)
        if !ad.queries.isEmpty { style.alignment = .left }
        var fragment = MapFragment()
        fragment.nodes.append(Node(
            id: id, classes: ["ad"] + (ad.queries.isEmpty ? [] : ["with-queries"]), label: context.lines(ad.label, FlowMapContext.countLine(ad.count)) + queries, style: style,
            tooltip: context.tooltip(context.words.adKind, ad.label, ad.path, ad.queries.map(queryLine)), cluster: cluster))
        return fragment
    }

    /// `• ремонт станков минск — 120`; the count is held to the last word by no-break spaces.
    static func queryLine(_ query: Query) -> String {
        "• " + query.label + (query.count.map { "\u{00A0}—\u{00A0}" + NumberText.integer($0) } ?? "")
    }

    private static func subCluster(_ id: String, _ kind: ElementKind, _ label: String, parent: String, _ context: FlowMapContext) -> Cluster {
        let look = context.theme.style(for: kind)
        return Cluster(id: id, classes: [kind.rawValue], label: label, parent: parent, fill: look.fill,
                       stroke: look.stroke, fontColor: look.fontColor, fontSize: 14)
    }

    /// Clusters reordered so each parent precedes its children, keeping the written order otherwise.
    private static func parentsFirst(_ clusters: [Cluster]) -> [Cluster] {
        // Children listed per parent once, so a large ads tree is not rescanned per cluster.
        var children: [String?: [Cluster]] = [:]
        for cluster in clusters { children[cluster.parent, default: []].append(cluster) }
        var result: [Cluster] = []
        result.reserveCapacity(clusters.count)
        func visit(_ parent: String?) {
            for cluster in children[parent] ?? [] {
                result.append(cluster)
                visit(cluster.id)
            }
        }
        visit(nil)
        return result
    }
}
