import CJMSyntax

/// `style stage { fill: "#fff3a0" }`: overrides for every element of one kind. Values are
/// validated by the checker (colours as `#rgb`/`#rrggbb` or a known colour name, shapes from a
/// fixed list), so nothing else can reach Graphviz attributes through it.
public struct StyleRule: Equatable, Sendable {
    public enum Shape: String, Sendable, Codable, CaseIterable {
        case box, rounded, ellipse, circle, diamond, note, tab, folder, component, cylinder, hexagon, octagon, plain
    }
    public var kind: ElementKind
    /// Normalised colour: `#rrggbb`.
    public var fill: String?
    public var stroke: String?
    /// Font colour `#rrggbb`.
    public var font: String?
    public var shape: Shape?
    public var source: SourceRange
    public init(kind: ElementKind, fill: String? = nil, stroke: String? = nil, font: String? = nil, shape: Shape? = nil, source: SourceRange) {
        self.kind = kind; self.fill = fill; self.stroke = stroke; self.font = font; self.shape = shape; self.source = source
    }
}
