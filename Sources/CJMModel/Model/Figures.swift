/// A number as written: `350`, `3.5`, `40%`.
public struct Figure: Hashable, Sendable, Codable {
    public var value: Double
    public var isPercent: Bool

    public init(_ value: Double, isPercent: Bool = false) {
        self.value = value
        self.isPercent = isPercent
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
        let number = value == value.rounded() ? String(Int(value)) : String(value)
        return number + unit.rawValue
    }
}
