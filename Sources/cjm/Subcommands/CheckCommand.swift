import ArgumentParser
import CJMKit

/// `cjm check FILE...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse, validate and lint journeys; print every problem and warning; write nothing."
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin).", completion: .file(extensions: ["cjm"]))
    var files: [String]

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    @Flag(name: .long, help: "Fail (exit 1) when any warning is found.")
    var strict = false

    @Option(name: .long, help: "A CSV of id,count[,revenue] rows (a CRM export) whose counts replace the journey's.",
            completion: .file(extensions: ["csv"]))
    var figures: String?

    func run() throws {
        let outcome = CheckRun(inputs: files, strict: strict, diagnosticFormat: diagnostics, figures: figures).run(console: Console())
        // Ends the process with the checked journeys still alive: freeing them only costs time.
        withExtendedLifetime(outcome) {
            CJM.exit(withError: outcome.status == .success ? nil : outcome.status.exitCode)
        }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension CheckCommand: CommandExamples {
    static let examples = [
        (effect: "Check one journey", command: "cjm check journey.cjm"),
        (effect: "Check every .cjm file under docs/", command: "cjm check docs/"),
        (effect: "Problems as JSON lines, for an editor or CI", command: "cjm check journey.cjm --diagnostics json"),
    ]
}
