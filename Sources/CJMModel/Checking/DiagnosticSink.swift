import CJMSyntax

/// Collects the problems of one check run, keeping at most `limit` of them so a hostile file
/// with a million mistakes cannot flood the terminal or memory; `errorCount` keeps counting.
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var errorCount = 0
    private(set) var leftOut = 0
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    /// True when nothing at all was reported (nor left out over the limit), of any severity.
    var isEmpty: Bool { diagnostics.isEmpty && leftOut == 0 }

    /// False once the cap is reached: callers may skip costly work (name suggestions) then.
    var isAcceptingMore: Bool { diagnostics.count < limit }

    mutating func add(_ diagnostic: Diagnostic) {
        if diagnostic.severity == .error { errorCount += 1 }
        if diagnostics.count < limit { diagnostics.append(diagnostic) } else { leftOut += 1 }
    }

    /// The kept diagnostics; when some were left out, the last carries a note saying how many
    /// (worded as the parser words it).
    func finished() -> [Diagnostic] {
        var all = Self.inReadingOrder(diagnostics)
        guard leftOut > 0, var last = all.last else { return all }
        let what = leftOut == 1 ? "1 more problem was" : "\(leftOut) more problems were"
        last.notes.append(Diagnostic.Note("\(what) found but not shown; the limit is \(limit) per run"))
        all[all.count - 1] = last
        return all
    }

    /// Passes find problems out of order (structure before references); a reader goes top to
    /// bottom, so each file's problems are sorted by position, files in the order first met.
    private static func inReadingOrder(_ found: [Diagnostic]) -> [Diagnostic] {
        var fileRank: [String: Int] = [:]
        for diagnostic in found where fileRank[diagnostic.range.file] == nil {
            fileRank[diagnostic.range.file] = fileRank.count
        }
        return found.enumerated().sorted { a, b in
            let (fileA, fileB) = (fileRank[a.element.range.file]!, fileRank[b.element.range.file]!)
            if fileA != fileB { return fileA < fileB }
            if a.element.range.start.offset != b.element.range.start.offset { return a.element.range.start.offset < b.element.range.start.offset }
            return a.offset < b.offset
        }.map(\.element)
    }

    mutating func add(contentsOf list: [Diagnostic]) {
        for diagnostic in list { add(diagnostic) }
    }

    /// An error at `range`; past the limit only counted (its lines and columns are not looked up).
    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        guard isAcceptingMore else {
            errorCount += 1
            leftOut += 1
            return
        }
        add(.error(code, message, at: range, notes: notes))
    }

    /// Appends "did you mean `x`?" when a close name exists. Callers gather `candidates` only
    /// while `isAcceptingMore`, since the message would be dropped anyway.
    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, name: String,
                        suggestingFrom candidates: [String]) {
        var text = message
        if isAcceptingMore, let guess = NameSuggestion.closest(to: name, among: candidates) {
            text += "; did you mean `\(guess)`?"
        }
        error(code, text, at: range)
    }
}
