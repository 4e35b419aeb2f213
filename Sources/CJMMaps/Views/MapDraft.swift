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
        return composition.compose(geometries, fitWidth: fitWidth)
    }
}
