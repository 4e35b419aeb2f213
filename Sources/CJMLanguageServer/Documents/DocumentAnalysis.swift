import CJMModel
import CJMSyntax

/// What the front end made of one open document's current text: everything the requests
/// answer from, so no request parses or checks again.
///
/// A document that holds a `journey` is checked with its includes (open documents read as
/// the editor has them). A document without one is a part that journeys `include`: it is
/// only parsed, as `cjm fmt` treats such files, and its own result stands until an open
/// journey that includes it supplies a checked one.
public struct DocumentAnalysis: Sendable {
    /// The document's URI.
    public let uri: String
    /// The version analysed.
    public let version: Int
    /// The check (or, for a part, the parse), with the files it read: `FileID(0)` is this document.
    public let result: CheckResult
    /// This document's own syntax tree (partial after errors).
    public let syntax: SyntaxFile
    /// True when the document holds a `journey` (it is checked as a root of its own).
    public let isJourney: Bool
    /// Which analysis this is: a number no other analysis made by the same workspace has, so
    /// what is derived from it can be kept until it is replaced.
    public let generation: Int

    /// Analyses `document`; `loader` reads its includes.
    public init(_ document: OpenDocument, loader: IncludeLoader, limits: Limits = .standard, generation: Int = 0) {
        uri = document.uri
        version = document.version
        self.generation = generation
        switch SourceDecoder.decode(path: document.path, bytes: document.text.utf8, limits: limits) {
        case .failure(let diagnostic):
            // Over the size cap: nothing else is read.
            result = CheckResult(journey: nil, diagnostics: [diagnostic], sources: SourceMap([document.text]), syntax: SyntaxFile(path: document.path, statements: []))
            syntax = result.syntax
            isJourney = false
        case .success(let source):
            let checked = Checker.check(source, limits: limits, loader: loader)
            syntax = checked.syntax
            isJourney = checked.journey != nil
                || syntax.statements.contains { if case .element(let e) = $0 { e.keyword.name == "journey" } else { false } }
            if isJourney {
                // The lint warnings, as `cjm check` prints them after its errors.
                result = Linter.lint(checked, limits: limits)
            } else {
                // A part: its parse problems only, not "the file has no journey".
                let parseOnly = checked.diagnostics.filter { $0.code != .missingJourney }
                result = CheckResult(journey: nil, diagnostics: parseOnly, sources: checked.sources, syntax: checked.syntax)
            }
        }
    }

    /// The file of this document in `result.sources`.
    public var source: SourceFile { result.sources[FileID(0)] }
}
