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

    /// Checks every input, printing the diagnostics as it goes.
    public func run(console: Console) -> Outcome {
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)
        let compiled = JourneyCompiler.compileAll(InputList.expand(inputs), limits: limits, reporter: reporter)
        return Outcome(status: compiled.status, journeys: compiled.journeys)
    }

    /// What a check ended with.
    public struct Outcome {
        /// The worst outcome of all inputs (a missing file over an invalid one over success).
        public let status: ExitStatus
        /// The checked journeys, handed back so that a process about to end can skip freeing
        /// them (on a large journey that is a tenth of the check's time).
        let journeys: [CompiledJourney]
    }
}
