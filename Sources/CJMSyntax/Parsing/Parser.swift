/// Turns a decoded `.cjm` file into its syntax tree.
///
/// Statements have three shapes, told apart by the token after the first word:
/// `name: value` (a property), `ref -> ref` (an edge, also with a dotted `ref`), anything else an
/// element `KEYWORD [id] ["Label"] [name: value | flag]... [{ children }]`.
public enum Parser {
    /// Parses `source`, recovering at statement and block boundaries so one run reports many
    /// problems, at most `limits.maxErrors` of them.
    public static func parse(_ source: SourceFile, limits: Limits = .standard) -> ParseResult {
        source.utf8.withUnsafeBufferPointer { bytes in
            if let syntax = FilePieces.parse(source, bytes: bytes, limits: limits) {
                return ParseResult(syntax: syntax, diagnostics: [])
            }
            return parseWhole(source, bytes: bytes, limits: limits)
        }
    }

    /// Parses `source` with one reader, as every file with a problem is parsed.
    static func parseWhole(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits) -> ParseResult {
        var reader = StatementReader(lexer: Lexer(bytes: bytes, fileIndex: source.fileIndex), source: source, limits: limits)
        let syntax = reader.readFile()
        return ParseResult(syntax: syntax, diagnostics: reader.diagnostics.finished())
    }
}
