import CJMSyntax

/// Prints diagnostics and run-level errors to stderr in the chosen format.
struct DiagnosticReporter {
    var format: DiagnosticFormat
    var console: Console

    func report(_ compiled: CompiledJourney) {
        report(compiled.diagnostics, sources: compiled.sources)
    }

    /// Prints `diagnostics`, whose ranges point into `sources`.
    func report(_ diagnostics: [Diagnostic], sources: SourceMap) {
        let printer = DiagnosticPrinter(sources: sources, colored: format == .text && console.stderrIsTerminal)
        for diagnostic in diagnostics {
            switch format {
            case .text: console.report(printer.text(diagnostic))
            case .json: console.report(printer.jsonLine(diagnostic))
            }
        }
    }

    /// The last line of a run that warnings failed under `--strict` (text only: JSON readers
    /// see the warnings themselves).
    func reportStrictFailure() {
        if format == .text { console.report("cjm: warnings found and --strict is set: failing, nothing written") }
    }

    func report(_ failure: InputFile.ReadFailure) {
        switch failure {
        case .notFound(let path): console.report("cjm: error: \(path): no such file")
        case .unreadable(let path, let reason): console.report("cjm: error: \(path): cannot read: \(reason)")
        }
    }
}

extension InputFile.ReadFailure {
    var exitStatus: ExitStatus {
        switch self {
        case .notFound: .inputNotFound
        case .unreadable: .inputNotFound
        }
    }
}

extension ExitStatus {
    /// The more serious of two outcomes, for runs over many inputs.
    static func worse(_ a: ExitStatus, _ b: ExitStatus) -> ExitStatus {
        func rank(_ s: ExitStatus) -> Int {
            switch s {
            case .success: 0
            case .failedCheck: 1
            case .invalidInput: 2
            case .inputNotFound: 3
            case .cannotWrite: 4
            case .internalFailure: 5
            case .usage: 6
            }
        }
        return rank(a) >= rank(b) ? a : b
    }
}
