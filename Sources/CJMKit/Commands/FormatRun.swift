#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMModel
import CJMSyntax

/// `cjm fmt FILE...`: rewrites each journey in `CanonicalForm`, in place and atomically.
///
/// A file with errors is left as it is and its errors print as from `check` (exit 65). A file
/// with no `journey` (a part that others `include`) only has to parse. `-` reads standard
/// input and writes the canonical text to standard output.
public struct FormatRun: Sendable {
    /// What to do with the canonical text.
    public enum Mode: Sendable {
        /// Replace each file that is not canonical.
        case write
        /// Write nothing; name each file that would change and exit 1 if any would.
        case check
        /// Write nothing; print a unified diff of each change.
        case diff
        /// Both: print the diffs and exit 1 if any file would change.
        case checkAndDiff
    }

    public var inputs: [String]
    public var mode: Mode
    public var diagnosticFormat: DiagnosticFormat
    public var limits: Limits

    public init(inputs: [String], mode: Mode = .write, diagnosticFormat: DiagnosticFormat = .text, limits: Limits = .standard) {
        self.inputs = inputs
        self.mode = mode
        self.diagnosticFormat = diagnosticFormat
        self.limits = limits
    }

    /// Formats every input; the status is the worst outcome over them.
    public func run(console: Console) -> ExitStatus {
        let paths = InputList.expand(inputs)
        // `fmt -` and the diffs print to stdout; JSON diagnostics then keep out of the way.
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console,
                                          stdoutCarriesOutput: mode == .diff || mode == .checkAndDiff || paths.contains("-"))
        var status = ExitStatus.success
        for path in paths {
            status = ExitStatus.worse(status, format(path, reporter: reporter, console: console))
        }
        return status
    }

    private func format(_ path: String, reporter: DiagnosticReporter, console: Console) -> ExitStatus {
        let name = path == "-" ? InputFile.standardInputName : path
        if let refusal = InputList.markdownRefusal(path) {
            console.report(refusal)
            return .usage
        }
        let bytes: [UInt8]
        switch InputFile.read(path, cap: limits.maxFileBytes) {
        case .failure(let failure):
            reporter.report(failure)
            return failure.exitStatus
        case .success(let read): bytes = read
        }
        guard let formatted = canonicalText(of: bytes, path: name, reporter: reporter) else { return .invalidInput }
        let original = String(decoding: bytes, as: UTF8.self)
        let changed = Array(formatted.utf8) != bytes

        switch mode {
        case .write:
            if path == "-" { return console.emit(Array(formatted.utf8)) ? .success : .cannotWrite }
            return changed ? replace(path, with: formatted, console: console) : .success
        case .check:
            if changed { console.report("cjm: \(name) is not formatted; `cjm fmt \(name)` would rewrite it") }
        case .diff, .checkAndDiff:
            if changed, !console.emit(Array(UnifiedDiff.text(from: original, to: formatted, path: name).utf8)) { return .cannotWrite }
        }
        return changed && mode != .diff ? .failedCheck : .success
    }

    /// The canonical text, or nil after reporting why the input cannot be formatted.
    private func canonicalText(of bytes: [UInt8], path: String, reporter: DiagnosticReporter) -> String? {
        let source: SourceFile
        switch SourceDecoder.decode(path: path, bytes: bytes, limits: limits) {
        case .failure(let diagnostic):
            // Shown with its bad bytes as U+FFFD, so the error prints its line and caret.
            reporter.report([diagnostic], sources: SourceMap(SourceDecoder.shownFile(path: path, bytes: bytes, limits: limits).map { [$0] } ?? []))
            return nil
        case .success(let decoded): source = decoded
        }
        switch Self.canonicalText(of: source, limits: limits) {
        case .success(let text): return text
        case .failure(let refusal):
            reporter.report(refusal.diagnostics, sources: refusal.sources)
            return nil
        }
    }

    /// Why a journey cannot be formatted: its errors, and the files they point into.
    public struct Refusal: Error, Sendable {
        public var diagnostics: [Diagnostic]
        public var sources: SourceMap
    }

    /// The canonical text of `source`, or its errors: a file that does not parse, or holds a
    /// `journey` that does not check (its includes read through `loader`), is never
    /// formatted, since parts of it would be missing from the result. A file without a
    /// `journey` (a part others `include`) only has to parse. The one rule `cjm fmt` and the
    /// language server's formatting share.
    public static func canonicalText(of source: SourceFile, limits: Limits = .standard,
                                     loader: IncludeLoader = .fileSystem) -> Result<String, Refusal> {
        let parsed = Parser.parse(source, limits: limits)
        guard !parsed.diagnostics.contains(where: { $0.severity == .error }) else {
            return .failure(Refusal(diagnostics: parsed.diagnostics, sources: SourceMap([parsed.source])))
        }
        if parsed.syntax.statements.contains(where: { if case .element(let e) = $0 { e.keyword.name == "journey" } else { false } }) {
            return canonicalText(ofChecked: Checker.check(source, limits: limits, loader: loader))
        }
        return .success(CanonicalForm.text(of: parsed.syntax, source: parsed.source))
    }

    /// The canonical text of a journey already checked: `checked` is `Checker.check`'s result
    /// for a file that holds a `journey`. The same rule as `canonicalText(of:)` (refused while
    /// the check has errors), for a caller that keeps the check, so it is not made twice.
    public static func canonicalText(ofChecked checked: CheckResult) -> Result<String, Refusal> {
        if checked.hasErrors { return .failure(Refusal(diagnostics: checked.diagnostics, sources: checked.sources)) }
        return .success(CanonicalForm.text(of: checked.syntax, source: checked.sources[FileID(0)]))
    }

    /// Replaces the file `path` names (through symlinks), keeping its permissions; a file
    /// without write permission is left as it is, even for root.
    private func replace(_ path: String, with text: String, console: Console) -> ExitStatus {
        let target = FilePath.resolved(path) ?? path
        var info = stat()
        guard stat(target, &info) == 0 else {
            console.report("cjm: error: \(path): cannot write: \(String(cString: strerror(errno)))")
            return .cannotWrite
        }
        guard info.st_mode & 0o222 != 0, access(target, W_OK) == 0 else {
            console.report("cjm: error: \(path): the file is read-only; it was left as it is")
            return .cannotWrite
        }
        switch AtomicFile.write(Array(text.utf8), to: target, permissions: info.st_mode & 0o7777) {
        case .success: return .success
        case .failure(let failure):
            console.report("cjm: error: \(path): cannot write: \(failure.reason)")
            return .cannotWrite
        }
    }
}
