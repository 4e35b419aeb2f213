import CJMModel
import CJMSyntax

/// `cjm lint FILE...`: check every input and print its warnings (SPEC §2 "Warnings"), with its
/// errors if it has any; `--strict` makes any warning fail the run. `--list` prints the rules.
public struct LintRun: Sendable {
    public var inputs: [String]
    /// `--strict`: warnings fail the run (exit 1).
    public var strict: Bool
    /// `--list`: print every rule instead of linting.
    public var list: Bool
    public var diagnosticFormat: DiagnosticFormat
    /// `--timings`: how long the check and the lint pass took, to stderr.
    public var timings: Bool
    /// `--figures FILE`: a CSV of counts replacing the journey's own (one journey only).
    public var figures: String?
    public var limits: Limits

    public init(inputs: [String], strict: Bool = false, list: Bool = false, diagnosticFormat: DiagnosticFormat = .text,
                timings: Bool = false, figures: String? = nil, limits: Limits = .standard) {
        self.inputs = inputs
        self.strict = strict
        self.list = list
        self.diagnosticFormat = diagnosticFormat
        self.timings = timings
        self.figures = figures
        self.limits = limits
    }

    public func run(console: Console) -> ExitStatus {
        if list {
            console.print(Self.ruleList())
            return .success
        }
        guard !inputs.isEmpty else {
            console.report("cjm: error: name the journeys to lint, or use --list")
            return .usage
        }
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)
        let (journeys, status) = JourneyCompiler.compileAll(InputList.expand(inputs), limits: limits, strict: strict, figuresPath: figures, reporter: reporter)
        if status == .failedCheck { reporter.reportStrictFailure() }
        if timings {
            var clock = StageClock()
            for journey in journeys { for (stage, duration) in journey.stageTimes { clock.add(stage, duration) } }
            clock.report(to: console, bytes: journeys.reduce(0) { $0 + $1.sources.files.reduce(0) { $0 + $1.utf8.count } })
        }
        return status
    }

    /// One line per rule: code, name and rationale, aligned.
    public static func ruleList() -> String {
        let width = WarningRule.all.map(\.name.count).max() ?? 0
        return WarningRule.all.map { rule in
            rule.code.rawValue + "  " + rule.name + String(repeating: " ", count: width - rule.name.count) + "  " + rule.rationale
        }.joined(separator: "\n")
    }
}
