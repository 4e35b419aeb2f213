/// What the parser gives back: the tree of everything it could read, and the problems it found.
///
/// The tree is returned even when there are errors (recovery keeps the parts that did parse), so
/// later stages can add their own findings; the run still stops when any error was reported.
public struct ParseResult: Sendable {
    /// The file parsed, as numbered for the tree's ranges: `source.span(range)` gives lines and columns.
    public var source: SourceFile
    /// Every statement that parsed, with exact ranges; partial after errors.
    public var syntax: SyntaxFile
    /// Lexing and parsing problems in the order found, at most `Limits.maxErrors` of them (the
    /// last then carries a note counting the rest).
    public var diagnostics: [Diagnostic]

    /// Wraps a tree and its diagnostics.
    public init(source: SourceFile, syntax: SyntaxFile, diagnostics: [Diagnostic]) {
        self.source = source
        self.syntax = syntax
        self.diagnostics = diagnostics
    }
}
