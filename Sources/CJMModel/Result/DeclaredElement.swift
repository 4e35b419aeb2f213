import CJMSyntax

/// An id the journey declares, where it is declared, and what kind of element it names: for
/// outlines, completion and "go to definition".
public struct DeclaredElement: Hashable, Sendable {
    /// The element's path (`repair.invoice`).
    public var path: ElementPath
    /// The keyword that declared it (`stage`, `page`, `view`…).
    public var keyword: String
    /// The id as written (the keyword, for an element without an id; the journey's title for
    /// the default phases).
    public var range: SourceRange

    public init(path: ElementPath, keyword: String, range: SourceRange) {
        self.path = path
        self.keyword = keyword
        self.range = range
    }

    init(_ declaration: Declaration) {
        self.init(path: declaration.path, keyword: declaration.kind.word, range: declaration.range)
    }
}
