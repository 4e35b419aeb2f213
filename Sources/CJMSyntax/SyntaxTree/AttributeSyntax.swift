/// `name: value` as written on an element, an edge or its own line.
public struct AttributeSyntax: Hashable, Sendable {
    public var name: Identifier
    public var value: ValueSyntax

    public init(name: Identifier, value: ValueSyntax) {
        self.name = name
        self.value = value
    }

    public var range: SourceRange { name.range.extended(to: value.range) }
}
