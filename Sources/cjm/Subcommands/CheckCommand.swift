import ArgumentParser
import CJMKit

/// `cjm check FILE...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate journeys; print every problem; write nothing."
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin).", completion: .file(extensions: ["cjm"]))
    var files: [String]

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let status = CheckRun(inputs: files, diagnosticFormat: diagnostics).run(console: Console())
        if status != .success { throw status.exitCode }
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
