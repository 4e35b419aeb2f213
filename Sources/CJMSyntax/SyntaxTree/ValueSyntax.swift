/// The value after `name:`.
///
/// Not `indirect`: a list already holds its items through an array, and boxing every value put
/// a heap allocation (and its free) behind each of a 50 MB journey's attributes.
public enum ValueSyntax: Hashable, Sendable {
    /// A bare word or dotted path: an enumerated word (`kind: email`) or a reference (`landing: home`).
    case reference(ReferenceSyntax)
    case string(StringLiteral)
    /// `12`, `-1`, `3.5`, `85 000`, or with `isPercent` `40%` (value 40).
    case number(value: Double, isPercent: Bool, range: SourceRange)
    /// A sum with its currency mark: `85 000 ₽`, `350 руб.`, `120 USD`.
    case money(value: Double, currency: CurrencyMark, range: SourceRange)
    /// `30m`, `2h`, `5d`, `1w`.
    case duration(value: Double, unit: DurationUnit, range: SourceRange)
    /// Comma-separated values: `show: ads, repair`.
    case list([ValueSyntax], range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .reference(let r): r.range
        case .string(let s): s.range
        case .number(_, _, let r), .money(_, _, let r), .duration(_, _, let r), .list(_, let r): r
        }
    }
}

/// The unit letter of a duration literal.
public enum DurationUnit: String, Hashable, Sendable, Codable {
    case minutes = "m"
    case hours = "h"
    case days = "d"
    case weeks = "w"
}
