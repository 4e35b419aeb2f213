import CJMModel
import CJMSyntax

/// source text → tokens → syntax tree → checked journey, for one input file.
public enum JourneyCompiler {
    /// Reads `path` (or stdin for `-`), decodes, parses and checks it.
    ///
    /// With `keepingSyntax` the syntax tree stays in the result instead of being freed.
    public static func compile(_ path: String, limits: Limits = .standard, keepingSyntax: Bool = false) -> Result<CompiledJourney, InputFile.ReadFailure> {
        _ = MemoryPolicy.applied
        let name = path == "-" ? InputFile.standardInputName : path
        return decode(path, name: name, limits: limits).map { check($0, path: name, limits: limits, keepingSyntax: keepingSyntax) }
    }

    /// Reads and decodes in a step of its own; the decoded `SourceFile` keeps the very bytes
    /// read (a 50 MB file held twice would show in peak memory).
    private static func decode(_ path: String, name: String, limits: Limits) -> Result<Result<SourceFile, Diagnostic>, InputFile.ReadFailure> {
        InputFile.read(path, cap: limits.maxFileBytes).map { SourceDecoder.decode(path: name, bytes: $0, limits: limits) }
    }

    /// Compiles every input, printing each one's diagnostics as it goes. Returns the inputs that
    /// could be read (only the last of them when `onlyLast`, so checking a folder of large files
    /// holds one file's results at a time) and the worst outcome (a missing file over an
    /// invalid one over success).
    static func compileAll(_ paths: [String], limits: Limits, reporter: DiagnosticReporter, keepingSyntax: Bool = false,
                           onlyLast: Bool = false) -> (journeys: [CompiledJourney], status: ExitStatus) {
        var journeys: [CompiledJourney] = []
        var status = ExitStatus.success
        for path in paths {
            switch compile(path, limits: limits, keepingSyntax: keepingSyntax) {
            case .failure(let failure):
                reporter.report(failure)
                status = ExitStatus.worse(status, failure.exitStatus)
            case .success(let compiled):
                reporter.report(compiled)
                if compiled.hasErrors { status = ExitStatus.worse(status, .invalidInput) }
                if onlyLast { journeys.removeAll() }
                journeys.append(compiled)
            }
        }
        return (journeys, status)
    }

    /// Decodes, parses and checks bytes already read.
    public static func compile(_ bytes: [UInt8], path: String, limits: Limits = .standard) -> CompiledJourney {
        check(SourceDecoder.decode(path: path, bytes: bytes, limits: limits), path: path, limits: limits, keepingSyntax: false)
    }

    /// Checks decoded text, or reports why it could not be decoded.
    private static func check(_ decoded: Result<SourceFile, Diagnostic>, path: String, limits: Limits, keepingSyntax: Bool) -> CompiledJourney {
        switch decoded {
        case .failure(let diagnostic):
            return CompiledJourney(path: path, journey: nil, diagnostics: [diagnostic], sources: [:])
        case .success(let source):
            let result = Checker.check(source, limits: limits, keepingSyntax: keepingSyntax)
            var sources = result.sources
            sources[path] = source
            return CompiledJourney(path: path, journey: result.journey, diagnostics: result.diagnostics, sources: sources, syntax: result.syntax)
        }
    }
}
