/// A number spelled the way a journey writes it, for messages that quote the source: `12`,
/// `-1`, `3.5` (a whole number without `.0`). Maps print numbers for readers with `NumberText`.
public enum SourceNumber {
    /// `value` as a journey would write it; whole numbers beyond 10^15 keep Swift's own form
    /// (`1e+20`), since converting them to `Int` could overflow.
    public static func text(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
