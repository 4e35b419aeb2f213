/// Hands out names that are unique in one graph and safe by `SafeIdentifier`'s rule: a name
/// that clashes after that gets `-2`, `-3`… in the order asked. The map builders ask in the
/// journey's written order, so the names are stable across runs; the Graphviz stage asks
/// again for every element of the graph it is given.
public struct UniqueIdentifiers: Sendable {
    private var used: Set<String> = []

    /// An empty set: no name handed out yet.
    public init() {}

    /// A fresh name made from `raw`, made safe and unique.
    public mutating func make(_ raw: String) -> String {
        let base = SafeIdentifier.make(raw)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }
}
