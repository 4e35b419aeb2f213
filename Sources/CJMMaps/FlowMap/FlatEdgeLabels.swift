import CJMViewGraph

/// Keeps labels off edges that `dot` may draw within one rank.
///
/// Graphviz 2.43 (Debian 12) aborts with a double free laying out a labelled edge between two
/// nodes on the same rank when clusters are involved (measured: the online-store template, and
/// a labelled `constraint=false` edge between the first stages of two pipelines). Such an edge
/// keeps its line and its tooltip, which already carries the label text; the legend names its
/// line style.
enum FlatEdgeLabels {
    static func unlabelled(_ edges: [Edge], sameRank: [[String]]) -> [Edge] {
        var rankSet: [String: Int] = [:]
        for (index, set) in sameRank.enumerated() { for id in set { rankSet[id] = index } }
        return edges.map { edge in
            guard edge.label != nil else { return edge }
            let sameRankSet = rankSet[edge.from].map { $0 == rankSet[edge.to] } ?? false
            guard !edge.constraint || sameRankSet else { return edge }
            var edge = edge
            if edge.tooltip == nil { edge.tooltip = edge.label }
            edge.label = nil
            return edge
        }
    }
}
