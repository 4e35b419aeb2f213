/// Turns a decoded `.cjm` file into its syntax tree.
///
/// Statements have three shapes, told apart by the token after the first word:
/// `name: value` (a property), `ref -> ref` (an edge, also with a dotted `ref`), anything else an
/// element `KEYWORD [id] ["Label"] [name: value | flag]... [{ children }]`.
public enum Parser {
    /// Parses `source` on its own, recovering at statement and block boundaries so one run
    /// reports many problems, at most `limits.maxErrors` of them.
    public static func parse(_ source: SourceFile, limits: Limits = .standard) -> ParseResult {
        var diagnostics = DiagnosticCollector(limit: limits.maxErrors)
        let file = diagnostics.sources.add(source)
        let syntax = parse(file, limits: limits, into: &diagnostics)
        return ParseResult(source: file, syntax: syntax, diagnostics: diagnostics.finished())
    }

    /// Parses `source`, which must be in `diagnostics.sources`, reporting into `diagnostics`.
    package static func parse(_ source: SourceFile, limits: Limits, into diagnostics: inout DiagnosticCollector) -> SyntaxFile {
        source.utf8.withUnsafeBufferPointer { bytes in
            let before = diagnostics
            var reader = StatementReader(lexer: Lexer(bytes: bytes, file: source.id), source: source, limits: limits,
                                         diagnostics: diagnostics)
            let syntax = reader.readFile()
            guard reader.bracesUnbalanced else {
                diagnostics = reader.diagnostics
                return syntax
            }
            // A brace is missing or extra: read again, letting indentation end the block whose
            // `}` is missing (a balanced file never pays for this, and may be indented any way).
            _ = consume syntax
            // Where a `}` closed no block, lines indented under an element may also open its
            // forgotten `{`.
            var again = StatementReader(lexer: Lexer(bytes: bytes, file: source.id), source: source, limits: limits,
                                        diagnostics: before, closesByIndentation: true,
                                        opensByIndentation: reader.closedMoreThanOpened)
            let recovered = again.readFile()
            diagnostics = again.diagnostics
            return recovered
        }
    }
}
