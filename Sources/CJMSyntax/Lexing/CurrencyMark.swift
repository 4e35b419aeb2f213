/// A currency mark written after a sum (`85 000 ₽`, `350 руб.`, `120 USD`): which currencies it
/// can mean. `cjm fmt` keeps the mark as written; the checker matches it with the journey's
/// `currency:`.
public enum CurrencyMark: UInt8, Hashable, Sendable, Codable {
    /// `₽`, `RUB`: the Russian rouble.
    case rub
    /// `руб.`, `р.`: a rouble, Russian or Belarusian; it agrees with `RUB` and `BYN`.
    case rouble
    /// `Br`, `BYN`: the Belarusian rouble.
    case byn
    /// `$`, `USD`.
    case usd
    /// `€`, `EUR`.
    case eur

    /// The mark as messages show it.
    public var symbol: String {
        switch self {
        case .rub: "₽"
        case .rouble: "руб."
        case .byn: "Br"
        case .usd: "$"
        case .eur: "€"
        }
    }

    /// The mark a written word stands for (`руб`, `RUB`, `usd`, any case), nil for other words.
    static func word(_ text: String) -> CurrencyMark? {
        switch text.lowercased() {
        case "rub": .rub
        case "руб", "р": .rouble
        case "br", "byn": .byn
        case "usd": .usd
        case "eur": .eur
        default: nil
        }
    }

    /// True for the words that take a full stop as part of the mark (`руб.`, `р.`).
    static func takesFullStop(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower == "руб" || lower == "р"
    }
}
