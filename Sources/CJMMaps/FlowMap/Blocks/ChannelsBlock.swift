import CJMModel
import CJMViewGraph

/// The leftmost block: where requests come from, each with how it reaches the CRM.
enum ChannelsBlock {
    static func build(_ channels: [Channel], context: inout FlowMapContext) -> MapFragment {
        guard !channels.isEmpty else { return MapFragment() }
        var fragment = MapFragment()
        let cluster = context.ids.make("channels")
        fragment.clusters.append(context.blockCluster(id: cluster, kind: .channel, label: context.words.channels))
        for channel in channels {
            let id = context.ids.make("channel", channel.path)
            context.placed.place(channel.path, node: id, count: channel.count)
            var style = context.theme.style(for: .channel)
            var classes = ["channel"]
            var extra = FlowMapContext.countLine(channel.count)
            var notes: [String] = []
            if let url = channel.url { extra.append(FlowMapContext.urlLine(url)) }
            switch channel.crm {
            case .auto: break
            case .manual:
                classes.append("crm-manual")
                notes.append(context.words.manualNote)
            case .none:
                classes.append("crm-none")
                style.dashed = true
                // Seed 001 postpones such classifieds: the map says they are not connected.
                extra.append(context.words.notConnected)
                notes.append(context.words.notConnected)
            }
            fragment.nodes.append(Node(
                id: id, classes: classes, label: context.lines(channel.label, extra), style: style,
                tooltip: context.tooltip(context.words.channelKind, channel.label, channel.path, notes),
                url: channel.url, cluster: cluster))
        }
        return fragment
    }
}
