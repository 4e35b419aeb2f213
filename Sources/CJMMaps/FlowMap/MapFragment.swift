import CJMModel
import CJMViewGraph

/// What one block of the flow map contributes: its clusters, nodes, and the edges inside it
/// that are not journey flows (automation links).
///
/// Each block is built on its own into a fragment, so a block can be laid out alone; the flow
/// map composes them and adds the journey's flows between whatever nodes are present.
struct MapFragment {
    var clusters: [Cluster] = []
    var nodes: [Node] = []
    var edges: [Edge] = []
    var sameRank: [[String]] = []

    var isEmpty: Bool { nodes.isEmpty }

    mutating func append(_ other: MapFragment) {
        clusters += other.clusters
        nodes += other.nodes
        edges += other.edges
        sameRank += other.sameRank
    }
}

/// Where each journey element landed in the map: its node id, kind and count. Flows are
/// resolved through it, so a flow whose element is not drawn simply finds nothing.
struct PlacedElements {
    struct Placed {
        var node: String
        var count: Int?
        var isStage: Bool
        /// Set for won/lost stages.
        var end: Stage.End?
    }

    private var placed: [ElementPath: Placed] = [:]
    /// A block (pipeline, leads, site…) stands for one node as a flow's start and another as its end.
    private var blockAnchors: [ElementPath: (source: String, target: String)] = [:]

    mutating func place(_ path: ElementPath, node: String, count: Int? = nil) {
        placed[path] = Placed(node: node, count: count, isStage: false)
    }

    mutating func place(_ stage: Stage, node: String) {
        placed[stage.path] = Placed(node: node, count: stage.count, isStage: true, end: stage.end)
    }

    mutating func anchor(_ path: ElementPath, source: String, target: String) {
        blockAnchors[path] = (source, target)
    }

    func element(_ path: ElementPath) -> Placed? { placed[path] }

    /// The node a flow leaving `path` starts at.
    func source(_ path: ElementPath) -> String? { placed[path]?.node ?? blockAnchors[path]?.source }
    /// The node a flow into `path` ends at.
    func target(_ path: ElementPath) -> String? { placed[path]?.node ?? blockAnchors[path]?.target }
}
