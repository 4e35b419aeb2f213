import CJMViewGraph

/// Hands out names unique across one SVG document (graph, clusters, nodes, edges), made safe
/// by `SafeIdentifier`: a clash after that gets `-2`, `-3`, ... The map builders' ids are
/// already unique and safe, so this only matters for graphs made elsewhere.
struct SVGIdentifierPool {
    private var taken: Set<String> = []

    mutating func claim(_ raw: String) -> String {
        let base = SafeIdentifier.make(raw)
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }

    /// Space-separated class names, each made safe, empty ones dropped.
    static func classList(_ classes: [String]) -> String {
        classes.flatMap { $0.split(separator: " ") }.map { SafeIdentifier.make(String($0)) }.joined(separator: " ")
    }
}
