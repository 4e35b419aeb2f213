import CGraphviz
import CJMSyntax
import CJMViewGraph

/// Builds a `ViewGraph` into a cgraph graph, attribute by attribute (never as DOT text).
///
/// Every name handed to Graphviz is generated (`cjm`, `cluster_3`, `n12`), because Graphviz
/// writes names into SVG comments, where a `--` from user text would break the XML; the
/// builder's ids travel in the `id` attribute instead, sanitized. User text goes through
/// `LabelText`, links through `SafeURL`, colours are checked; nothing that reads files or
/// writes raw markup (`image`, `stylesheet`, `fontpath`, `shapefile`, `imagepath`) is set.
struct ViewGraphLowering {
    let view: ViewGraph
    let format: OutputFormat
    let dpi: Double
    /// The layout is only read back, never drawn (the block layouts): what only the drawing
    /// uses (ids, classes, tooltips, links, colours) is checked but not handed to Graphviz,
    /// since none of it moves anything in a layout.
    var geometryOnly = false

    /// The Graphviz layout engine for the view's layout: `dot`, or `nop2` (what `neato -n2`
    /// runs: keeps every `pos` and only routes edges) for pinned layouts.
    var engine: String {
        switch view.layout {
        case .ranked: "dot"
        case .pinned: "nop2"
        }
    }

    /// The cgraph objects made for the view's clusters, nodes and edges, in the view's order.
    struct Objects {
        var clusters: [CGraph.Graph] = []
        var nodes: [CGraph.Node] = []
        var edges: [CGraph.Edge] = []
    }

    /// Creates every cluster, node, edge and same-rank set of the view in `graph`.
    @discardableResult
    func lower(into graph: CGraph) throws(RenderFailure) -> Objects {
        var ids = UniqueIdentifiers()
        try declareAttributes(in: graph)
        try setGraphAttributes(of: graph, ids: &ids)
        let clusters = try buildClusters(in: graph, ids: &ids)
        let nodes = try buildNodes(in: graph, clusters: clusters, ids: &ids)
        let edges = try buildEdges(in: graph, nodes: nodes, ids: &ids)
        try buildSameRanks(in: graph, nodes: nodes, clusters: clusters)
        try setTitle(of: graph)
        return Objects(clusters: view.clusters.map { clusters[$0.id]! }, nodes: view.nodes.map { nodes[$0.id]! }, edges: edges)
    }

    // MARK: Attributes

    /// cgraph needs each attribute declared with a default before objects get values; the
    /// defaults are Graphviz's own, except fonts, which come from the graph style.
    private func declareAttributes(in graph: CGraph) throws(RenderFailure) {
        let style = view.style
        let font = [("fontname", style.fontName), ("fontsize", Self.number(style.fontSize, in: 1...200)),
                    ("fontcolor", try Self.color(style.fontColor))]
        for kind in [CGraph.Kind.graph, .node, .edge] {
            for (name, value) in font { try graph.declare(kind, name, default: value) }
            for name in ["label", "id", "class", "tooltip"] { try graph.declare(kind, name, default: kind == .node && name == "label" ? "\\N" : "") }
        }
        for (name, value) in [("labelloc", "t"), ("style", ""), ("fillcolor", "lightgrey"), ("pencolor", "black"),
                              ("rank", ""), ("charset", "UTF-8")] {
            try graph.declare(.graph, name, default: value)
        }
        for (name, value) in [("shape", "box"), ("style", ""), ("fillcolor", "lightgrey"), ("color", "black"), ("penwidth", "1"),
                              ("URL", ""), ("width", "0.75"), ("height", "0.5"), ("fixedsize", "false"), ("group", ""), ("pos", "")] {
            try graph.declare(.node, name, default: value)
        }
        for (name, value) in [("style", ""), ("color", "black"), ("penwidth", "1"), ("arrowhead", "normal"), ("arrowtail", "normal"),
                              ("dir", "forward"), ("constraint", "true"), ("weight", "1")] {
            try graph.declare(.edge, name, default: value)
        }
        if case .pinned = view.layout {
            // What `neato -n2` reads back instead of computing: edge curves and label places,
            // cluster frames.
            try graph.declare(.edge, "pos", default: "")
            try graph.declare(.edge, "lp", default: "")
            try graph.declare(.graph, "bb", default: "")
        }
    }

