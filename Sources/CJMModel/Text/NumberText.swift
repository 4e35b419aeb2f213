
/// Numbers as Russian-speaking readers write them: thousands grouped by a no-break space
/// (`12 500`), a decimal comma (`3,5`), percent signs without a space (`68%`).
///
/// The no-break space keeps a number on one line when `WordWrapper` wraps the label around it.
public enum NumberText {
    /// The grouping separator: U+00A0, which every font with Cyrillic (DejaVu Sans) draws.
    public static let groupSeparator = "\u{00A0}"

    /// `1234567` → `1 234 567`, `-1500` → `-1 500`.
    public static func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: groupSeparator)
    }

    /// A score with its sign, the minus a true one (U+2212): `+2`, `0`, `−1`.
    public static func signed(_ value: Int) -> String {
        value > 0 ? "+" + integer(value) : value < 0 ? "\u{2212}" + integer(value).dropFirst() : "0"
    }

    /// A decimal with at most `fractionDigits` digits after `mark` (a comma; a map of an
    /// English journey passes a point), trailing zeros dropped: `3.5` → `3,5`, `1200.0` →
    /// `1 200`, `0.125` (2 digits) → `0,13`.
    public static func decimal(_ value: Double, fractionDigits: Int = 2, mark: String = ",") -> String {
        guard value.isFinite else { return String(value) }
        var scale = 1.0
        for _ in 0..<max(0, fractionDigits) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        var fraction = Int(scaled - Double(whole) * scale)
        var fractionText = ""
        if fraction > 0 {
            var digits = max(0, fractionDigits)
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let raw = String(fraction)
            fractionText = mark + String(repeating: "0", count: max(0, digits - raw.count)) + raw
        }
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return sign + integer(whole) + fractionText
    }

    /// A figure as written: `350` → `350`, `40%` → `40%`, `1.5` → `1,5`; a sum with its
    /// currency after a no-break space: `85 000 ₽`.
    public static func figure(_ figure: Figure, mark: String = ",") -> String {
        decimal(figure.value, mark: mark) + (figure.isPercent ? "%" : "") + (figure.currency.map { "\u{00A0}" + $0.symbol } ?? "")
    }

    /// The share `part / whole` as a percentage: whole percents from 10% up, one decimal below
    /// (`4,5%`) so small conversions do not all read `0%`. Nil when `whole` is not positive.
    public static func percent(_ part: Int, of whole: Int, mark: String = ",") -> String? {
        guard whole > 0 else { return nil }
        let value = Double(part) * 100 / Double(whole)
        return decimal(value, fractionDigits: value < 10 ? 1 : 0, mark: mark) + "%"
    }

    // MARK: Reading numbers as exports write them

    /// `1200`, `1 200`, `1 200` (no-break or narrow no-break space): a whole number of at
    /// most 12 digits with digits grouped by spaces, or nil.
    public static func wholeNumber(_ text: String) -> Int? {
        let digits = text.unicodeScalars.filter { !isGroupSpace($0) }
        guard !digits.isEmpty, digits.count <= 12, digits.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Int(String(String.UnicodeScalarView(digits)))
    }

    /// `125000`, `1 250,50`, `1250.5`: a number that is not negative, digits grouped by spaces,
    /// a decimal comma or point; nil otherwise.
    public static func unsignedDecimal(_ text: String) -> Double? {
        var scalars = String.UnicodeScalarView(text.unicodeScalars.filter { !isGroupSpace($0) })
        scalars = String.UnicodeScalarView(scalars.map { $0 == "," ? "." : $0 })
        let plain = String(scalars)
        guard !plain.isEmpty, plain.filter({ $0 == "." }).count <= 1, plain.first != ".", plain.last != ".",
              plain.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }), let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    /// A space, a no-break space or a narrow no-break space: how exports group digits.
    public static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }
}
