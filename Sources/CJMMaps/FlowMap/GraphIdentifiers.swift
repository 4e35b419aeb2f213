import CJMModel
import CJMViewGraph

/// Hands out ids for nodes, edges and clusters that are unique in one graph and stable across
/// runs: derived from journey ids, never from counters over unordered collections
/// (`UniqueIdentifiers`, asked in the journey's written order).
public struct GraphIdentifiers: Sendable {
    private var names = UniqueIdentifiers()

    /// An empty set: no id handed out yet.
    public init() {}

    /// A fresh id `prefix-a-b-c` for the element at `path`.
    public mutating func make(_ prefix: String, _ path: ElementPath) -> String {
        make(([prefix] + path.components).joined(separator: "-"))
    }

    /// A fresh id made from `raw`, made safe and unique.
    public mutating func make(_ raw: String) -> String {
        names.make(raw)
    }
}
