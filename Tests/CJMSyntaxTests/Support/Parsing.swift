@testable import CJMSyntax

/// Parses `text` as if read from `path`.
func parse(_ text: String, path: String = "test.cjm", limits: Limits = .standard) -> ParseResult {
    Parser.parse(SourceFile(path: path, text: text), limits: limits)
}

extension ParseResult {
    /// Where `range` of the parsed file starts.
    func start(_ range: SourceRange) -> SourceLocation { source.span(range).start }
    /// Where `range` of the parsed file ends.
    func end(_ range: SourceRange) -> SourceLocation { source.span(range).end }
}

/// The elements among `statements`, in order.
func elements(_ statements: [Statement]) -> [ElementSyntax] {
    statements.compactMap { if case .element(let e) = $0 { e } else { nil } }
}

/// The edges among `statements`, in order.
func edges(_ statements: [Statement]) -> [EdgeSyntax] {
    statements.compactMap { if case .edge(let e) = $0 { e } else { nil } }
}

/// `code@line:column` for each diagnostic, to compare locations compactly.
func locations(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code.rawValue)@\($0.range.start.line):\($0.range.start.column)" }
}
