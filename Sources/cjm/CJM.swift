import ArgumentParser
import CJMKit

/// `cjm`: customer journey maps as code. Argument parsing and exit codes only; the work is in CJMKit.
@main
struct CJM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cjm",
        abstract: "Customer journey maps as code: check a .cjm journey and render it with Graphviz.",
        discussion: """
            Exit status: 0 success; 1 a stale map under --check; 64 bad command line; 65 invalid \
            input; 66 input not found; 70 internal or Graphviz failure; 73 output not writable.
            """,
        subcommands: [InitCommand.self, CheckCommand.self, LintCommand.self, RenderCommand.self, FormatCommand.self, MarkdownCommand.self,
                      WatchCommand.self, LanguageServerCommand.self]
    )

    @Flag(name: .long, help: "Print the version of cjm and of the Graphviz it renders with.")
    var version = false

    func run() throws {
        guard version else { throw CleanExit.helpRequest(self) }
        print(ToolVersion.text)
    }

    /// Replaces ArgumentParser's entry point: see `CommandLineEntry`.
    static func main() {
        CommandLineEntry.run(Array(CommandLine.arguments.dropFirst()))
    }
}

extension CJM: CommandExamples {
    static let examples = [
        (effect: "Report every problem in a journey, writing nothing", command: "cjm check journey.cjm"),
        (effect: "Draw journey.svg beside journey.cjm", command: "cjm render journey.cjm"),
        (effect: "Draw every view of every journey in docs/ as SVG and PNG into maps/",
         command: "cjm render docs/ --all-views -o maps/ -f svg,png"),
    ]
}

extension ExitStatus {
    /// The status as ArgumentParser's exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
