import CJMModel
import CJMViewGraph

/// A map as built, before Graphviz has drawn it: what it shows, and the graphs `dot` must lay
/// out first when the map is composed of blocks laid out one by one (the flow map).
///
/// Rendering a draft takes two trips to Graphviz: `blocks` laid out by `dot` (each alone,
/// in one worker), then `compose` with their geometries gives the pinned map to draw. A
/// draft with no blocks (the board) is already complete: `compose([])` returns `graph`.
public struct MapDraft: Sendable {
    /// Every node, edge and cluster of the map with its text and style; for a composed map,
    /// without positions (`layout` is `.pinned`, the positions come from `compose`).
    public private(set) var graph: ViewGraph
    /// The graphs to lay out, in order; empty when `graph` is complete. Ranked ones are laid
    /// out by `dot`; pinned ones (nodes a stack places) are only measured.
    public var blocks: [ViewGraph] { composition?.plan.units.map { $0.graph } ?? [] }

    /// `MapShape.shownWidth`: the CSS pixels the map will be shown wide, which a map read
    /// down is arranged for (see `compose`); nil when not known.
    public let shownWidth: Double?

    private var composition: FlowComposition?
    /// What the board is built from, to narrow it for `compose`'s `fitWidth`.
    private var board: (journey: Journey, theme: Theme, persona: ElementPath?)?

    init(graph: ViewGraph, composition: FlowComposition? = nil, shownWidth: Double? = nil) {
        self.graph = graph
        self.composition = composition
        self.shownWidth = shownWidth
    }

    /// The board of `journey` (`BoardMap`), as for a wall; `compose` narrows it when it is to be
    /// shown `shownWidth` pixels wide.
    init(board journey: Journey, theme: Theme, persona: ElementPath?, shownWidth: Double?) {
        self.init(graph: BoardMap.build(journey, theme: theme, persona: persona), shownWidth: shownWidth)
        board = (journey, theme, persona)
    }

    /// The same map with `summary` as its one-line description (`ViewGraph.summary`).
    mutating func summarise(_ summary: String) {
        graph.summary = summary
        composition?.graph.summary = summary
    }

    /// The same map under another SVG root id and title (a named view).
    mutating func rename(id: String, title: String) {
        graph.id = id
        graph.title = title
        composition?.graph.id = id
        composition?.graph.title = title
    }

    /// The map to draw: `graph` with every node, edge and cluster placed, given the geometry
    /// of each of `blocks` in order (as `dot` laid them out). A map read down is arranged
    /// no wider than `fitWidth` points where its pieces allow (the widest it stays legible
    /// at `shownWidth`). Deterministic.
    /// The board takes no geometry; with `fitWidth` it is narrowed to it (`BoardMap.build`).
    public func compose(_ geometries: [GraphGeometry], fitWidth: Double? = nil) -> ViewGraph {
        if let board, let fitWidth {
            var narrowed = BoardMap.build(board.journey, theme: board.theme, persona: board.persona, fitWidth: fitWidth)
            narrowed.id = graph.id
            narrowed.summary = graph.summary
            return narrowed
        }
        guard let composition else { return graph }
        let composed = composition.compose(geometries, fitWidth: fitWidth)
        guard composition.plan.legends.count > 1, let share = Self.legendShare(of: composed), share > Self.legendShareCap else { return composed }
        // Over the cap (a strip in free space can be large beside a small map): each strip alone.
        // Of those that grow the map little and keep it within the column, the smallest map
        // whose legend is within the cap; when none is, the smallest share below this one's.
        let area = Self.bounds(of: composed).map { $0.width * $0.height } ?? 0
        let widest = max(fitWidth ?? .infinity, Self.bounds(of: composed)?.width ?? 0)
        var best: (graph: ViewGraph, area: Double)?
        var closest: (graph: ViewGraph, share: Double) = (composed, share)
        // The strips are the plan's last units (`BlockPlanner.finish`): a plan of one keeps it in
        // the first strip's place and drops the others, so none is taken for a block.
        let strips = composition.plan.legends.map(\.unit)
        guard let first = strips.first, strips == Array(first..<composition.plan.units.count), geometries.count == composition.plan.units.count
        else { return composed }
        for legend in composition.plan.legends {
            var plan = composition.plan
            plan.units = Array(plan.units[..<first]) + [plan.units[legend.unit]]
            plan.legends = [(first, legend.side)]
            let kept = Array(geometries[..<first]) + [geometries[legend.unit]]
            let alone = FlowComposition(graph: composition.graph, plan: plan, sheetAspects: composition.sheetAspects).compose(kept, fitWidth: fitWidth)
            guard let bounds = Self.bounds(of: alone), let share = Self.legendShare(of: alone) else { continue }
            let grown = bounds.width * bounds.height
            guard bounds.width <= widest + 0.5, grown <= area * Self.legendGrowthCap else { continue }
            if share < closest.share - 1e-6 { closest = (alone, share) }
            guard share <= Self.legendShareCap else { continue }
            if best.map({ grown < $0.area - 1e-6 }) ?? true { best = (alone, grown) }
        }
        return best?.graph ?? closest.graph
    }

    /// The most of a map's area its legend strip may take (issue 22), when a strip can.
    static let legendShareCap = 0.06
    /// How much larger than `auto`'s first choice a map may grow to bring its legend under the cap.
    static let legendGrowthCap = 1.15

    /// The legend's frame area over the map's, both from the composed geometry; nil without one.
    static func legendShare(of graph: ViewGraph) -> Double? {
        guard let frame = graph.clusters.first(where: { $0.classes.contains("legend") })?.frame,
              let bounds = bounds(of: graph), bounds.width > 0, bounds.height > 0 else { return nil }
        return frame.width * frame.height / (bounds.width * bounds.height)
    }

    /// Every placed node box and cluster frame together.
    static func bounds(of graph: ViewGraph) -> Rect? {
        var rects = graph.clusters.compactMap(\.frame)
        for node in graph.nodes {
            guard let centre = node.position, let size = node.size else { continue }
            rects.append(Rect(x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height))
        }
        guard var all = rects.first else { return nil }
        for rect in rects.dropFirst() { all = all.union(rect) }
        return all
    }
}
