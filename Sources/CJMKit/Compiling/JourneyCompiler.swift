import CJMModel
import CJMSyntax

/// source text → tokens → syntax tree → checked journey, for one input file.
public enum JourneyCompiler {
    /// Reads `path` (or stdin for `-`), decodes, parses and checks it.
    public static func compile(_ path: String, limits: Limits = .standard) -> Result<CompiledJourney, InputFile.ReadFailure> {
        let name = path == "-" ? InputFile.standardInputName : path
        return InputFile.read(path, cap: limits.maxFileBytes).map { compile($0, path: name, limits: limits) }
    }

    /// Compiles every input, printing each one's diagnostics as it goes. Returns the inputs that
    /// could be read and the worst outcome (a missing file over an invalid one over success).
    static func compileAll(_ paths: [String], limits: Limits, reporter: DiagnosticReporter) -> (journeys: [CompiledJourney], status: ExitStatus) {
        var journeys: [CompiledJourney] = []
        var status = ExitStatus.success
        for path in paths {
            switch compile(path, limits: limits) {
            case .failure(let failure):
                reporter.report(failure)
                status = ExitStatus.worse(status, failure.exitStatus)
            case .success(let compiled):
                reporter.report(compiled)
                if compiled.hasErrors { status = ExitStatus.worse(status, .invalidInput) }
                journeys.append(compiled)
            }
        }
        return (journeys, status)
    }

    /// Decodes, parses and checks bytes already read.
    public static func compile(_ bytes: [UInt8], path: String, limits: Limits = .standard) -> CompiledJourney {
        switch SourceDecoder.decode(path: path, bytes: bytes, limits: limits) {
        case .failure(let diagnostic):
            // Shown with its bad bytes as U+FFFD, so the error prints its line and caret.
            let shown = SourceDecoder.shownFile(path: path, bytes: bytes, limits: limits).map { [$0] } ?? []
            return CompiledJourney(path: path, journey: nil, diagnostics: [diagnostic], sources: SourceMap(shown), check: nil)
        case .success(let source):
            let result = Checker.check(source, limits: limits)
            return CompiledJourney(path: path, journey: result.validJourney, diagnostics: result.diagnostics, sources: result.sources,
                                   check: result)
        }
    }
}
