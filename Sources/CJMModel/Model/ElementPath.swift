/// The qualified name that identifies one element of a checked journey: the ids of the blocks
/// enclosing it, then its own (`repair.invoice`, `repair.invoice.remind`, `search.brand.machines.fast`).
///
/// Elements written without an id get a positional one (`auto1`, `campaign2`) so every element
/// still has a stable path; later stages derive SVG ids and CSS-safe names from it.
public struct ElementPath: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var components: [String]

    public init(_ components: [String]) { self.components = components }
    public init(_ component: String) { self.components = [component] }

    /// The last component: the element's own id.
    public var id: String { components.last ?? "" }
    /// `a.b.c`.
    public var description: String { components.joined(separator: ".") }

    /// The path of the child `component` of this element.
    public func appending(_ component: String) -> ElementPath {
        // Exactly sized: `components + [component]` can leave spare capacity in every path (and
        // every element of a journey has one). Not `Array(unsafeUninitializedCapacity:)`, which
        // looks the array type up in the runtime's metadata cache on every call.
        var result: [String] = []
        result.reserveCapacity(components.count + 1)
        result.append(contentsOf: components)
        result.append(component)
        return ElementPath(result)
    }

    public static func < (lhs: ElementPath, rhs: ElementPath) -> Bool {
        lhs.components.lexicographicallyPrecedes(rhs.components)
    }
}
