import CJMGraphviz
import CJMMaps
import CJMViewGraph

/// Turns built maps into graphs ready to draw: a draft composed of blocks (the flow map) has
/// its blocks laid out first, all of one map in one worker process, `jobs` maps at a time,
/// then is composed from their geometry; any other draft is ready as it is. The one way every
/// command (`render`, `md`, `watch`, the editor's preview) gets its maps composed.
enum DraftComposition {
    /// A composed map, with the worker's timing line for its blocks and the label lines they
    /// measured (for its render request: `request(format:dpi:page:)`).
    struct Composed: Sendable {
        var graph: ViewGraph
        var timings: String?
        var measuredText = MeasuredText()

        /// The render request for this map, handing on what the block layouts measured.
        func request(format: OutputFormat, dpi: Double = 96, page: PageSetup = PageSetup()) -> RenderRequest {
            RenderRequest(graph: graph, format: format, dpi: dpi, page: page, measuredText: measuredText)
        }
    }

    /// Every draft composed, in order. `shouldStop` (asked from the layout threads) kills
    /// the block layouts in progress and skips those not started, which then fail with
    /// `RenderFailure.stopped` (`cjm watch`: a newer save supersedes them).
    static func compose(_ drafts: [MapDraft], jobs: Int, renderer: IsolatedRenderer,
                        stoppingWhen shouldStop: (@Sendable () -> Bool)? = nil) -> [Result<Composed, RenderFailure>] {
        let layouts = ParallelRenders.map(drafts, jobs: jobs) { draft -> Result<([GraphGeometry], String?, MeasuredText), RenderFailure> in
            if draft.blocks.isEmpty { return .success(([], nil, MeasuredText())) }
            if let shouldStop, shouldStop() { return .failure(.stopped) }
            return renderer.layOut(draft.blocks, stoppingWhen: shouldStop).map { ($0.geometries, $0.timings, $0.measuredText) }
        }
        return zip(drafts, layouts).map { draft, layout in
            layout.map { geometries, timings, measured in
                Composed(graph: draft.compose(geometries, fitWidth: fitWidth(of: draft)), timings: timings, measuredText: measured)
            }
        }
    }

    /// The widest the draft's map stays legible at the width it will be shown, in points.
    static func fitWidth(of draft: MapDraft) -> Double? {
        draft.shownWidth.map { Legibility.widestLegible(smallestText: Legibility.smallestText(in: draft.graph), shownWidth: $0) }
    }
}
