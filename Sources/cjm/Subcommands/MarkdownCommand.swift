import ArgumentParser
import CJMKit

/// `cjm md FILE.md... [--check]`
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "md",
        abstract: "Render the maps embedded in Markdown documents and link them in.",
        discussion: """
            Finds ```cjm blocks and <!-- cjm: FILE.cjm --> markers, renders each map to an SVG beside the \
            document (DOC.md-N.svg, or name=NAME), and puts an image link right after the block. A block or \
            marker may add view=NAME, persona=ID, theme=NAME and name=FILE. Only a changed link or map is written.
            """
    )

    @Argument(help: "Markdown documents, or folders of them.")
    var files: [String]

    @Flag(name: .long, help: "Write nothing; fail (exit 1) when a map or its link is stale or missing.")
    var check = false

    @Option(name: .long, help: "Seconds one layout and render may take.")
    var timeout: Double = 180

    @Option(name: .customShort("j"), help: "Maps rendered at once (each in its own process).")
    var jobs: Int = 2

    @Option(name: .long, help: "How to print diagnostics: text or json.")
    var diagnostics: DiagnosticFormat = .text

    func run() throws {
        let run = MarkdownRun(inputs: files, check: check, timeout: timeout, jobs: jobs, diagnosticFormat: diagnostics,
                              workerExecutable: WorkerExecutable.path)
        let status = run.run(console: Console())
        if status != .success { throw status.exitCode }
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard jobs >= 1 else { throw ValidationError("-j must be at least 1") }
    }
}
