import CJMSyntax

/// A reference as written (`landing: home`, either end of `a -> b`, `convert -> repair`…) and
/// the element it names: what "go to definition" and "find references" answer with.
public struct ResolvedReference: Hashable, Sendable {
    /// The reference as written, qualified parts included.
    public var range: SourceRange
    /// The path of the element it names.
    public var target: ElementPath
    /// Where that element's id is declared (its keyword, for an element without an id).
    public var declaration: SourceRange

    public init(range: SourceRange, target: ElementPath, declaration: SourceRange) {
        self.range = range
        self.target = target
        self.declaration = declaration
    }
}
