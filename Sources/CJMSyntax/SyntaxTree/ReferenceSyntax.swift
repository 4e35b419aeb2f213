/// A possibly qualified name of an element: `calc`, `repair.invoice`, `repair.invoice.remind`.
///
/// The first part is kept apart from the rest, so a bare name (almost every reference a journey
/// writes) holds no array of its own.
public struct ReferenceSyntax: Hashable, Sendable {
    /// The outermost part; the whole name when it is bare.
    public var first: String
    /// The parts after the first, outermost first; empty for a bare name.
    public var rest: [String]
    public var range: SourceRange

    /// A reference of `components`, outermost first; there must be at least one.
    public init(_ components: [String], range: SourceRange) {
        precondition(!components.isEmpty, "a reference has at least one part")
        self.init(first: components[0], rest: Array(components.dropFirst()), range: range)
    }

    public init(first: String, rest: [String] = [], range: SourceRange) {
        self.first = first
        self.rest = rest
        self.range = range
    }

    /// The dot-separated parts, outermost first; never empty.
    public var components: [String] { [first] + rest }

    /// True for a name without dots.
    public var isBare: Bool { rest.isEmpty }

    /// The reference as written, `a.b.c`.
    public var text: String { rest.isEmpty ? first : components.joined(separator: ".") }
}
