/// Collects the diagnostics of one compile, with the `SourceMap` their places are looked up in.
///
/// Keeps at most `limit` of them, so a hostile file with a million mistakes cannot flood the
/// terminal or memory, and counts the rest; the last kept one then carries a note saying how
/// many were left out. Every stage of one compile (lexer, parser, include expansion, checker)
/// reports into the same collector, and its files are added to `sources` as they are read.
package struct DiagnosticCollector: Sendable {
    /// Every file read so far; a range reported must point into one of them.
    package var sources: SourceMap
    /// Most diagnostics kept (at least 1).
    package let limit: Int
    private var kept: [Diagnostic] = []
    private var leftOut = 0
    /// Errors reported, kept or not.
    package private(set) var errorCount = 0
    /// Warnings reported, kept or not.
    package private(set) var warningCount = 0

    /// A collector of at most `limit` diagnostics about `sources`.
    package init(limit: Int, sources: SourceMap = SourceMap()) {
        self.limit = max(1, limit)
        self.sources = sources
    }

    /// True when nothing at all was reported, of any severity.
    package var isEmpty: Bool { kept.isEmpty && leftOut == 0 }

    /// False once the cap is reached: callers may skip costly work (name suggestions) then.
    package var isAcceptingMore: Bool { kept.count < limit }

    /// Adds a diagnostic whose places are already worked out.
    package mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 } else { warningCount += 1 }
        if isAcceptingMore { kept.append(diagnostic) } else { leftOut += 1 }
    }

    /// An error at `range`, with notes at their own ranges (or none); past the limit only
    /// counted, its places not looked up.
    package mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                                notes: [(String, SourceRange?)] = []) {
        report(.error, code, message, at: range, notes: notes)
    }

    /// A warning at `range`, with notes at their own ranges (or none); past the limit only
    /// counted, its places not looked up. Warnings share the limit with errors.
    package mutating func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                                  notes: [(String, SourceRange?)] = []) {
        report(.warning, code, message, at: range, notes: notes)
    }

    private mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at range: SourceRange,
                                 notes: [(String, SourceRange?)]) {
        guard isAcceptingMore else {
            if severity == .error { errorCount += 1 } else { warningCount += 1 }
            leftOut += 1
            return
        }
        add(Diagnostic(severity, code, message, at: sources.span(range),
                       notes: notes.map { Diagnostic.Note($0.0, at: $0.1.map(sources.span)) }))
    }

    /// `error`, adding "did you mean `x`?" when a name among `candidates` is close to `name`,
    /// and with `listing` the candidates themselves before it ("… (phases: `a`, `b`); did you
    /// mean `a`?"). Callers gather `candidates` only while `isAcceptingMore`: the message would
    /// be dropped.
    package mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, name: String,
                                suggestingFrom candidates: [String], listing: NameListing? = nil) {
        var text = message
        if isAcceptingMore {
            if let listing { text += " " + listing.text(candidates) }
            if let guess = NameSuggestion.closest(to: name, among: candidates) { text += "; did you mean `\(guess)`?" }
        }
        error(code, text, at: range)
    }

    /// The kept diagnostics in reading order (each file's by position, files in the order
    /// read: passes find problems out of order); when some were left out, the last one carries
    /// a note saying how many.
    package func finished() -> [Diagnostic] {
        var fileRank: [String: Int] = [:]
        for file in sources.files where fileRank[file.path] == nil { fileRank[file.path] = fileRank.count }
        func rank(_ diagnostic: Diagnostic) -> Int { fileRank[diagnostic.range.file] ?? fileRank.count }
        var all = kept.enumerated().sorted { a, b in
            let (rankA, rankB) = (rank(a.element), rank(b.element))
            if rankA != rankB { return rankA < rankB }
            if a.element.range.start.offset != b.element.range.start.offset {
                return a.element.range.start.offset < b.element.range.start.offset
            }
            return a.offset < b.offset
        }.map(\.element)
        guard leftOut > 0, var last = all.last else { return all }
        let what = leftOut == 1 ? "1 more problem was" : "\(leftOut) more problems were"
        last.notes.append(Diagnostic.Note("\(what) found but not shown; the limit is \(limit) per run"))
        all[all.count - 1] = last
        return all
    }
}
