/// One statement: the language has exactly three shapes.
public enum Statement: Equatable, Sendable {
    /// `KEYWORD [id] ["Label"] [name: value | flag]... [{ children }]`
    case element(ElementSyntax)
    /// `ref -> ref[, ref...] ["label"] [name: value]...` (also `convert -> a, b` inside `leads`).
    ///
    /// Boxed, as the two rarer shapes are, so a statement is one reference wide.
    indirect case edge(EdgeSyntax)
    /// `name: value` on a line of its own (the lines of a `style` block).
    indirect case property(AttributeSyntax)

    /// Where the whole statement stands.
    public var range: SourceRange {
        switch self {
        case .element(let e): e.range
        case .edge(let e): e.range
        case .property(let p): p.range
        }
    }
}
