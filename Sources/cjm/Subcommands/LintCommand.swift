import ArgumentParser
import CJMKit

/// `cjm lint FILE... [--strict] [--list]`
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check journeys and print the seed articles' advice as warnings.",
        discussion: """
            Switch a rule off for the whole journey with `lint ignore: W012, empty-phase`, or for one \
            element with `# cjm-ignore W012` on the line before it or at the end of its line. \
            `lint min_conversion: 20%` sets the low-conversion threshold.
            """
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin).", completion: .file(extensions: ["cjm"]))
    var files: [String] = []

    @Flag(name: .long, help: "Fail (exit 1) when any warning is found.")
    var strict = false

    @Flag(name: .long, help: "Print every rule: code, name and why it matters.")
    var list = false

    @Option(name: .long, help: "How to print diagnostics: text or json (one object per line).")
    var diagnostics: DiagnosticFormat = .text

    @Flag(name: .long, help: "Print the time the check and the lint pass took to stderr.")
    var timings = false

    @Option(name: .long, help: "A CSV of id,count[,revenue] rows (a CRM export) whose counts replace the journey's.",
            completion: .file(extensions: ["csv"]))
    var figures: String?

    func run() throws {
        let status = LintRun(inputs: files, strict: strict, list: list, diagnosticFormat: diagnostics, timings: timings, figures: figures)
            .run(console: Console())
        if status != .success { throw status.exitCode }
    }
}

extension LintCommand: CommandExamples {
    static let examples = [
        (effect: "Print the advice for one journey", command: "cjm lint journey.cjm"),
        (effect: "Fail CI (exit 1) while any warning is left in docs/", command: "cjm lint docs/ --strict"),
        (effect: "List every rule with its code, name and reason", command: "cjm lint --list"),
    ]
}
