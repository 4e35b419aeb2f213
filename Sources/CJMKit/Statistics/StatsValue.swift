import CJMModel
import CJMSyntax

/// One cell of a stats table, kept as a value so each output format writes it its own way:
/// the table as readers write numbers (`1 200`, `67,8%`, `85 000 ₽`), JSON and CSV as plain
/// numbers (JSON names the currency once, at the top).
enum StatsValue: Equatable {
    case text(String)
    case count(Int)
    /// A percentage (0–100).
    case percent(Double)
    /// A sum of money (with the journey's currency) or another figure as written.
    case figure(Figure)
    /// A mean emotion (−2…+2).
    case score(Double)
    /// Nothing to show: a figure that is not given or cannot be worked out.
    case none

    /// As the aligned table shows it.
    var tableText: String {
        switch self {
        case .text(let text): text
        case .count(let value): NumberText.integer(value)
        case .percent(let value): NumberText.decimal(value, fractionDigits: 1) + "%"
        case .figure(let figure): NumberText.figure(figure)
        case .score(let value): (value > 0 ? "+" : "") + NumberText.decimal(value, fractionDigits: 2)
        case .none: "—"
        }
    }

    /// As JSON: a string, a number (percentages in percent, rounded to 0.01) or null.
    var jsonText: String {
        switch self {
        case .text(let text): JSONText.quoted(text)
        case .none: "null"
        default: plainNumber
        }
    }

    /// As a CSV cell: numbers with a decimal point and no grouping, empty for none.
    var csvText: String {
        switch self {
        case .text(let text): text
        case .none: ""
        default: plainNumber
        }
    }

    private var plainNumber: String {
        switch self {
        case .count(let value): String(value)
        case .percent(let value), .score(let value): Self.plain(value)
        case .figure(let figure): Self.plain(figure.value)
        case .text, .none: ""
        }
    }

    /// At most two decimals, trailing zeros dropped, `.` as the point: `67.78`, `350`.
    private static func plain(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths / 100)
        let fraction = Int(abs(hundredths).truncatingRemainder(dividingBy: 100))
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        guard fraction > 0 else { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }
}

extension StatsValue {
    /// `.count` of a given count, `.none` otherwise (and the same for the other kinds).
    static func count(_ value: Int?) -> StatsValue { value.map { .count($0) } ?? .none }
    static func percent(_ value: Double?) -> StatsValue { value.map { .percent($0) } ?? .none }
    static func figure(_ value: Figure?) -> StatsValue { value.map { .figure($0) } ?? .none }
}
