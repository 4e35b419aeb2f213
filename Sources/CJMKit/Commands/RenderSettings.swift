import CJMGraphviz
import CJMSyntax

/// What every command that draws maps takes alike (`render`, `md`, `watch`): the worker that
/// runs Graphviz, how long and how much memory one render may take, how many run at once,
/// how diagnostics print, and the caps on input.
public struct RenderSettings: Sendable {
    /// The `cjm` executable whose hidden `render-worker` subcommand does the Graphviz work.
    public var workerExecutable: String
    /// Seconds one layout+render may take.
    public var timeout: Double
    /// Address-space cap of each render worker, in bytes.
    public var memoryLimitBytes: Int
    /// Maps rendered at once (each in its own process); at least 1.
    public var jobs: Int
    /// How diagnostics print (`--diagnostics text|json`).
    public var diagnosticFormat: DiagnosticFormat
    /// The caps on input (file size, nesting, element count) checked before any layout.
    public var limits: Limits

    /// Settings with the command line's defaults for everything but the worker.
    public init(workerExecutable: String, timeout: Double = 180, memoryLimitBytes: Int = 4 << 30, jobs: Int = 2,
                diagnosticFormat: DiagnosticFormat = .text, limits: Limits = .standard) {
        self.workerExecutable = workerExecutable
        self.timeout = timeout
        self.memoryLimitBytes = memoryLimitBytes
        self.jobs = max(1, jobs)
        self.diagnosticFormat = diagnosticFormat
        self.limits = limits
    }

    /// The renderer these settings describe.
    func renderer(reportTimings: Bool = false) -> IsolatedRenderer {
        IsolatedRenderer(workerExecutable: workerExecutable, timeout: timeout, memoryLimitBytes: memoryLimitBytes, reportTimings: reportTimings)
    }
}
