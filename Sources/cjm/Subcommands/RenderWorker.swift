import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif
import CJMGraphviz

/// `cjm render-worker`: internal; `cjm render` starts one per graph so Graphviz runs in a
/// child process (see `IsolatedRenderer`). Reads a request on stdin, answers with one
/// `WorkerFrame` on stdout. Not a subcommand of `CJM`: `CommandLineEntry` starts it when it
/// is the first argument, so it stays out of help, completions and the man page.
struct RenderWorkerCommand: ParsableCommand {
    /// The first argument that makes `cjm` a render worker.
    static let name = "render-worker"

    static let configuration = CommandConfiguration(
        commandName: "cjm render-worker",
        abstract: "Render one graph from a request on stdin (internal)."
    )

    @Option(name: .customLong("memory-limit"), help: "Address-space cap in bytes.")
    var memoryLimit: Int?

    @Flag(name: .customLong("timings"), help: "Write build/layout/render seconds to stderr.")
    var timings = false

    func run() throws {
        let outcome = RenderWorker.run(memoryLimitBytes: memoryLimit, reportTimings: timings)
        // Exits with the map still held: freeing it piece by piece would only slow the exit.
        withExtendedLifetime(outcome) { Glibc.exit(outcome.status) }
    }
}
