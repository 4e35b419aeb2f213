/// Collects the diagnostics of one file up to `Limits.maxErrors`, counting the rest, so a
/// hopeless file still gives a short, readable report that says how much was left out.
struct DiagnosticBag {
    let limit: Int
    private(set) var kept: [Diagnostic] = []
    private(set) var leftOut = 0

    init(limit: Int) { self.limit = max(1, limit) }

    /// Whether any error was reported, kept or not.
    var isEmpty: Bool { kept.isEmpty }

    mutating func report(_ diagnostic: Diagnostic) {
        if kept.count < limit { kept.append(diagnostic) } else { leftOut += 1 }
    }

    /// An error at `range`; past the limit only counted (its lines and columns are not looked up).
    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [Diagnostic.Note] = []) {
        guard kept.count < limit else {
            leftOut += 1
            return
        }
        report(.error(code, message, at: range, notes: notes))
    }

    /// The kept diagnostics; when some were left out, the last one carries a note saying how many.
    func finished() -> [Diagnostic] {
        guard leftOut > 0, var last = kept.last else { return kept }
        let what = leftOut == 1 ? "1 more problem was" : "\(leftOut) more problems were"
        last.notes.append(Diagnostic.Note("\(what) found but not shown; the limit is \(limit) per file"))
        var all = kept
        all[all.count - 1] = last
        return all
    }
}
