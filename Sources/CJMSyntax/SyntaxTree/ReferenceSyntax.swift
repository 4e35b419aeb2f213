/// A possibly qualified name of an element: `calc`, `repair.invoice`, `repair.invoice.remind`.
public struct ReferenceSyntax: Hashable, Sendable {
    /// The dot-separated parts, outermost first; never empty.
    public var components: [String]
    public var range: SourceRange

    public init(_ components: [String], range: SourceRange) {
        self.components = components
        self.range = range
    }

    /// The reference as written, `a.b.c`.
    public var text: String { components.joined(separator: ".") }
}
