import CJMModel
import CJMViewGraph

/// The board's looks for one theme: the lanes' sticky notes, the grid titles and the emotion
/// scale. Touchpoint, persona, phase and channel cards take the theme's (and `style` rules')
/// looks for their kind; the lanes have no element kind of their own, so they are chosen here
/// per built-in theme.
struct BoardPalette: Sendable {
    var title: NodeStyle
    var lanes: [BoardLane: NodeStyle]
    var emotionLine: EdgeStyle
    private var themeName: ThemeName

    init(theme: Theme, fontSize: Double) {
        themeName = theme.name
        let text = theme.graph.fontColor
        switch theme.name {
        case .default:
            title = NodeStyle(shape: .box, fill: "#eceff1", stroke: "#90a4ae", fontColor: text, fontSize: fontSize + 2)
            lanes = [
                .actions: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#90a4ae", fontColor: text),
                .pains: NodeStyle(shape: .box, fill: "#ffebee", stroke: "#e53935", fontColor: text),
                .ideas: NodeStyle(shape: .box, fill: "#e8f5e9", stroke: "#43a047", fontColor: text),
                .feedback: NodeStyle(shape: .box, fill: "#e3f2fd", stroke: "#1e88e5", fontColor: text),
                .owners: NodeStyle(shape: .box, fill: "#f5f5f5", stroke: "#757575", fontColor: text),
            ]
        case .print:
            title = NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", fontSize: fontSize + 2, penWidth: 2)
            let card = NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5)
            var pains = card
            pains.penWidth = 2.5
            var ideas = card
            ideas.dashed = true
            lanes = [.actions: card, .pains: pains, .ideas: ideas, .feedback: card, .owners: card]
        case .mono:
            // No tint paler than 15 % black: a laser printer drops or speckles those.
            title = NodeStyle(shape: .box, fill: "#d0d0d0", stroke: "#000000", fontColor: "#000000", fontSize: fontSize + 2, penWidth: 1.5)
            lanes = [
                .actions: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000"),
                .pains: NodeStyle(shape: .box, fill: "#c4c4c4", stroke: "#000000", fontColor: "#000000", penWidth: 2),
                .ideas: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", dashed: true),
                .feedback: NodeStyle(shape: .box, fill: "#d9d9d9", stroke: "#000000", fontColor: "#000000"),
                .owners: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000"),
            ]
        }
        for lane in lanes.keys { lanes[lane]?.fontSize = fontSize; lanes[lane]?.alignment = .left }
        emotionLine = EdgeStyle(line: .solid, color: "#546e7a", penWidth: 3, arrowHead: .none)
    }

    /// Fill of an emotion point: hue from red (−2) through yellow (0) to green (+2); grey
    /// levels from dark to light in `mono`.
    func emotionFill(_ value: Double) -> String {
        let t = (min(max(value, -2), 2) + 2) / 4
        if themeName == .mono {
            let level = 0.25 + 0.6 * t  // up to 85 %: paler grays vanish on a laser printer
            return Self.hex(red: level, green: level, blue: level)
        }
        return Self.hsv(hue: 120 * t, saturation: 0.75, value: 0.9)
    }

    /// Text colour readable on `emotionFill(value)`.
    func emotionText(_ value: Double) -> String {
        themeName == .mono && value < 0 ? "#ffffff" : "#000000"
    }

    private static func hsv(hue: Double, saturation: Double, value: Double) -> String {
        let chroma = value * saturation
        let sector = hue / 60
        let x = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = sector < 1 ? (chroma, x, 0) : (x, chroma, 0)
        let m = value - chroma
        return hex(red: r + m, green: g + m, blue: b + m)
    }

    private static func hex(red: Double, green: Double, blue: Double) -> String {
        let digits = [red, green, blue].map { component -> String in
            let byte = Int((min(max(component, 0), 1) * 255).rounded())
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }
        return "#" + digits.joined()
    }
}
