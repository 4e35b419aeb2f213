import CJMViewGraph

/// Invisible ranking edges that keep the blocks in reading order even where no flow joins
/// them: a page nothing links to would otherwise float to the far left, next to the channels.
enum BlockOrder {
    /// For each block, an edge from every exit of the nearest non-empty block before it to each
    /// of its entries, unless a visible edge already ranks that pair.
    static func edges(_ blocks: [MapFragment], existing: [Edge], ids: inout GraphIdentifiers) -> [Edge] {
        var ranked = Set(existing.filter(\.constraint).map { rankPair($0) })
        var result: [Edge] = []
        var previousExits: [String] = []
        for block in blocks where !block.isEmpty {
            for entry in block.entries {
                for exit in previousExits where exit != entry && !ranked.contains(Pair(from: exit, to: entry)) {
                    ranked.insert(Pair(from: exit, to: entry))
                    result.append(Edge(
                        id: ids.make("order-\(exit)-\(entry)"), from: exit, to: entry, classes: ["layout"],
                        style: EdgeStyle(line: .invisible, arrowHead: .none), weight: 0))
                }
            }
            if !block.exits.isEmpty { previousExits = block.exits }
        }
        return result
    }

    private struct Pair: Hashable {
        var from: String
        var to: String
    }

    /// The pair as `dot` ranks it: a backward edge ranks its head first.
    private static func rankPair(_ edge: Edge) -> Pair {
        edge.rankedBackward ? Pair(from: edge.to, to: edge.from) : Pair(from: edge.from, to: edge.to)
    }
}
