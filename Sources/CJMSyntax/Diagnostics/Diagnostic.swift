/// One problem found in the input, located precisely enough to print a caret under it.
///
/// Its places are `SourceSpan`s, lines and columns worked out when it is made (by the
/// `DiagnosticCollector`, from its `SourceMap`), so a diagnostic means the same after the file it points into is gone.
public struct Diagnostic: Hashable, Sendable {
    /// A secondary message, e.g. "first defined here", optionally pointing at its own place.
    public struct Note: Hashable, Sendable {
        public var message: String
        public var range: SourceSpan?

        public init(_ message: String, at range: SourceSpan? = nil) {
            self.message = message
            self.range = range
        }
    }

    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    public var range: SourceSpan
    public var notes: [Note]

    public init(_ severity: Severity = .error, _ code: DiagnosticCode, _ message: String, at range: SourceSpan, notes: [Note] = []) {
        self.severity = severity
        self.code = code
        self.message = message
        self.range = range
        self.notes = notes
    }

    /// Shorthand for an error at a place already worked out.
    public static func error(_ code: DiagnosticCode, _ message: String, at range: SourceSpan, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: range, notes: notes)
    }
}

/// A diagnostic can travel as the failure of a `Result` (e.g. `SourceDecoder.decode`).
extension Diagnostic: Error {}
