import ArgumentParser
import CJMKit

/// `cjm`: customer journey maps as code. Argument parsing and exit codes only; the work is in CJMKit.
@main
struct CJM: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cjm",
        abstract: "Customer journey maps as code: check a .cjm journey and render it with Graphviz.",
        subcommands: [CheckCommand.self, RenderCommand.self, FormatCommand.self, RenderWorkerCommand.self]
    )
}

extension ExitStatus {
    /// The status as ArgumentParser's exit code.
    var exitCode: ExitCode { ExitCode(rawValue) }
}
