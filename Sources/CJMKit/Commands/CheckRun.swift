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
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)
        return JourneyCompiler.compileAll(InputList.expand(inputs), limits: limits, reporter: reporter).status
    }
}
