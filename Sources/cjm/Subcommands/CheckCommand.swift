import ArgumentParser
import CJMKit

/// `cjm check FILE...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and validate journeys; print every problem; write nothing."
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin).")
    var files: [String]

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let (status, results) = CheckRun(inputs: files, diagnosticFormat: diagnostics).runKeepingResults(console: Console())
        // Exit with the results still alive: freeing a 50 MB journey's model cost a third of the
        // run, and the process is ending anyway (clang's -disable-free, for the same reason).
        withExtendedLifetime(results) { Self.exit(withError: status == .success ? nil : status.exitCode) }
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}
