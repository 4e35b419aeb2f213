import ArgumentParser
import CJMKit

/// `cjm fmt FILE... [--check] [--diff]`
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite journeys in the one canonical form, in place; comments are kept.",
        discussion: """
            A file with errors is left as it is and its errors are printed (exit 65).
            --check writes nothing and exits 1 naming the files that would change;
            --diff prints what would change instead of writing.
            """
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin and writes stdout).")
    var files: [String]

    @Flag(name: .long, help: "Write nothing; exit 1 and name the files that are not formatted.")
    var check = false

    @Flag(name: .long, help: "Write nothing; print a unified diff of what would change.")
    var diff = false

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let mode: FormatRun.Mode = switch (check, diff) {
        case (true, true): .checkAndDiff
        case (true, false): .check
        case (false, true): .diff
        case (false, false): .write
        }
        let status = FormatRun(inputs: files, mode: mode, diagnosticFormat: diagnostics).run(console: Console())
        if status != .success { throw status.exitCode }
    }
}

extension FormatCommand: CommandExamples {
    static let examples = [
        (effect: "Show what formatting would change, writing nothing", command: "cjm fmt --diff journey.cjm"),
        (effect: "Rewrite every journey in docs/ in the canonical form", command: "cjm fmt docs/"),
        (effect: "Fail (exit 1) in CI when a journey is not formatted", command: "cjm fmt --check docs/"),
    ]
}
