/// The caps that need no Graphviz: checked in `cjm` before a worker is started and again in
/// the worker before layout, so a request that cannot succeed costs nothing.
enum RequestCheck {
    static func validate(_ request: RenderRequest) throws(RenderFailure) {
        guard request.dpi.isFinite, RenderCaps.dpi.contains(request.dpi) else { throw .dpiOutOfRange(request.dpi) }
        if let problem = request.page.problem { throw .invalidPageSetup(problem) }
        if request.page.tile != nil && request.format != .pdf {
            throw .invalidPageSetup("--tile makes a multi-page PDF poster, not \(request.format.rawValue.uppercased()); use -f pdf or -o FILE.pdf")
        }
        let graph = request.graph
        guard graph.nodes.count <= RenderCaps.maxNodes else {
            throw .graphTooLarge(what: "nodes", count: graph.nodes.count, limit: RenderCaps.maxNodes)
        }
        guard graph.edges.count <= RenderCaps.maxEdges else {
            throw .graphTooLarge(what: "edges", count: graph.edges.count, limit: RenderCaps.maxEdges)
        }
        guard graph.clusters.count <= RenderCaps.maxClusters else {
            throw .graphTooLarge(what: "clusters", count: graph.clusters.count, limit: RenderCaps.maxClusters)
        }
    }
}
