import CJMModel
import CJMViewGraph

/// Hands out ids for nodes, edges and clusters that are unique in one graph and stable across
/// runs: derived from journey ids, never from counters over unordered collections.
///
/// Ids become SVG element ids, so they follow `SafeIdentifier`'s rule. A clash after that gets
/// `-2`, `-3`… in the order asked, which is the journey's written order.
public struct GraphIdentifiers: Sendable {
    private var used: Set<String> = []

    /// An empty set: no id handed out yet.
    public init() {}

    /// A fresh id `prefix-a-b-c` for the element at `path`.
    public mutating func make(_ prefix: String, _ path: ElementPath) -> String {
        make(([prefix] + path.components).joined(separator: "-"))
    }

    /// A fresh id made from `raw`, sanitised and made unique.
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
