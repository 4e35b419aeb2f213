import CJMSyntax

/// Prints diagnostics in the chosen format: text to stderr, JSON lines to stdout (output a
/// program asked for: `cjm check x.cjm --diagnostics json | jq`) — unless stdout already
/// carries the command's own output (`stats`' figures, `render -o -`, `fmt -`, `fmt --diff`),
/// where JSON goes to stderr so that output stays whole. Run-level errors (a missing file)
/// are text on stderr in either format.
struct DiagnosticReporter {
    var format: DiagnosticFormat
    var console: Console
    /// True when stdout carries the command's own output, so JSON diagnostics go to stderr.
    var stdoutCarriesOutput = false

    init(format: DiagnosticFormat, console: Console, stdoutCarriesOutput: Bool = false) {
        self.format = format
        self.console = console
        self.stdoutCarriesOutput = stdoutCarriesOutput
    }

    func report(_ compiled: CompiledJourney) {
        report(compiled.diagnostics, sources: compiled.sources)
    }

    /// Prints `diagnostics`, whose ranges point into `sources`.
    func report(_ diagnostics: [Diagnostic], sources: SourceMap) {
        let printer = DiagnosticPrinter(sources: sources, colored: format == .text && console.colorsStderr)
        for diagnostic in diagnostics {
            switch format {
            case .text: console.report(printer.text(diagnostic))
            case .json where stdoutCarriesOutput: console.report(printer.jsonLine(diagnostic))
            case .json: console.print(printer.jsonLine(diagnostic))
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
