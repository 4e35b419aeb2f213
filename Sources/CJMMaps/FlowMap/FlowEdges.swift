import CJMModel
import CJMViewGraph

/// The journey's flows (written and implied) as edges between the nodes the blocks placed.
/// A flow whose end is not on the map (a view left it out) is dropped without a word.
enum FlowEdges {
    static let crossSellPenWidth = 2.4

    static func build(_ journey: Journey, context: inout FlowMapContext) -> [Edge] {
        let manualChannels = Set(journey.channels.filter { $0.crm == .manual }.map(\.path))
        let unconnectedChannels = Set(journey.channels.filter { $0.crm == .none }.map(\.path))
        let funnel = FunnelEdges(journey, minPenWidth: context.theme.edge.penWidth)
        var edges: [Edge] = []
        for flow in journey.flows {
            if flow.origin == .channelToCRM || flow.origin == .channelToLeads, unconnectedChannels.contains(flow.from) { continue }
            guard let from = context.placed.source(flow.from), let to = context.placed.target(flow.to), from != to else { continue }
            let manual = (flow.origin == .channelToCRM || flow.origin == .channelToLeads) && manualChannels.contains(flow.from)
            var style = context.theme.edge
            style.line = line(flow.style)
            var labelParts: [String] = []
            var constraint = true
            var weight = 1
            var backward = false
            switch flow.origin {
            case .channelToCRM, .channelToLeads:
                if manual {
                    style.line = .dashed
                    labelParts.append(context.words.manualFlow)
                }
            case .stageChain:
                weight = 4
            case .terminal:
                switch context.placed.element(flow.to)?.end {
                case .won?: style.color = context.theme.wonStage.stroke
                case .lost?: style.color = context.theme.lostStage.stroke
                case nil: break
                }
            case .crossSell:
                // Between rows, so it must not bend them: no ranking; a heavier dash than a
                // manual channel's.
                style.line = .dashed
                style.penWidth = crossSellPenWidth
                labelParts.append(context.words.crossSellFlow)
                constraint = false
            case .landing:
                backward = true
            case .touchpoint:
                // Touchpoints sit left of their channel: ranked backward, a plain link.
                backward = true
                style.line = .dotted
                style.arrowHead = .none
            case .explicit, .crmToLeads, .conversion:
                break
            }
            if let label = flow.label, !label.isEmpty { labelParts.append(label) }
            if let count = flow.count { labelParts.append(NumberText.integer(count)) }
            let step = flow.origin == .stageChain || flow.origin == .terminal ? funnel.step(from: flow.from, to: flow.to) : nil
            var funnelClasses: [String] = []
            if let width = step?.penWidth {
                style.penWidth = width
                funnelClasses.append("funnel-counted")
            }
            if let conversion = conversion(flow, context.placed, mark: context.words.decimalMark) {
                if step?.isLowConversion == true {
                    style.color = context.theme.lowConversion
                    style.fontColor = context.theme.lowConversion
                    funnelClasses.append("low-conversion")
                    labelParts.append(FunnelEdges.warningMark + " " + conversion)
                } else {
                    labelParts.append(conversion)
                }
            }
            if let loss = step?.biggestDropOff {
                labelParts.append(FunnelEdges.dropOffLabel(loss))
                funnelClasses.append("biggest-drop-off")
            }
            let label = labelParts.isEmpty ? nil : labelParts.joined(separator: " · ")
            edges.append(Edge(
                id: context.ids.make("flow-\(from)-\(to)"), from: from, to: to,
                classes: ["flow", originClass(flow.origin)] + (manual ? ["manual"] : []) + funnelClasses,
                label: label, style: style,
                tooltip: tooltip(flow, label: label),
                constraint: constraint, weight: weight, rankedBackward: backward))
        }
        return edges
    }

    /// `68%` on an edge between two stages that both carry counts.
    static func conversion(_ flow: Flow, _ placed: PlacedElements, mark: String) -> String? {
        guard flow.origin != .crossSell,
              let from = placed.element(flow.from), let to = placed.element(flow.to),
              from.isStage, to.isStage, let whole = from.count, let part = to.count else { return nil }
        return NumberText.percent(part, of: whole, mark: mark)
    }

    static func line(_ style: Flow.LineStyle) -> EdgeStyle.Line {
        switch style {
        case .solid: .solid
        case .dashed: .dashed
        case .dotted: .dotted
        case .bold: .bold
        }
    }

    /// `channelToCRM` → `channel-to-crm`: the edge's CSS class by why it exists.
    static func originClass(_ origin: Flow.Origin) -> String {
        var result = ""
        var previousWasUpper = false
        for character in origin.rawValue {
            if character.isUppercase {
                if !previousWasUpper { result.append("-") }
                result += character.lowercased()
                previousWasUpper = true
            } else {
                result.append(character)
                previousWasUpper = false
            }
        }
        return result
    }

    private static func tooltip(_ flow: Flow, label: String?) -> String {
        "\(flow.from) → \(flow.to)" + (label.map { ": " + $0 } ?? "")
    }
}
