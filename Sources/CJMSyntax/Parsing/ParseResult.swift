/// What the parser gives back: the tree of everything it could read, and the problems it found.
///
/// The tree is returned even when there are errors (recovery keeps the parts that did parse), so
/// later stages can add their own findings; the run still stops when any error was reported.
public struct ParseResult: Sendable {
    public var syntax: SyntaxFile
    public var diagnostics: [Diagnostic]

    public init(syntax: SyntaxFile, diagnostics: [Diagnostic]) {
        self.syntax = syntax
        self.diagnostics = diagnostics
    }
}
