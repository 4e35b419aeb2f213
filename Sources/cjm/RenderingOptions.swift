import ArgumentParser
import CJMKit

/// The options every command that draws maps takes alike (`render`, `md`, `watch`).
struct RenderingOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds one layout and render may take.")
    var timeout: Double = 180

    @Option(name: .customShort("j"), help: "Maps rendered at once (each in its own process).")
    var jobs: Int = 2

    @Option(name: .long, help: "How to print diagnostics: text or json.")
    var diagnostics: DiagnosticFormat = .text

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        guard jobs >= 1 else { throw ValidationError("-j must be at least 1") }
    }

    /// The settings for CJMKit's runs, with this `cjm` as the render worker.
    var settings: RenderSettings {
        RenderSettings(workerExecutable: WorkerExecutable.path, timeout: timeout, jobs: jobs, diagnosticFormat: diagnostics)
    }
}
