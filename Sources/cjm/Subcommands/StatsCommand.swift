import ArgumentParser
import CJMKit

/// `cjm stats FILE [--format table|json|csv] [--figures FILE]`
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print a journey's figures: counts, conversion and drop-off per stage, win rate, revenue, ads per page.",
        discussion: """
            Conversion is a stage's count over the count of the stage it comes from; cumulative \
            conversion is over the block's first stage; drop-off is how many did not go on. Win rate \
            is won deals over the deals that entered the pipeline.
            """
    )

    @Argument(help: "The journey file ('-' reads stdin).", completion: .file(extensions: ["cjm"]))
    var file: String

    @Option(name: .long, help: "How to print the figures: table (aligned, the default), json or csv.")
    var format: StatsRun.Format = .table

    @Option(name: .long, help: "A CSV of id,count[,revenue] rows (a CRM export) whose counts replace the journey's.",
            completion: .file(extensions: ["csv"]))
    var figures: String?

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let status = StatsRun(input: file, format: format, figures: figures, diagnosticFormat: diagnostics).run(console: Console())
        if status != .success { throw status.exitCode }
    }
}

extension StatsRun.Format: ExpressibleByArgument {}

extension StatsCommand: CommandExamples {
    static let examples = [
        (effect: "The funnel's numbers as an aligned table", command: "cjm stats journey.cjm"),
        (effect: "The same for a spreadsheet, one figure a line", command: "cjm stats journey.cjm --format csv"),
        (effect: "With this month's counts from a CRM export", command: "cjm stats journey.cjm --figures counts.csv"),
    ]
}
