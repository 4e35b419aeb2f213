import CJMModel
import CJMSyntax

/// One input after the front of the pipeline: the checked journey, or the reasons there is none.
public struct CompiledJourney: Sendable {
    /// The path as given (or `<stdin>`).
    public var path: String
    /// Nil when any error was found.
    public var journey: Journey?
    public var diagnostics: [Diagnostic]
    /// The input and every file it includes, for printing source lines under diagnostics.
    public var sources: [String: SourceFile]
    /// The input's syntax tree, kept only when asked for (`cjm check` exits holding it).
    public var syntax: SyntaxFile? = nil

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
