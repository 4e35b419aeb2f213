import CJMModel
import CJMViewGraph

/// The stages of one block (the lead funnel or a pipeline) as one row, each automation in its
/// stage's column joined by a short dashed link. Shared by `LeadsBlock` and `PipelinesBlock`.
enum StageRow {
    /// What the row built, beyond its fragment: the nodes neighbours attach to.
    struct Anchors {
        /// The first stage written: where flows into the block end.
        var first: String?
        /// The last stage that is not won/lost: where conversions and cross-sells leave.
        var lastOpen: String?
    }

    static func build(_ stages: [Stage], kindName: String, cluster: String, context: inout FlowMapContext) -> (MapFragment, Anchors) {
        var fragment = MapFragment()
        var anchors = Anchors()
        for stage in stages {
            let id = context.ids.make("stage", stage.path)
            context.placed.place(stage, node: id)
            var classes = ["stage"]
            var style = context.theme.style(for: .stage)
            var endNote: [String] = []
            switch stage.end {
            case .won?:
                classes.append("won")
                style = context.theme.wonStage
                endNote = [context.words.wonNote]
            case .lost?:
                classes.append("lost")
                style = context.theme.lostStage
                endNote = [context.words.lostNote]
            case nil:
                anchors.lastOpen = id
            }
            style.minWidth = style.minWidth ?? 1.5
            anchors.first = anchors.first ?? id
            fragment.nodes.append(Node(
                id: id, classes: classes, label: context.lines(stage.label, FlowMapContext.countLine(stage.count)), style: style,
                tooltip: context.tooltip(kindName, stage.label, stage.path, endNote), cluster: cluster,
                group: stage.end == .lost ? nil : cluster))
            var column = [id]
            for automation in stage.automations {
                let autoID = context.ids.make("auto", automation.path)
                context.placed.place(automation.path, node: autoID)
                let detail = detailLine(automation, words: context.words).map { [$0] } ?? []
                fragment.nodes.append(Node(
                    id: autoID, classes: ["auto"] + (automation.kind.map { ["auto-\($0.rawValue)"] } ?? []),
                    label: context.lines(automation.label, detail), style: context.theme.automation,
                    tooltip: context.tooltip(context.words.automationKind, automation.label, automation.path, detail), cluster: cluster))
                fragment.edges.append(Edge(
                    id: context.ids.make("link-" + autoID), from: id, to: autoID, classes: ["automation-link"],
                    style: EdgeStyle(line: .dashed, color: context.theme.automation.stroke, fontColor: context.theme.edge.fontColor,
                                     penWidth: context.theme.edge.penWidth, arrowHead: .none),
                    tooltip: context.words.automationLink(of: stage.label), constraint: false))
                column.append(autoID)
            }
            if column.count > 1 { fragment.sameRank.append(column) }
        }
        hangLostBelow(stages, context: &context, into: &fragment)
        return (fragment, anchors)
    }

    /// Puts each lost stage at the foot of the column `dot` ranks it in (the stage after the
    /// one it leaves, with that stage's automations) instead of wherever `dot` orders it —
    /// mostly above the row, a row of height the block needs for that one box. There it
    /// stands where the row's other columns reach anyway, unless its column is the tallest.
    /// The column's order is fixed by invisible links, each from a box to the one above it:
    /// `dot` orders a rank by such links (in a block ranked left to right, tail under head).
    private static func hangLostBelow(_ stages: [Stage], context: inout FlowMapContext, into fragment: inout MapFragment) {
        var source: [Int: ElementPath] = [:]
        StageChain.forEachStep(stages) { index, from in source[index] = from }
        for (index, stage) in stages.enumerated() where stage.end == .lost {
            guard let from = source[index], let lost = context.placed.element(stage.path)?.node,
                  let neighbour = stages.indices.first(where: { $0 != index && stages[$0].end != .lost && source[$0] == from }),
                  let next = context.placed.element(stages[neighbour].path)?.node else { continue }
            var columnIndex = fragment.sameRank.firstIndex { $0.first == next }
            if columnIndex == nil {
                fragment.sameRank.append([next])
                columnIndex = fragment.sameRank.count - 1
            }
            fragment.sameRank[columnIndex!].append(lost)
            let column = fragment.sameRank[columnIndex!]
            // Links already made for an earlier lost stage of this column stay; the chain grows.
            let linked = Set(fragment.edges.filter { $0.classes == ["layout"] }.map(\.from))
            for (upper, lower) in zip(column, column.dropFirst()) where !linked.contains(lower) {
                fragment.edges.append(Edge(
                    id: context.ids.make("order-" + lower), from: lower, to: upper, classes: ["layout"],
                    style: EdgeStyle(line: .invisible, arrowHead: .none)))
            }
        }
    }

    /// `e-mail, через 5 дн.`: what the automation does and when, in words.
    static func detailLine(_ automation: Automation, words: MapWords) -> String? {
        var parts: [String] = []
        if let kind = automation.kind, let name = words.automationKinds[kind] { parts.append(name) }
        if let after = automation.after {
            parts.append(words.after + " " + NumberText.decimal(after.value, mark: words.decimalMark) + "\u{00A0}" + (words.delayUnits[after.unit] ?? ""))
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
