import CJMSyntax

/// `cjm check FILE...`: parse and validate, print every diagnostic, write nothing.
public struct CheckRun: Sendable {
    public var inputs: [String]
    public var diagnosticFormat: DiagnosticFormat
    public var limits: Limits

    public init(inputs: [String], diagnosticFormat: DiagnosticFormat = .text, limits: Limits = .standard) {
        self.inputs = inputs
        self.diagnosticFormat = diagnosticFormat
        self.limits = limits
    }

    /// Checks every input; the status is the worst outcome (a missing file over an invalid one).
    public func run(console: Console) -> ExitStatus {
        runKeepingResults(console: console).status
    }

    /// Checks every input like `run(console:)` and also hands back what was compiled for the
    /// last input, syntax tree included, so a caller about to exit can skip freeing it (the
    /// inputs before it are freed as the run goes, so a folder costs one file's memory).
    public func runKeepingResults(console: Console) -> (status: ExitStatus, results: [CompiledJourney]) {
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)
        let (journeys, status) = JourneyCompiler.compileAll(InputList.expand(inputs), limits: limits, reporter: reporter,
                                                            keepingSyntax: true, onlyLast: true)
        return (status, journeys)
    }
}
