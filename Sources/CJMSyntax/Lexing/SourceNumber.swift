/// The one plain spelling of a number: `12`, `-1`, `3.5` (a whole number without `.0`), the
/// way a journey writes it and Graphviz reads it. Messages that quote a number use it, and so
/// do the DOT attributes of the Graphviz stage. Maps print numbers for readers with `NumberText`
/// (grouped digits, decimal comma) and `fmt` keeps a number as written (`NumberSpelling`).
public enum SourceNumber {
    /// `value` as a journey would write it; whole numbers beyond 10^15 keep Swift's own form
    /// (`1e+20`), since converting them to `Int` could overflow.
    public static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
