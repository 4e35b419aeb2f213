import CJMModel
import CJMViewGraph

/// Colours and shapes per element kind, for one of the built-in themes with the journey's
/// `style` rules applied on top. Every map builder takes its looks from here.
public struct Theme: Sendable {
    public var name: ThemeName
    public var graph: GraphStyle
    /// Node looks per kind.
    public var nodes: [ElementKind: NodeStyle]
    /// Background of the cluster that holds a block of this kind.
    public var clusterFills: [ElementKind: String]
    public var clusterStroke: String
    /// Automations are drawn highlighted (seed 001: yellow).
    public var automation: NodeStyle
    public var wonStage: NodeStyle
    public var lostStage: NodeStyle
    public var edge: EdgeStyle
    /// The line and label colour of a funnel step converting under `lint min_conversion:`
    /// (the label also carries a ⚠, so the warning reads where colour does not).
    public var lowConversion: String

    /// The built-in theme `name` with `styles` applied in the order written.
    public static func named(_ name: ThemeName, styles: [StyleRule] = []) -> Theme {
        var theme: Theme
        switch name {
        case .default: theme = .standard
        case .print: theme = .print
        case .mono: theme = .mono
        }
        for rule in styles { theme.apply(rule) }
        return theme
    }

    /// The look of a node of `kind`.
    public func style(for kind: ElementKind) -> NodeStyle {
        nodes[kind] ?? NodeStyle()
    }

    private mutating func apply(_ rule: StyleRule) {
        var style = self.style(for: rule.kind)
        if let fill = rule.fill { style.fill = fill }
        if let stroke = rule.stroke { style.stroke = stroke }
        if let font = rule.font { style.fontColor = font }
        if let shape = rule.shape { style.shape = NodeStyle.Shape(rule: shape) }
        if rule.kind == .auto { automation = style } else { nodes[rule.kind] = style }
    }
}

extension NodeStyle.Shape {
    init(rule shape: StyleRule.Shape) {
        switch shape {
        case .box: self = .box
        case .rounded: self = .roundedBox
        case .ellipse: self = .ellipse
        case .circle: self = .circle
        case .diamond: self = .diamond
        case .note: self = .note
        case .tab: self = .tab
        case .folder: self = .folder
        case .component: self = .component
        case .cylinder: self = .cylinder
        case .hexagon: self = .hexagon
        case .octagon: self = .octagon
        case .plain: self = .plain
        }
    }
}
