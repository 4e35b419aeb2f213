import CJMModel
import CJMSyntax

/// source text → tokens → syntax tree → checked journey → lint warnings, for one input file.
public enum JourneyCompiler {
    /// Reads `path` (or stdin for `-`), decodes, parses and checks it; its counts come from
    /// `figures` when given (`--figures FILE`).
    public static func compile(_ path: String, limits: Limits = .standard,
                               figures: FiguresInput? = nil) -> Result<CompiledJourney, InputFile.ReadFailure> {
        let name = path == "-" ? InputFile.standardInputName : path
        return InputFile.read(path, cap: limits.maxFileBytes).map { compile($0, path: name, limits: limits, figures: figures) }
    }

    /// Compiles every input, printing each one's diagnostics as it goes. Returns the inputs that
    /// could be read and the worst outcome (a missing file over an invalid one over warnings
    /// under `strict` over success).
    /// `figuresPath` (`--figures FILE`) gives the counts of one journey, so it takes exactly one
    /// input: with several, or when it cannot be read, nothing is compiled.
    static func compileAll(_ paths: [String], limits: Limits, strict: Bool = false, figuresPath: String? = nil,
                           reporter: DiagnosticReporter) -> (journeys: [CompiledJourney], status: ExitStatus) {
        var journeys: [CompiledJourney] = []
        var status = ExitStatus.success
        var figures: FiguresInput?
        if let figuresPath {
            guard paths.count == 1 else {
                reporter.console.report("cjm: error: --figures gives the counts of one journey; name exactly one journey file")
                return ([], .usage)
            }
            switch InputFile.read(figuresPath, cap: limits.maxFileBytes) {
            case .failure(let failure):
                reporter.report(failure)
                return ([], failure.exitStatus)
            case .success(let bytes):
                figures = FiguresInput(path: figuresPath == "-" ? InputFile.standardInputName : figuresPath, bytes: bytes)
            }
        }
        for path in paths {
            if let refusal = InputList.markdownRefusal(path) {
                reporter.console.report(refusal)
                status = ExitStatus.worse(status, .usage)
                continue
            }
            switch compile(path, limits: limits, figures: figures) {
            case .failure(let failure):
                reporter.report(failure)
                status = ExitStatus.worse(status, failure.exitStatus)
            case .success(let compiled):
                reporter.report(compiled)
                if compiled.hasErrors { status = ExitStatus.worse(status, .invalidInput) }
                if strict && compiled.hasWarnings { status = ExitStatus.worse(status, .failedCheck) }
                journeys.append(compiled)
            }
        }
        return (journeys, status)
    }

    /// Decodes, parses and checks bytes already read; its counts come from `figures` when given.
    public static func compile(_ bytes: [UInt8], path: String, limits: Limits = .standard, figures: FiguresInput? = nil) -> CompiledJourney {
        switch SourceDecoder.decode(path: path, bytes: bytes, limits: limits) {
        case .failure(let diagnostic):
            // Shown with its bad bytes as U+FFFD, so the error prints its line and caret.
            let shown = SourceDecoder.shownFile(path: path, bytes: bytes, limits: limits).map { [$0] } ?? []
            return CompiledJourney(path: path, journey: nil, diagnostics: [diagnostic], sources: SourceMap(shown), check: nil)
        case .success(let source):
            // The lint pass runs on every compile, so `check` and `render` print the same
            // warnings as `lint`.
            let clock = ContinuousClock()
            let start = clock.now
            let checked = Checker.check(source, limits: limits, figures: figures)
            let checkedAt = clock.now
            let result = Linter.lint(checked, limits: limits)
            var compiled = CompiledJourney(path: path, journey: result.validJourney, diagnostics: result.diagnostics,
                                           sources: result.sources, check: result)
            compiled.stageTimes = [("parse+check", checkedAt - start), ("lint", clock.now - checkedAt)]
            return compiled
        }
    }
}
