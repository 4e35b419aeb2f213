import CJMSyntax

/// What checking one `.cjm` file found: the journey, as far as it could be built, the problems,
/// and everything a tool needs to point into the text (the files read, the root's syntax tree,
/// where every id is declared and what every reference names).
public struct CheckResult: Sendable {
    /// The journey as checked. When `hasErrors`, it holds what could be built (elements with
    /// errors may be missing or partly filled) and must not be rendered; nil only when the
    /// file has no `journey` at all.
    public var journey: Journey?
    /// Every problem found (parse and check, root and included files), in reading order.
    public var diagnostics: [Diagnostic]
    /// The root file (`FileID(0)`) and every included file: what every range points into.
    public var sources: SourceMap
    /// The root file's syntax tree, with its comments and blank lines.
    public var syntax: SyntaxFile
    /// Every declared id, in the order declared.
    public var declarations: [DeclaredElement]
    /// Every reference that resolved, in the order met.
    public var references: [ResolvedReference]
    /// The comments of the included files, in the order read (the root's are in `syntax`).
    public var includedComments: [Comment]

    /// A result as found.
    public init(journey: Journey?, diagnostics: [Diagnostic], sources: SourceMap, syntax: SyntaxFile,
                declarations: [DeclaredElement] = [], references: [ResolvedReference] = [], includedComments: [Comment] = []) {
        self.journey = journey
        self.diagnostics = diagnostics
        self.sources = sources
        self.syntax = syntax
        self.declarations = declarations
        self.references = references
        self.includedComments = includedComments
    }

    /// Every comment of the root file and of the files it includes.
    public var comments: [Comment] { syntax.trivia.comments + includedComments }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The journey when it checked without errors: the one a map may be drawn from.
    public var validJourney: Journey? { hasErrors ? nil : journey }

    /// The reference written at byte `offset` of `file`, if one is there.
    public func reference(at offset: Int, in file: FileID) -> ResolvedReference? {
        references.first { $0.range.file == file && $0.range.touches(offset) }
    }

    /// Every resolved reference to the element at `path`.
    public func references(to path: ElementPath) -> [ResolvedReference] {
        references.filter { $0.target == path }
    }
}
