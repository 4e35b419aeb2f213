import CJMSyntax

/// `lint …` and `figures "…"`: the journey's lint configuration and its CSV of figures.
extension JourneyBuilder {
    /// `lint ignore: W012, empty-phase min_conversion: 20%`. A journey may write several `lint`
    /// lines; their `ignore:` lists add up, `min_conversion:` is given at most once.
    mutating func buildLint(_ element: ElementSyntax, _ rule: ElementRule) {
        let a = shape(of: element, rule).attributes
        if let attribute = a["ignore"] {
            let items: [ValueSyntax] = if case .list(let values, _) = attribute.value { values } else { [attribute.value] }
            for item in items {
                if let code = ignoredRule(item) { lint.ignored.append(LintSettings.Ignore(code: code, source: item.range)) }
            }
        }
        if let attribute = a["min_conversion"] {
            if let first = minConversionSource {
                diagnostics.error(.duplicateAttribute, "`min_conversion:` is given twice", at: attribute.name.range,
                           notes: [("first given here", first)])
            } else if let value = percentage(attribute) {
                minConversionSource = attribute.name.range
                lint.minConversion = value
            }
        }
    }

    /// The warning rule an `ignore:` item names (by code or name); E031 otherwise.
    private mutating func ignoredRule(_ item: ValueSyntax) -> DiagnosticCode? {
        guard case .reference(let reference) = item, reference.isBare else {
            diagnostics.error(.invalidValue, "`ignore:` expects warning codes or names such as W012 or unpromoted-page", at: item.range)
            return nil
        }
        let word = reference.first
        if let rule = WarningRule.named(word) { return rule.code }
        if DiagnosticCode(rawValue: word.uppercased()) != nil {
            diagnostics.error(.invalidValue, "`\(word)` is an error, and errors cannot be ignored; only warnings (W…) can", at: item.range)
            return nil
        }
        diagnostics.error(.invalidValue, "`\(word)` names no warning rule (`cjm lint --list` lists them)", at: item.range,
                   name: word, suggestingFrom: WarningRule.words)
        return nil
    }

    /// `min_conversion: 20%`: a percentage from 0% to 100%.
    private mutating func percentage(_ attribute: AttributeSyntax) -> Double? {
        guard case .number(let value, let isPercent, let range) = attribute.value, isPercent else {
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` expects a percentage such as 20%", at: attribute.value.range)
            return nil
        }
        guard value.isFinite, value >= 0, value <= 100 else {
            diagnostics.error(.valueOutOfRange, "`\(attribute.name.name):` must be from 0% to 100%", at: range)
            return nil
        }
        return value
    }

    /// `figures "counts.csv"`: at most one per journey; the file is read after the build.
    mutating func buildFigures(_ element: ElementSyntax, _ rule: ElementRule) {
        _ = shape(of: element, rule)
        guard let name = element.label else { return }
        if let first = figuresReference {
            diagnostics.error(.duplicateElement, "a journey has at most one `figures`", at: element.keyword.range,
                       notes: [("the first `figures` is here", first.source)])
            return
        }
        guard !name.value.isEmpty else {
            diagnostics.error(.figuresNotFound, "`figures` needs a file name, not an empty string", at: name.range)
            return
        }
        figuresReference = FiguresReference(path: name.value, source: name.range)
    }
}
