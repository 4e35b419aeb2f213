import CJMSyntax

/// A number as written: `350`, `3.5`, `40%`, `85 000 ₽`.
public struct Figure: Hashable, Sendable, Codable {
    public var value: Double
    public var isPercent: Bool
    /// The journey's currency, on every sum that is not a percentage, once the journey has one
    /// (so every map and report prints it next to the sum).
    public var currency: Currency?

    public init(_ value: Double, isPercent: Bool = false, currency: Currency? = nil) {
        self.value = value
        self.isPercent = isPercent
        self.currency = currency
    }
}

/// A delay such as `after: 5d`.
public struct Delay: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Unit: String, Sendable, Codable { case minutes = "m", hours = "h", days = "d", weeks = "w" }
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// As written: `5d`, `1.5h`.
    public var description: String {
        SourceNumber.text(value) + unit.rawValue
    }
}
