/// Where the flow map's legend goes (`legend:` on the journey or a view, `--legend`).
public enum LegendPlacement: String, Sendable, Codable, CaseIterable {
    /// Along whichever side makes the map's sheet grow least.
    case auto
    /// No legend.
    case off
    /// A strip under the map.
    case bottom
    /// A strip down the map's right side.
    case right
}
