import ArgumentParser
import CJMGraphviz

/// `cjm render-worker`: hidden; `cjm render` starts one per graph so Graphviz runs in a
/// child process (see `IsolatedRenderer`). Reads a request on stdin, answers with one
/// `WorkerFrame` on stdout.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-worker",
        abstract: "Render one graph from a request on stdin (internal).",
        shouldDisplay: false
    )

    @Option(name: .customLong("memory-limit"), help: "Address-space cap in bytes.")
    var memoryLimit: Int?

    @Flag(name: .customLong("timings"), help: "Write build/layout/render seconds to stderr.")
    var timings = false

    func run() throws {
        throw ExitCode(RenderWorker.run(memoryLimitBytes: memoryLimit, reportTimings: timings))
    }
}
