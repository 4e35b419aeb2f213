import CJMModel
import CJMSyntax

/// One input after the front of the pipeline: the checked journey, or the reasons there is none.
public struct CompiledJourney: Sendable {
    /// The path as given (or `<stdin>`).
    public var path: String
    /// The journey when it checked without errors; nil otherwise.
    public var journey: Journey?
    public var diagnostics: [Diagnostic]
    /// The input and every file it includes, for printing source lines under diagnostics.
    public var sources: SourceMap
    /// Everything the checker found, for tools (nil when the input was not valid UTF-8 or
    /// over the size cap, and so never parsed).
    public var check: CheckResult?
    /// How long each step of the compile took, for `--timings`.
    public var stageTimes: [(stage: String, duration: Swift.Duration)] = []

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// Whether any warning was found (shown or only counted past the limit: the kept ones
    /// are the first, so one is shown whenever any was found).
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
}
