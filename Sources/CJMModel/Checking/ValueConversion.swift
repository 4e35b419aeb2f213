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
        guard case .number(let value, let isPercent, let range) = attribute.value, !isPercent else {
            sink.error(.invalidValue, "`\(attribute.name.name):` expects a whole number such as 420", at: attribute.value.range)
            return nil
        }
        return wholeNumber(value, in: 0...ValueCaps.maxCount, name: attribute.name.name, at: range)
    }

    /// `emotion: -1`: a whole number from −2 to 2.
    mutating func emotion(_ attribute: AttributeSyntax?) -> Int? {
        guard let attribute else { return nil }
        guard case .number(let value, let isPercent, let range) = attribute.value, !isPercent else {
            sink.error(.invalidValue, "`emotion:` expects a whole number from -2 to 2", at: attribute.value.range)
            return nil
        }
        return wholeNumber(value, in: -2...2, name: "emotion", at: range)
    }

    private mutating func wholeNumber(_ value: Double, in allowed: ClosedRange<Int>, name: String, at range: SourceRange) -> Int? {
        guard value.isFinite, value == value.rounded() else {
            sink.error(.valueOutOfRange, "`\(name):` must be a whole number, not \(value)", at: range)
            return nil
        }
        guard value >= Double(allowed.lowerBound), value <= Double(allowed.upperBound) else {
            sink.error(.valueOutOfRange, "`\(name):` must be from \(allowed.lowerBound) to \(allowed.upperBound), not \(Self.plain(value))", at: range)
            return nil
        }
        return Int(value)
    }

    /// `after: 5d`: longer than zero and at most ten years.
    mutating func duration(_ attribute: AttributeSyntax?) -> Delay? {
        guard let attribute else { return nil }
        guard case .duration(let value, let unit, let range) = attribute.value else {
            sink.error(.invalidValue, "`\(attribute.name.name):` expects a duration such as 30m, 2h, 5d or 1w", at: attribute.value.range)
            return nil
        }
        let minutesPerUnit: Double = switch unit {
        case .minutes: 1
        case .hours: 60
        case .days: 1440
        case .weeks: 10080
        }
        guard value.isFinite, value > 0 else {
            sink.error(.valueOutOfRange, "`\(attribute.name.name):` must be longer than zero", at: range)
            return nil
        }
        guard value * minutesPerUnit <= ValueCaps.maxDurationDays * 1440 else {
            sink.error(.valueOutOfRange, "`\(attribute.name.name):` must be at most 10 years (3650d)", at: range)
            return nil
        }
        return Delay(value, Delay.Unit(rawValue: unit.rawValue) ?? .days)
    }

    /// `avg_check: 350`, `profit: 40%`: finite, within ±`ValueCaps.maxMoney`, and not negative
    /// unless `allowsNegative` (a profit may be a loss).
    mutating func money(_ attribute: AttributeSyntax?, allowsNegative: Bool = false) -> Figure? {
        guard let attribute else { return nil }
        let name = attribute.name.name
        guard case .number(let value, let isPercent, let range) = attribute.value else {
            sink.error(.invalidValue, "`\(name):` expects a number such as 350 or 40%", at: attribute.value.range)
            return nil
        }
        guard value.isFinite, abs(value) <= ValueCaps.maxMoney else {
            sink.error(.valueOutOfRange, "`\(name):` must be at most 10^15 in size", at: range)
            return nil
        }
        guard allowsNegative || value >= 0 else {
            sink.error(.valueOutOfRange, "`\(name):` cannot be negative", at: range)
            return nil
        }
        return Figure(value, isPercent: isPercent)
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
            sink.error(.invalidValue, "`\(name):` expects one of: \(allowed.joined(separator: ", "))", at: attribute.value.range)
            return nil
        }
        if let value = Word(rawValue: written) { return value }
        sink.error(.invalidValue, "`\(written)` is not a valid `\(name):`",
                   at: attribute.value.range, name: written, suggestingFrom: allowed, listing: .closedSet("allowed:"))
        return nil
    }

    /// `url: "https://…"`: a string whose scheme is http, https, mailto or tel, or a relative path.
    mutating func url(_ attribute: AttributeSyntax?) -> String? {
        guard let attribute else { return nil }
        guard case .string(let string) = attribute.value else {
            sink.error(.invalidValue, "`url:` expects a quoted address such as \"https://example.com/\" or \"/repair\"", at: attribute.value.range)
            return nil
        }
        if let problem = URLPolicy.problem(with: string.value) {
            sink.error(.unsafeURL, problem, at: string.range)
            return nil
        }
        return string.value
    }

    /// A single reference (`landing: home`, `phase: purchase`).
    mutating func reference(_ attribute: AttributeSyntax?, from scope: Int, as kind: ElementKind) -> ElementPath? {
        guard let attribute else { return nil }
        guard case .reference(let reference) = attribute.value else {
            sink.error(.invalidValue, "`\(attribute.name.name):` expects the id of \(Expectation.article(kind.rawValue)) \(kind.rawValue), not \(Self.describe(attribute.value))",
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
        case .duration: "a duration"
        case .list: "a list"
        }
    }

    /// `12` rather than `12.0`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
