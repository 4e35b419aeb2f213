import CJMModel
import CJMSyntax

/// `cjm stats FILE`: check one journey and print its funnel's numbers (`JourneyStatistics`) to
/// stdout as an aligned table, JSON or CSV. Diagnostics go to stderr (JSON ones too, since stdout carries the figures); a journey
/// with errors prints no figures (exit 65).
public struct StatsRun: Sendable {
    /// How the figures are printed.
    public enum Format: String, Sendable, CaseIterable {
        case table, json, csv
    }

    public var input: String
    public var format: Format
    /// `--figures FILE`: a CSV of counts replacing the journey's own.
    public var figures: String?
    public var diagnosticFormat: DiagnosticFormat
    public var limits: Limits

    public init(input: String, format: Format = .table, figures: String? = nil, diagnosticFormat: DiagnosticFormat = .text,
                limits: Limits = .standard) {
        self.input = input
        self.format = format
        self.figures = figures
        self.diagnosticFormat = diagnosticFormat
        self.limits = limits
    }

    public func run(console: Console) -> ExitStatus {
        // The figures go to stdout, so JSON diagnostics go to stderr to keep them whole.
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console, stdoutCarriesOutput: true)
        let (journeys, status) = JourneyCompiler.compileAll([input], limits: limits, figuresPath: figures, reporter: reporter)
        guard status == .success, let journey = journeys.first?.journey else { return status }
        let report = StatsReport(JourneyStatistics(journey))
        let text = switch format {
        case .table: report.table
        case .json: report.json
        case .csv: report.csv
        }
        return console.print(text) ? .success : .cannotWrite
    }
}