    private func setGraphAttributes(of graph: CGraph, ids: inout UniqueIdentifiers) throws(RenderFailure) {
        let style = view.style
        // Only the root has these, so declaring them with the root's value is enough.
        var rootOnly: [(String, String)] = [("bgcolor", try Self.color(style.background))]
        switch view.layout {
        case .ranked(let direction):
            rootOnly += [("rankdir", direction.rawValue), ("nodesep", Self.number(style.nodeSeparation, in: 0.02...10)),
                         ("ranksep", Self.number(style.rankSeparation, in: 0.02...20))]
            if sameRankSpansClusters { rootOnly.append(("newrank", "true")) }
        case .pinned:
            // `nop2` keeps positions; without `notranslate` it would shift the drawing so its
            // corner sits at the origin, and nodes would not land where the builder put them.
            rootOnly.append(("notranslate", "true"))
        }
        if format.isBitmap { rootOnly.append(("dpi", Self.number(dpi, in: RenderCaps.dpi))) }
        for (name, value) in rootOnly { try graph.declare(.graph, name, default: value) }

        try graph.set(UnsafeMutableRawPointer(graph.root), .graph, "id", ids.make(view.id))
    }

    /// Set last: a subgraph starts with its parent's values, so a title set earlier would
    /// reappear on every cluster without a label of its own.
    private func setTitle(of graph: CGraph) throws(RenderFailure) {
        guard let title = view.title else { return }
        let root = UnsafeMutableRawPointer(graph.root)
        try graph.set(root, .graph, "label", LabelText.label(title.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)))
        try graph.set(root, .graph, "fontsize", Self.number(view.style.titleFontSize, in: 1...400))
    }

    // MARK: Clusters

    /// Creates clusters parents first (a parent may be listed after its child) and returns
    /// each cluster's subgraph by the builder's id.
    private func buildClusters(in graph: CGraph, ids: inout UniqueIdentifiers) throws(RenderFailure) -> [String: CGraph.Graph] {
        let limit = RenderCaps.limits(for: view.layout).clusters
        guard view.clusters.count <= limit else {
            throw .graphTooLarge(what: "clusters", count: view.clusters.count, limit: limit)
        }
        var byID: [String: Cluster] = [:]
        var names: [String: String] = [:]
        for (index, cluster) in view.clusters.enumerated() {
            guard byID.updateValue(cluster, forKey: cluster.id) == nil else { throw .invalidGraph("two clusters have the id \"\(cluster.id)\"") }
            names[cluster.id] = "cluster_\(index + 1)"
        }
        var built: [String: CGraph.Graph] = [:]
        for cluster in view.clusters {
            var chain: [Cluster] = []
            var next: Cluster? = cluster
            while let current = next, built[current.id] == nil {
                guard !chain.contains(where: { $0.id == current.id }) else { throw .invalidGraph("cluster \"\(current.id)\" contains itself") }
                chain.append(current)
                if let parent = current.parent {
                    guard let parentCluster = byID[parent] else { throw .invalidGraph("cluster \"\(current.id)\" names an unknown parent \"\(parent)\"") }
                    next = parentCluster
                } else {
                    next = nil
                }
            }
            for current in chain.reversed() {
                let parent = current.parent.flatMap { built[$0] } ?? graph.root
                let subgraph = try graph.subgraph(of: parent, named: names[current.id] ?? "cluster")
                try setClusterAttributes(current, of: subgraph, in: graph, ids: &ids)
                built[current.id] = subgraph
            }
        }
        return built
    }

    private func setClusterAttributes(_ cluster: Cluster, of subgraph: CGraph.Graph, in graph: CGraph, ids: inout UniqueIdentifiers) throws(RenderFailure) {
        let object = UnsafeMutableRawPointer(subgraph)
        var styles = ["rounded"]
        let colors = [try cluster.fill.map(Self.color), try Self.color(cluster.stroke), try Self.color(cluster.fontColor)]
        if let fill = colors[0], !geometryOnly {
            try graph.set(object, .graph, "fillcolor", fill)
        }
        if cluster.fill != nil { styles.append("filled") }
        if cluster.dashed { styles.append("dashed") }
        try graph.set(object, .graph, "style", styles.joined(separator: ","))
        if !geometryOnly {
            try graph.set(object, .graph, "pencolor", colors[1]!)
            try graph.set(object, .graph, "fontcolor", colors[2]!)
        }
        if let size = cluster.fontSize { try graph.set(object, .graph, "fontsize", Self.number(size, in: 1...400)) }
        if let label = cluster.label { try graph.set(object, .graph, "label", LabelText.label([label])) }
        if case .pinned = view.layout, let frame = cluster.frame {
            try graph.set(object, .graph, "bb", [frame.minX, frame.minY, frame.maxX, frame.maxY].map(Self.coordinate).joined(separator: ","))
        }
        guard !geometryOnly else { return }
        try graph.set(object, .graph, "id", ids.make(cluster.id))
        try graph.set(object, .graph, "class", SafeIdentifier.classList(cluster.classes))
    }

    // MARK: Nodes

    private func buildNodes(in graph: CGraph, clusters: [String: CGraph.Graph], ids: inout UniqueIdentifiers) throws(RenderFailure) -> [String: CGraph.Node] {
        var built: [String: CGraph.Node] = [:]
        for (index, node) in view.nodes.enumerated() {
            guard built[node.id] == nil else { throw .invalidGraph("two nodes have the id \"\(node.id)\"") }
            var parent = graph.root
            if let cluster = node.cluster {
                guard let subgraph = clusters[cluster] else { throw .invalidGraph("node \"\(node.id)\" is in an unknown cluster \"\(cluster)\"") }
                parent = subgraph
            }
            let created = try graph.node(in: parent, named: "n\(index + 1)")
            try setNodeAttributes(node, of: created, in: graph, ids: &ids)
            built[node.id] = created
        }
        return built
    }

    private func setNodeAttributes(_ node: Node, of created: CGraph.Node, in graph: CGraph, ids: inout UniqueIdentifiers) throws(RenderFailure) {
        let object = UnsafeMutableRawPointer(created)
        let style = node.style
        var styles: [String] = []
        if style.shape == .roundedBox { styles.append("rounded") }
        let fill = try style.fill.map(Self.color), stroke = try Self.color(style.stroke), fontColor = try Self.color(style.fontColor)
        if let fill {
            styles.append("filled")
            if !geometryOnly { try graph.set(object, .node, "fillcolor", fill) }
        }
        if style.dashed { styles.append("dashed") }
        try graph.set(object, .node, "shape", Self.shape(style.shape))
        try graph.set(object, .node, "style", styles.joined(separator: ","))
        if !geometryOnly {
            try graph.set(object, .node, "color", stroke)
            try graph.set(object, .node, "fontcolor", fontColor)
        }
        try graph.set(object, .node, "penwidth", Self.number(style.penWidth, in: 0...20))
        if let size = style.fontSize { try graph.set(object, .node, "fontsize", Self.number(size, in: 1...400)) }
        if let fixed = style.fixedSize {
            try graph.set(object, .node, "fixedsize", "true")
            try graph.set(object, .node, "width", Self.number(fixed.width, in: 0.01...1000))
            try graph.set(object, .node, "height", Self.number(fixed.height, in: 0.01...1000))
        } else {
            if let minWidth = style.minWidth { try graph.set(object, .node, "width", Self.number(minWidth, in: 0.01...1000)) }
            if let minHeight = style.minHeight { try graph.set(object, .node, "height", Self.number(minHeight, in: 0.01...1000)) }
        }
        try graph.set(object, .node, "label", LabelText.label(node.label, leftAligned: style.alignment == .left))
        if !geometryOnly {
            try graph.set(object, .node, "id", ids.make(node.id))
            try graph.set(object, .node, "class", SafeIdentifier.classList(node.classes))
            if let tooltip = node.tooltip { try graph.set(object, .node, "tooltip", LabelText.tooltip(tooltip)) }
        }
        if let url = node.url {
            guard let safe = SafeURL.forGraphviz(url) else {
                throw .invalidGraph("node \"\(node.id)\" links to \"\(url)\"; only http, https, mailto, tel and relative links are allowed")
            }
            if !geometryOnly { try graph.set(object, .node, "URL", safe) }
        }
        if let group = node.group { try graph.set(object, .node, "group", SafeIdentifier.make(group)) }
        if case .pinned = view.layout {
            guard let position = node.position, position.x.isFinite, position.y.isFinite else {
                throw .invalidGraph("node \"\(node.id)\" has no position in a pinned layout")
            }
            try graph.set(object, .node, "pos", Self.point(position) + "!")
            if let size = node.size, style.fixedSize == nil {
                try graph.set(object, .node, "width", Self.number(size.width / 72, in: 0.01...1000))
                try graph.set(object, .node, "height", Self.number(size.height / 72, in: 0.01...1000))
            }
        }
    }

    // MARK: Edges

    private func buildEdges(in graph: CGraph, nodes: [String: CGraph.Node], ids: inout UniqueIdentifiers) throws(RenderFailure) -> [CGraph.Edge] {
        var built: [CGraph.Edge] = []
        built.reserveCapacity(view.edges.count)
        for edge in view.edges {
            guard let from = nodes[edge.from], let to = nodes[edge.to] else {
                throw .invalidGraph("edge \"\(edge.id)\" joins unknown nodes \"\(edge.from)\" → \"\(edge.to)\"")
            }
            // Backward-ranked edges are emitted reversed and drawn with `dir=back`, so `dot`
            // ranks `to` first while the arrowhead still lands on `to` (at the tail end).
            let created = edge.rankedBackward ? try graph.edge(from: to, to: from) : try graph.edge(from: from, to: to)
            let object = UnsafeMutableRawPointer(created)
            let style = edge.style
            if edge.rankedBackward {
                try graph.set(object, .edge, "dir", "back")
                try graph.set(object, .edge, "arrowtail", style.arrowHead.rawValue)
            } else {
                try graph.set(object, .edge, "arrowhead", style.arrowHead.rawValue)
            }
            try graph.set(object, .edge, "style", style.line.rawValue)
            let color = try Self.color(style.color), fontColor = try Self.color(style.fontColor)
            if !geometryOnly {
                try graph.set(object, .edge, "color", color)
                try graph.set(object, .edge, "fontcolor", fontColor)
            }
            try graph.set(object, .edge, "penwidth", Self.number(style.penWidth, in: 0...20))
            if !edge.constraint { try graph.set(object, .edge, "constraint", "false") }
            let weight = min(max(edge.weight, RenderCaps.edgeWeight.lowerBound), RenderCaps.edgeWeight.upperBound)
            try graph.set(object, .edge, "weight", String(weight))
            if let label = edge.label { try graph.set(object, .edge, "label", LabelText.label([label])) }
            if !geometryOnly {
                if let tooltip = edge.tooltip { try graph.set(object, .edge, "tooltip", LabelText.tooltip(tooltip)) }
                try graph.set(object, .edge, "id", ids.make(edge.id))
                try graph.set(object, .edge, "class", SafeIdentifier.classList(edge.classes))
            }
            if case .pinned = view.layout, let route = edge.route {
                // The curve as cgraph holds the edge: a backward-ranked one runs from `to`.
                try setRoute(edge.rankedBackward ? route.reversed : route, of: object, in: graph, edge: edge)
            }
            built.append(created)
        }
        return built
    }

    /// `pos` (`s,x,y e,x,y x0,y0 ...`) and `lp` of a pinned edge, which `neato -n2` draws as given.
    ///
    /// When `drawRoutes` can put the curve in after layout, `pos` carries only a stand-in of
    /// four points on the corners of the curve's control points: `nop2` computes the map's
    /// bounding box from exactly those, and writing, interning and scanning every point as
    /// text cost more than drawing them. An edge whose label `nop2` must place itself (no
    /// `lp`) gets its whole curve, which the placing follows.
    private func setRoute(_ route: EdgeRoute, of object: UnsafeMutableRawPointer, in graph: CGraph, edge: Edge) throws(RenderFailure) {
        guard route.points.count >= 4, route.points.count % 3 == 1, route.points.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else {
            throw .invalidGraph("edge \"\(edge.id)\" has a route of \(route.points.count) points; a curve needs 3n + 1")
        }
        var parts: [String] = []
        if let tip = route.tailTip { parts.append("s," + Self.point(tip)) }
        if let tip = route.headTip { parts.append("e," + Self.point(tip)) }
        if Self.drawsAfterLayout(edge, route) {
            let xs = route.points.map { Self.clampedCoordinate($0.x) }, ys = route.points.map { Self.clampedCoordinate($0.y) }
            let low = Point(x: xs.min()!, y: ys.min()!), high = Point(x: xs.max()!, y: ys.max()!)
            parts += [low, high, low, high].map(Self.point)
        } else {
            parts += route.points.map(Self.point)
        }
        try graph.set(object, .edge, "pos", parts.joined(separator: " "))
        if edge.label != nil, let centre = route.labelCentre { try graph.set(object, .edge, "lp", Self.point(centre)) }
    }

    /// Whether the edge's curve goes in by `drawRoutes` rather than through `pos`.
    private static func drawsAfterLayout(_ edge: Edge, _ route: EdgeRoute) -> Bool {
        edge.label == nil || route.labelCentre != nil
    }

    /// Puts the whole curve of every pinned edge that `pos` only stood in for into the laid-out
    /// graph (`objects` from `lower`, after `nop2`): the same numbers `pos` would have carried.
    func drawRoutes(_ objects: Objects) throws(RenderFailure) {
        guard case .pinned = view.layout else { return }
        for (edge, object) in zip(view.edges, objects.edges) {
            guard let given = edge.route, Self.drawsAfterLayout(edge, given) else { continue }
            let route = edge.rankedBackward ? given.reversed : given
            var xy: [Double] = []
            xy.reserveCapacity(2 * route.points.count)
            for point in route.points {
                xy.append(Self.clampedCoordinate(point.x))
                xy.append(Self.clampedCoordinate(point.y))
            }
            guard cjm_set_edge_points(object, xy, Int32(route.points.count)) == 0 else {
                throw .graphviz("could not draw the curve of edge \"\(edge.id)\"")
            }
        }
    }

    // MARK: Same ranks

    /// Each set becomes a `rank=same` subgraph inside the cluster its nodes share (a rank
    /// subgraph at the root cutting into clusters upsets 2.42's ranking unless `newrank`
    /// is on, which `setGraphAttributes` does exactly when a set spans clusters).
    private func buildSameRanks(in graph: CGraph, nodes: [String: CGraph.Node], clusters: [String: CGraph.Graph]) throws(RenderFailure) {
        guard case .ranked = view.layout else { return }
        let clusterOf = clusterOfNode
        for (index, members) in view.sameRank.enumerated() where members.count > 1 {
            let places = memberClusters(members, clusterOf)
            let parent = places.count == 1 ? places.first.flatMap { $0.flatMap { clusters[$0] } } ?? graph.root : graph.root
            let subgraph = try graph.subgraph(of: parent, named: "rank_\(index + 1)")
            try graph.set(UnsafeMutableRawPointer(subgraph), .graph, "rank", "same")
            for member in members {
                guard let node = nodes[member] else { throw .invalidGraph("a same-rank set names an unknown node \"\(member)\"") }
                try graph.add(node, to: subgraph)
            }
        }
    }

    /// The clusters (nil: the top level) the members of a same-rank set sit in.
    private func memberClusters(_ members: [String], _ clusterOf: [String: String?]) -> Set<String?> {
        Set(members.map { clusterOf[$0] ?? nil })
    }

    /// Each node's cluster by node id.
    private var clusterOfNode: [String: String?] {
        Dictionary(view.nodes.map { ($0.id, $0.cluster) }, uniquingKeysWith: { first, _ in first })
    }

    private var sameRankSpansClusters: Bool {
        guard view.sameRank.contains(where: { $0.count > 1 }) else { return false }
        let clusterOf = clusterOfNode
        return view.sameRank.contains { $0.count > 1 && memberClusters($0, clusterOf).count > 1 }
    }

    // MARK: Values

    private static func shape(_ shape: NodeStyle.Shape) -> String {
        switch shape {
        case .box, .roundedBox: "box"
        case .ellipse: "ellipse"
        case .circle: "circle"
        case .diamond: "diamond"
        case .note: "note"
        case .tab: "tab"
        case .folder: "folder"
        case .component: "component"
        case .cylinder: "cylinder"
        case .hexagon: "hexagon"
        case .octagon: "octagon"
        case .plain: "plain"
        case .point: "point"
        }
    }

    /// `#rrggbb`, `#rrggbbaa` or a plain colour name; anything else is refused rather than
    /// handed to a renderer that writes colour strings into SVG.
    static func color(_ value: String) throws(RenderFailure) -> String {
        // Every accepted character is ASCII, so the UTF-8 bytes decide it.
        let bytes = value.utf8
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        func isHexDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte) }
        let isHex = bytes.first == UInt8(ascii: "#") && (bytes.count == 7 || bytes.count == 9) && bytes.dropFirst().allSatisfy(isHexDigit)
        let isName = !bytes.isEmpty && bytes.count <= 32 && bytes.allSatisfy(isLetter)
        guard isHex || isName else { throw .invalidGraph("\"\(value)\" is not a colour") }
        return value
    }

    /// A coordinate in points, clamped to a million either way.
    static func coordinate(_ value: Double) -> String { number(value, in: -1e6...1e6) }

    /// The value `coordinate` writes, as a number: Graphviz reads back the same double.
    static func clampedCoordinate(_ value: Double) -> Double { min(max(value, -1e6), 1e6) }

    /// `x,y` in points.
    static func point(_ point: Point) -> String { coordinate(point.x) + "," + coordinate(point.y) }

    /// A finite number clamped into `range`, written the way Graphviz parses it (`SourceNumber`'s
    /// plain form: `12`, `-1`, `3.5`).
    static func number(_ value: Double, in range: ClosedRange<Double>) -> String {
        SourceNumber.text(value.isFinite ? min(max(value, range.lowerBound), range.upperBound) : range.lowerBound)
    }
}
