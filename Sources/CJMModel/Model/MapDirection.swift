/// Which way the flow map reads (`direction:` on the journey or a view, `--direction`).
public enum MapDirection: String, Sendable, Codable, CaseIterable {
    /// Left to right: blocks side by side, pipelines as rows; the shape of a wall.
    case right
    /// Top to bottom: blocks one under another, pipelines as columns; the shape of a docs column.
    case down
}
