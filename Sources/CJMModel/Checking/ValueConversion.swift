import CJMSyntax

/// Caps on numbers, chosen so no figure can blow up a layout (Graphviz 2.42 crashes on an edge
/// weight of 2^30) yet every real business fits.
enum ValueCaps {
    /// Customers, requests, clicks: a billion.
    static let maxCount = 1_000_000_000
    /// Money figures (revenue, profit, average check, lifetime value): 10^15 in any currency.
    static let maxMoney = 1e15
    /// A delay of ten years.
    static let maxDurationDays = 3650.0
}

/// Attribute values → model values, each reporting E031 (wrong type or word), E032 (out of
/// range) or E034 (unsafe URL) at the value.
extension JourneyBuilder {
    /// `count: 420`: a whole number from 0 to `ValueCaps.maxCount`.
    mutating func count(_ attribute: AttributeSyntax?) -> Int? {
        guard let attribute else { return nil }
        if case .money(_, let mark, let range) = attribute.value {
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` counts customers or requests, not money; remove `\(mark.symbol)`", at: range)
            return nil
        }
        guard case .number(let value, let isPercent, let range) = attribute.value, !isPercent else {
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` expects a whole number such as 420", at: attribute.value.range)
            return nil
        }
        return wholeNumber(value, in: 0...ValueCaps.maxCount, name: attribute.name.name, at: range)
    }

    /// `emotion: -1`: a whole number from −2 to 2.
    mutating func emotion(_ attribute: AttributeSyntax?) -> Int? {
        guard let attribute else { return nil }
        if case .money(_, let mark, let range) = attribute.value {
            diagnostics.error(.invalidValue, "`emotion:` is a feeling from -2 to 2, not money; remove `\(mark.symbol)`", at: range)
            return nil
        }
        guard case .number(let value, let isPercent, let range) = attribute.value, !isPercent else {
            diagnostics.error(.invalidValue, "`emotion:` expects a whole number from -2 to 2", at: attribute.value.range)
            return nil
        }
        return wholeNumber(value, in: -2...2, name: "emotion", at: range)
    }

    private mutating func wholeNumber(_ value: Double, in allowed: ClosedRange<Int>, name: String, at range: SourceRange) -> Int? {
        // The number as written: a huge one would otherwise read back as `9.2e+18`.
        var written: String { diagnostics.sources[range.file].text(of: range) }
        guard value.isFinite, value == value.rounded() else {
            diagnostics.error(.valueOutOfRange, "`\(name):` must be a whole number, not \(written)", at: range)
            return nil
        }
        guard value >= Double(allowed.lowerBound), value <= Double(allowed.upperBound) else {
            diagnostics.error(.valueOutOfRange, "`\(name):` must be from \(allowed.lowerBound) to \(allowed.upperBound), not \(written)", at: range)
            return nil
        }
        return Int(value)
    }

