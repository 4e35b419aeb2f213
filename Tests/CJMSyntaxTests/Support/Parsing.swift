@testable import CJMSyntax
import Synchronization

/// Parses `text` as if read from `path`.
func parse(_ text: String, path: String = "test.cjm", limits: Limits = .standard) -> ParseResult {
    Parser.parse(kept(SourceFile(path: path, text: text)), limits: limits)
}

/// Every file the tests made through `kept`: a tree's ranges find their lines in the file's
/// text while the file is alive, and tests read them long after parsing.
private let keptFiles = Mutex<[SourceFile]>([])

/// `file`, kept alive until the test process ends.
func kept(_ file: SourceFile) -> SourceFile {
    keptFiles.withLock { $0.append(file) }
    return file
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
