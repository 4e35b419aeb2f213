import CJMViewGraph

/// The caps that need no Graphviz: checked in `cjm` before a worker is started and again in
/// the worker before layout, so a request that cannot succeed costs nothing.
enum RequestCheck {
    static func validate(_ request: RenderRequest) throws(RenderFailure) {
        guard request.dpi.isFinite, RenderCaps.dpi.contains(request.dpi) else { throw .dpiOutOfRange(request.dpi) }
        if let problem = request.page.problem { throw .invalidPageSetup(problem) }
        if request.page.tile != nil && request.format != .pdf {
            throw .invalidPageSetup("--tile makes a multi-page PDF poster, not \(request.format.rawValue.uppercased()); use -f pdf or -o FILE.pdf")
        }
        try validate(size: request.graph)
    }

    /// Each graph within the caps of one `dot` layout, and all of them together within those
    /// of one pinned graph (which is what they are composed into).
    static func validate(layouts graphs: [ViewGraph]) throws(RenderFailure) {
        for graph in graphs { try validate(size: graph) }
        try validate(nodes: graphs.reduce(0) { $0 + $1.nodes.count }, edges: graphs.reduce(0) { $0 + $1.edges.count },
                     clusters: graphs.reduce(0) { $0 + $1.clusters.count }, layout: .pinned)
    }

    private static func validate(size graph: ViewGraph) throws(RenderFailure) {
        try validate(nodes: graph.nodes.count, edges: graph.edges.count, clusters: graph.clusters.count, layout: graph.layout)
    }

    private static func validate(nodes: Int, edges: Int, clusters: Int, layout: Layout) throws(RenderFailure) {
        let limits = RenderCaps.limits(for: layout)
        guard nodes <= limits.nodes else { throw .graphTooLarge(what: "nodes", count: nodes, limit: limits.nodes) }
        guard edges <= limits.edges else { throw .graphTooLarge(what: "edges", count: edges, limit: limits.edges) }
        guard clusters <= limits.clusters else { throw .graphTooLarge(what: "clusters", count: clusters, limit: limits.clusters) }
    }
}
