import CJMSyntax

/// Runs the lint pass over a check result and adds its warnings to the result's diagnostics.
public enum Linter {
    /// The codes of the lint rules (W001–W012), which `Suppressions` reports unused switches of.
    public static let codes: Set<DiagnosticCode> = Set(WarningRule.all.map(\.code)).filter {
        $0.rawValue.hasPrefix("W0") && $0 != .unusedIgnore
    }

    /// `result` with the lint warnings added, in reading order with its other diagnostics:
    /// every finding not switched off, then W013 for the switches that silenced nothing. A
    /// result with errors is returned as it is: its journey is partial, and warnings about the
    /// missing parts would mislead. At most `limits.maxErrors` diagnostics are kept, as for errors.
    public static func lint(_ result: CheckResult, limits: Limits = .standard) -> CheckResult {
        guard !result.hasErrors, let journey = result.journey else { return result }
        var findings = Lints.findings(in: journey)
        // Kept in reading order, so the shown ones are the first in the file.
        findings.sort { a, b in
            a.source.file.index != b.source.file.index ? a.source.file.index < b.source.file.index
                                                       : a.source.startOffset < b.source.startOffset
        }
        var suppressions = Suppressions(result)
        var diagnostics = DiagnosticCollector(limit: limits.maxErrors, sources: result.sources)
        for diagnostic in result.diagnostics { diagnostics.add(diagnostic) }
        var places = DeclarationPlaces(result)
        for finding in findings where !suppressions.silences(finding.code, at: finding.source) {
            guard diagnostics.isAcceptingMore else {
                diagnostics.warning(finding.code, "", at: finding.source)  // counted only
                continue
            }
            let (message, notes) = LintMessages.text(finding)
            diagnostics.warning(finding.code, message, at: places.idRange(of: finding), notes: notes)
        }
        suppressions.reportUnused(checking: codes, unknownWords: true, into: &diagnostics)
        var linted = result
        linted.diagnostics = diagnostics.finished()
        return linted
    }
}

/// Where each finding's element has its id written, looked up only for the findings shown.
private struct DeclarationPlaces {
    let declarations: [DeclaredElement]
    /// Whether all declarations lie in one file, in the order written (a journey without
    /// includes): then a binary search finds an element's own.
    let ordered: Bool

    init(_ result: CheckResult) {
        declarations = result.declarations
        ordered = result.sources.files.count == 1
    }

    /// The id of the finding's element as written (its keyword when it has no id); the start of
    /// the element when it declares nothing (a default phase: the journey's title line).
    mutating func idRange(of finding: LintFinding) -> SourceRange {
        let source = finding.source
        func isOwn(_ declaration: DeclaredElement) -> Bool {
            declaration.range.file == source.file && declaration.range.startOffset >= source.startOffset
                && declaration.range.startOffset < max(source.endOffset, source.startOffset + 1) && declaration.path == finding.subject
        }
        if ordered {
            var low = 0, high = declarations.count
            while low < high {
                let middle = (low + high) / 2
                if declarations[middle].range.startOffset < source.startOffset { low = middle + 1 } else { high = middle }
            }
            // The element's own id comes first within it, before its children's.
            var index = low
            while index < declarations.count, declarations[index].range.startOffset < max(source.endOffset, source.startOffset + 1) {
                if isOwn(declarations[index]) { return declarations[index].range }
                index += 1
                if index - low > 64 { break }
            }
        }
        if let own = declarations.first(where: isOwn) { return own.range }
        return SourceRange(file: source.file, startOffset: source.startOffset, endOffset: source.startOffset)
    }
}
