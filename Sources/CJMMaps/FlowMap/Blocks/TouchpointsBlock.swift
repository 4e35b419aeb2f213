import CJMModel
import CJMViewGraph

/// Touchpoints in a frame left of the channels: each is a moment of contact *through* a
/// channel, so it reads just before the channel it uses, and the main left-to-right flow
/// (channels → CRM → deals) stays uncluttered.
///
/// They are listed as the customer lives them: in the order of their phases, and within a
/// phase (or without one, after all phases) in the order written.
enum TouchpointsBlock {

    static func build(_ touchpoints: [Touchpoint], phases: [Phase], context: inout FlowMapContext) -> MapFragment {
        guard !touchpoints.isEmpty else { return MapFragment() }
        var fragment = MapFragment()
        let cluster = context.ids.make("touchpoints")
        fragment.clusters.append(context.blockCluster(id: cluster, kind: .touchpoint, label: context.words.touchpoints))
        for touchpoint in inPhaseOrder(touchpoints, phases: phases) {
            let id = context.ids.make("touchpoint", touchpoint.path)
            context.placed.place(touchpoint.path, node: id, count: touchpoint.count)
            var extra: [String] = []
            let words = context.words
            if let emotion = touchpoint.emotion { extra.append(words.emotion + ": " + NumberText.signed(emotion)) }
            extra += FlowMapContext.countLine(touchpoint.count)
            var notes = touchpoint.actions.map { words.action + ": " + $0 }
            notes += touchpoint.pains.map { words.pain + ": " + $0 }
            notes += touchpoint.ideas.map { words.idea + ": " + $0 }
            notes += touchpoint.feedback.map { words.feedback + ": " + $0 }
            notes += touchpoint.owners.map { words.owner + ": " + $0 }
            fragment.nodes.append(Node(
                id: id, classes: ["touchpoint"], label: context.lines(touchpoint.label, extra),
                style: context.theme.style(for: .touchpoint),
                tooltip: context.tooltip(words.touchpointKind, touchpoint.label, touchpoint.path, notes), cluster: cluster))
        }
        return fragment
    }

    /// `touchpoints` by the position of their phase in `phases`, those without a phase (or
    /// with one that is not in `phases`) last; a stable sort, so ties keep the written order.
    static func inPhaseOrder(_ touchpoints: [Touchpoint], phases: [Phase]) -> [Touchpoint] {
        var rank: [ElementPath: Int] = [:]
        for (index, phase) in phases.enumerated() where rank[phase.path] == nil { rank[phase.path] = index }
        let key = { (touchpoint: Touchpoint) in touchpoint.phase.flatMap { rank[$0] } ?? phases.count }
        return touchpoints.enumerated()
            .sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
            .map(\.element)
    }
}
