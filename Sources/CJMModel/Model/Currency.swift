import CJMSyntax

/// The journey's currency (`currency: RUB`, or set by the marks written after its sums): maps
/// print its symbol after every sum.
public enum Currency: String, Hashable, Sendable, Codable, CaseIterable {
    case rub = "RUB"
    case byn = "BYN"
    case usd = "USD"
    case eur = "EUR"

    /// The symbol printed after a sum: `85 000 ₽`, `350 Br`, `120 $`, `99 €`.
    public var symbol: String {
        switch self {
        case .rub: "₽"
        case .byn: "Br"
        case .usd: "$"
        case .eur: "€"
        }
    }

    /// The currency a mark names on its own; nil for `руб.`, which may be either rouble.
    init?(definite mark: CurrencyMark) {
        switch mark {
        case .rub: self = .rub
        case .byn: self = .byn
        case .usd: self = .usd
        case .eur: self = .eur
        case .rouble: return nil
        }
    }

    /// Whether a sum written with `mark` is in this currency.
    func agrees(with mark: CurrencyMark) -> Bool {
        mark == .rouble ? (self == .rub || self == .byn) : Currency(definite: mark) == self
    }
}
