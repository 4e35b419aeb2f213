import CGraphviz

/// A cgraph root graph owned by Swift: closed with `agclose` when released. Builds
/// subgraphs, nodes and edges through the API (never DOT text) and sets attributes that
/// were declared first with a default, as cgraph requires.
final class CGraph {
    /// The objects attributes belong to.
    enum Kind: Hashable {
        case graph, node, edge

        var index: Int {
            switch self {
            case .graph: 0
            case .node: 1
            case .edge: 2
            }
        }

        var cValue: Int32 {
            switch self {
            case .graph: cjm_kind_graph()
            case .node: cjm_kind_node()
            case .edge: cjm_kind_edge()
            }
        }
    }

    typealias Graph = UnsafeMutablePointer<Agraph_t>
    typealias Node = UnsafeMutablePointer<Agnode_t>
    typealias Edge = UnsafeMutablePointer<Agedge_t>

    let root: Graph
    /// Declared attributes by kind (graph, node, edge), searched in order: a few dozen short
    /// names, which compare faster than they hash.
    private var symbols: [[(name: String, symbol: UnsafeMutablePointer<Agsym_t>)]] = [[], [], []]
    private var closesOnRelease = true

    /// An empty directed graph named `name` (a generated, comment-safe name).
    init(name: String) throws(RenderFailure) {
        guard let root = cjm_open_directed(name) else { throw Self.failure("could not open a graph") }
        self.root = root
    }

    deinit { if closesOnRelease { agclose(root) } }

    /// Leaves the graph open when released: a layout still attached must not be closed under
    /// (see `GraphvizContext.withLayout`); the worker's exit reclaims it.
    func keepOpen() { closesOnRelease = false }

    /// Declares `name` for every object of `kind` with the value objects get unless set.
    func declare(_ kind: Kind, _ name: String, default value: String) throws(RenderFailure) {
        guard let symbol = cjm_declare(root, kind.cValue, name, value) else {
            throw Self.failure("could not declare attribute \(name)")
        }
        if let known = symbols[kind.index].firstIndex(where: { $0.name == name }) {
            symbols[kind.index][known].symbol = symbol
        } else {
            symbols[kind.index].append((name, symbol))
        }
    }

    /// Sets a declared attribute of a graph, subgraph, node or edge. A node or edge that still
    /// has the declared default and is given it again is left alone (`cjm_set`).
    func set(_ object: UnsafeMutableRawPointer, _ kind: Kind, _ name: String, _ value: String) throws(RenderFailure) {
        guard let symbol = symbols[kind.index].first(where: { $0.name == name })?.symbol else {
            throw .invalidGraph("attribute \(name) was set before it was declared")
        }
        // withCString hands out a native string's own storage; the implicit conversion copies it.
        guard value.withCString({ cjm_set(object, symbol, $0) }) == 0 else { throw Self.failure("could not set attribute \(name)") }
    }

    /// The subgraph `name` of `parent`, created when missing.
    func subgraph(of parent: Graph, named name: String) throws(RenderFailure) -> Graph {
        guard let subgraph = cjm_subgraph(parent, name) else { throw Self.failure("could not create subgraph \(name)") }
        return subgraph
    }

    /// The node `name` in `graph` (and so in the root), created when missing.
    func node(in graph: Graph, named name: String) throws(RenderFailure) -> Node {
        guard let node = cjm_node(graph, name) else { throw Self.failure("could not create node \(name)") }
        return node
    }

    /// Makes an existing node a member of `subgraph` as well.
    func add(_ node: Node, to subgraph: Graph) throws(RenderFailure) {
        guard agsubnode(subgraph, node, 1) != nil else { throw Self.failure("could not add a node to a subgraph") }
    }

    /// A new edge from `tail` to `head`.
    func edge(from tail: Node, to head: Node) throws(RenderFailure) -> Edge {
        guard let edge = cjm_edge(root, tail, head) else { throw Self.failure("could not create an edge") }
        return edge
    }

    /// A graph attribute of the root, as Graphviz holds it (e.g. `bb` after layout).
    func rootAttribute(_ name: String) -> String? {
        cjm_get(UnsafeMutableRawPointer(root), name).map { String(cString: $0) }
    }

    private static func failure(_ what: String) -> RenderFailure {
        let said = GraphvizMessages.take()
        return .graphviz(said.isEmpty ? what : "\(what): \(said)")
    }
}
