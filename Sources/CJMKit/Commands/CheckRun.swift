import CJMSyntax

/// `cjm check FILE...`: parse, validate and lint; print every diagnostic, write nothing.
public struct CheckRun: Sendable {
    public var inputs: [String]
    /// `--strict`: warnings fail the run (exit 1).
    public var strict: Bool
    public var diagnosticFormat: DiagnosticFormat
    /// `--figures FILE`: a CSV of counts replacing the journey's own (one journey only).
    public var figures: String?
    public var limits: Limits

    public init(inputs: [String], strict: Bool = false, diagnosticFormat: DiagnosticFormat = .text, figures: String? = nil,
                limits: Limits = .standard) {
        self.inputs = inputs
        self.strict = strict
        self.diagnosticFormat = diagnosticFormat
        self.figures = figures
        self.limits = limits
    }

    /// Checks every input; the status is the worst outcome (a missing file over an invalid one
    /// over warnings under `--strict`).
    public func run(console: Console) -> ExitStatus {
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)
        let status = JourneyCompiler.compileAll(InputList.expand(inputs), limits: limits, strict: strict, figuresPath: figures, reporter: reporter).status
        if status == .failedCheck { reporter.reportStrictFailure() }
        return status
    }
}