    /// `after: 5d`: longer than zero and at most ten years.
    mutating func duration(_ attribute: AttributeSyntax?) -> Delay? {
        guard let attribute else { return nil }
        guard case .duration(let value, let unit, let range) = attribute.value else {
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` expects a duration such as 30m, 2h, 5d or 1w", at: attribute.value.range)
            return nil
        }
        let minutesPerUnit: Double = switch unit {
        case .minutes: 1
        case .hours: 60
        case .days: 1440
        case .weeks: 10080
        }
        guard value.isFinite, value > 0 else {
            diagnostics.error(.valueOutOfRange, "`\(attribute.name.name):` must be longer than zero", at: range)
            return nil
        }
        guard value * minutesPerUnit <= ValueCaps.maxDurationDays * 1440 else {
            diagnostics.error(.valueOutOfRange, "`\(attribute.name.name):` must be at most 10 years (3650d)", at: range)
            return nil
        }
        return Delay(value, Delay.Unit(rawValue: unit.rawValue) ?? .days)
    }

    /// `avg_check: 350`, `profit: 40%`: finite, within ±`ValueCaps.maxMoney`, and not negative
    /// unless `allowsNegative` (a profit may be a loss).
    mutating func money(_ attribute: AttributeSyntax?, allowsNegative: Bool = false) -> Figure? {
        guard let attribute else { return nil }
        let name = attribute.name.name
        let value: Double, isPercent: Bool, range: SourceRange
        switch attribute.value {
        case .number(let number, let percent, let at):
            (value, isPercent, range) = (number, percent, at)
        case .money(let number, let mark, let at):
            (value, isPercent, range) = (number, false, at)
            currencyMarks.append((mark, at))
        default:
            diagnostics.error(.invalidValue, "`\(name):` expects a sum such as 350, 85 000 ₽ or 40%", at: attribute.value.range)
            return nil
        }
        guard value.isFinite, abs(value) <= ValueCaps.maxMoney else {
            diagnostics.error(.valueOutOfRange, "`\(name):` must be at most 10^15 in size", at: range)
            return nil
        }
        guard allowsNegative || value >= 0 else {
            diagnostics.error(.valueOutOfRange, "`\(name):` cannot be negative", at: range)
            return nil
        }
        return Figure(value, isPercent: isPercent)
    }

    /// The journey's currency: `currency:` when written (every mark must agree with it), else
    /// the one the marks name (`руб.` alone means RUB); E035 at each mark that disagrees.
    mutating func journeyCurrency(_ attribute: AttributeSyntax?) -> Currency? {
        var currency: Currency?
        var setBy: (String, SourceRange)?
        if let attribute {
            currency = currencyWord(attribute)
            if let currency { setBy = ("`currency: \(currency.rawValue)`", attribute.value.range) }
        } else if let first = currencyMarks.first(where: { Currency(definite: $0.mark) != nil }) {
            currency = Currency(definite: first.mark)
            setBy = ("the first sum with a currency mark", first.range)
        } else if !currencyMarks.isEmpty {
            currency = .rub
        }
        guard let currency else { return nil }
        for written in currencyMarks where !currency.agrees(with: written.mark) {
            var notes: [(String, SourceRange?)] = []
            if let setBy { notes.append(("the journey's currency is \(currency.rawValue), set by \(setBy.0) here", setBy.1)) }
            diagnostics.error(.currencyMismatch, "this sum is in \(written.mark.symbol), but the journey's currency is \(currency.rawValue) (\(currency.symbol)); a journey has one currency, so write every sum in \(currency.symbol) or without a mark",
                       at: written.range, notes: notes)
        }
        return currency
    }

    /// `currency: RUB` (any case; `"₽"` in quotes too).
    private mutating func currencyWord(_ attribute: AttributeSyntax) -> Currency? {
        let written: String
        switch attribute.value {
        case .reference(let reference) where reference.isBare: written = reference.first
        case .string(let string): written = string.value
        default:
            diagnostics.error(.invalidValue, "`currency:` expects one of: RUB, BYN, USD, EUR", at: attribute.value.range)
            return nil
        }
        if let code = Currency(rawValue: written.uppercased()) { return code }
        if let symbol = Currency.allCases.first(where: { $0.symbol == written }) { return symbol }
        if ["руб", "руб.", "р", "р.", "рубль", "рублей"].contains(written.lowercased()) {
            diagnostics.error(.invalidValue, "`\(written)` can be the Russian or the Belarusian rouble; write currency: RUB or currency: BYN", at: attribute.value.range)
            return nil
        }
        diagnostics.error(.invalidValue, "`\(written)` is not a valid `currency:`", at: attribute.value.range, name: written,
                   suggestingFrom: Currency.allCases.map(\.rawValue), listing: .closedSet("allowed:"))
        return nil
    }

    /// `kind: email`: one of the enumeration's words (a quoted word is accepted too).
    mutating func word<Word: RawRepresentable & CaseIterable>(_ attribute: AttributeSyntax?, as _: Word.Type) -> Word?
    where Word.RawValue == String {
        guard let attribute else { return nil }
        let allowed = Word.allCases.map(\.rawValue)
        let name = attribute.name.name
        let written: String
        switch attribute.value {
        case .reference(let reference) where reference.isBare: written = reference.first
        case .string(let string): written = string.value
        default:
            diagnostics.error(.invalidValue, "`\(name):` expects one of: \(allowed.joined(separator: ", "))", at: attribute.value.range)
            return nil
        }
        if let value = Word(rawValue: written) { return value }
        diagnostics.error(.invalidValue, "`\(written)` is not a valid `\(name):`",
                   at: attribute.value.range, name: written, suggestingFrom: allowed, listing: .closedSet("allowed:"))
        return nil
    }

    /// `url: "https://…"`: a string whose scheme is http, https, mailto or tel, or a relative path.
    mutating func url(_ attribute: AttributeSyntax?) -> String? {
        guard let attribute else { return nil }
        guard case .string(let string) = attribute.value else {
            diagnostics.error(.invalidValue, "`url:` expects a quoted address such as \"https://example.com/\" or \"/repair\"", at: attribute.value.range)
            return nil
        }
        if let problem = URLPolicy.problem(with: string.value) {
            diagnostics.error(.unsafeURL, problem, at: string.range)
            return nil
        }
        return string.value
    }

    /// A single reference (`landing: home`, `phase: purchase`).
    mutating func reference(_ attribute: AttributeSyntax?, from scope: Int, as kind: ElementKind) -> ElementPath? {
        guard let attribute else { return nil }
        guard case .reference(let reference) = attribute.value else {
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` expects the id of \(Expectation.article(kind.rawValue)) \(kind.rawValue), not \(Self.describe(attribute.value))",
                       at: attribute.value.range)
            return nil
        }
        return resolve(reference, from: scope, as: Expectation(place: .attribute(attribute.name.name), kind: .element(kind)))?.path
    }

    /// One reference or a comma-separated list of them (`phase: awareness, purchase`).
    mutating func references(_ attribute: AttributeSyntax?, from scope: Int, as kind: ElementKind) -> [ElementPath] {
        guard let attribute else { return [] }
        let items: [ValueSyntax] = if case .list(let values, _) = attribute.value { values } else { [attribute.value] }
        return items.compactMap { item in
            reference(AttributeSyntax(name: attribute.name, value: item), from: scope, as: kind)
        }
    }

    /// "a list", "a string": for messages about a value of the wrong type.
    static func describe(_ value: ValueSyntax) -> String {
        switch value {
        case .reference: "a word"
        case .string: "a string"
        case .number: "a number"
        case .money: "a sum"
        case .duration: "a duration"
        case .list: "a list"
        }
    }
}
