import CJMGraphviz
import CJMMaps
import CJMViewGraph

/// Turns built maps into graphs ready to draw: a draft composed of blocks (the flow map) has
/// its blocks laid out first, all of one map in one worker process, `jobs` maps at a time,
/// then is composed from their geometry; any other draft is ready as it is.
enum DraftComposition {
    /// A composed map, with the worker's timing line for its blocks.
    struct Composed: Sendable {
        var graph: ViewGraph
        var timings: String?
    }

    static func compose(_ drafts: [MapDraft], jobs: Int, renderer: IsolatedRenderer) -> [Result<Composed, RenderFailure>] {
        let layouts = ParallelRenders.map(drafts, jobs: jobs) { draft -> Result<([GraphGeometry], String?), RenderFailure> in
            draft.blocks.isEmpty ? .success(([], nil)) : renderer.layOut(draft.blocks).map { ($0.geometries, $0.timings) }
        }
        return zip(drafts, layouts).map { draft, layout in
            layout.map { geometries, timings in Composed(graph: draft.compose(geometries), timings: timings) }
        }
    }
}
