/// `from -> to[, to...] ["label"] [name: value]...`.
public struct EdgeSyntax: Equatable, Sendable {
    public var from: ReferenceSyntax
    public var targets: [ReferenceSyntax]
    public var label: StringLiteral?
    public var attributes: [AttributeSyntax]
    public var range: SourceRange

    public init(from: ReferenceSyntax, targets: [ReferenceSyntax], label: StringLiteral? = nil, attributes: [AttributeSyntax] = [], range: SourceRange) {
        self.from = from
        self.targets = targets
        self.label = label
        self.attributes = attributes
        self.range = range
    }
}
