import CJMSyntax

/// The warnings a journey switches off: for the whole journey (`lint ignore: W012`) or for one
/// element (`# cjm-ignore W012` on the line before it or at the end of its line), and which of
/// those switches were needed.
///
/// Every stage that warns filters its warnings through one of these, and then reports the
/// switches of its own rules that silenced nothing (W013): a switch for a rule that did not
/// run (a legibility rule, during `cjm lint`) is not called unused.
public struct Suppressions: Sendable {
    private struct Entry: Sendable {
        var code: DiagnosticCode
        var word: String
        /// Where the rule is named.
        var source: SourceRange
        /// The line a comment silences; nil for the whole journey.
        var line: Int?
        var used = false
    }

    private struct LineKey: Hashable {
        var file: Int
        var line: Int
        var code: DiagnosticCode
    }

    private let sources: SourceMap
    private var entries: [Entry] = []
    private var journeyWide: [DiagnosticCode: [Int]] = [:]
    private var byLine: [LineKey: [Int]] = [:]
    /// Words of `cjm-ignore` comments that name no rule.
    private var unknownWords: [(word: String, source: SourceRange)] = []

    /// The switches of `result`'s journey and of the comments of its files.
    public init(_ result: CheckResult) {
        sources = result.sources
        for ignore in result.journey?.lint.ignored ?? [] {
            journeyWide[ignore.code, default: []].append(entries.count)
            entries.append(Entry(code: ignore.code, word: ignore.code.rawValue, source: ignore.source, line: nil))
        }
        for comment in result.comments {
            guard let items = IgnoreComment.items(comment) else { continue }
            let line = IgnoreComment.targetLine(of: comment, in: sources[comment.range.file])
            for item in items {
                guard let rule = WarningRule.named(item.word) else {
                    unknownWords.append((item.word, item.range))
                    continue
                }
                byLine[LineKey(file: comment.range.file.index, line: line, code: rule.code), default: []].append(entries.count)
                entries.append(Entry(code: rule.code, word: item.word, source: item.range, line: line))
            }
        }
    }

    /// Whether a warning of `code` about the element written at `range` is switched off; the
    /// switches that silence it are marked as used.
    public mutating func silences(_ code: DiagnosticCode, at range: SourceRange) -> Bool {
        var silenced = false
        if let indices = journeyWide[code] {
            for index in indices { entries[index].used = true }
            silenced = true
        }
        if !byLine.isEmpty {
            let line = sources[range.file].location(at: range.startOffset).line
            if let indices = byLine[LineKey(file: range.file.index, line: line, code: code)] {
                for index in indices { entries[index].used = true }
                silenced = true
            }
        }
        return silenced
    }

    /// `diagnostics` without the warnings that are switched off (for stages whose warnings are
    /// already worked out); errors always stay.
    public mutating func filter(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.filter { diagnostic in
            guard diagnostic.severity == .warning, let file = sources.file(path: diagnostic.range.file) else { return true }
            let range = SourceRange(file: file.id, startOffset: diagnostic.range.start.offset, endOffset: diagnostic.range.end.offset)
            return !silences(diagnostic.code, at: range)
        }
    }

    /// W013 for every switch of one of `codes` that silenced nothing, and (with
    /// `unknownWords`, which one stage of a run asks for) for every comment word that names no
    /// rule at all, in the order written.
    package func reportUnused(checking codes: Set<DiagnosticCode>, unknownWords: Bool, into diagnostics: inout DiagnosticCollector) {
        for entry in entries where !entry.used && codes.contains(entry.code) {
            let written = entry.line == nil ? "`lint ignore: \(entry.word)`" : "`# cjm-ignore \(entry.word)`"
            let place = entry.line == nil ? "in this journey" : "on line \(entry.line!)"
            diagnostics.warning(.unusedIgnore, "\(written) silences nothing: there is no \(entry.code.rawValue) warning \(place)", at: entry.source,
                              notes: [("remove it, or it will hide the next real warning", nil)])
        }
        for (word, source) in self.unknownWords where unknownWords {
            var message = "`# cjm-ignore \(word)` names no warning rule"
            if let guess = NameSuggestion.closest(to: word, among: WarningRule.words) { message += "; did you mean `\(guess)`?" }
            diagnostics.warning(.unusedIgnore, message, at: source, notes: [("`cjm lint --list` lists the rules", nil)])
        }
    }
}
