import CJMGraphviz
import CJMMaps
import CJMModel
import CJMViewGraph

/// One map of a checked journey drawn to an SVG file, for an editor's preview (`cjm lsp`'s
/// "Render preview"): the same view graph, child-process render and atomic write as
/// `cjm render`, for one view of a journey already in memory.
public enum MapPreview {
    /// Why no preview was written.
    public struct Failure: Error, Equatable, Sendable {
        /// A plain sentence for the user.
        public var message: String
    }

    /// Draws `view` (`flow`, `board` or a `view` id) of `journey` as SVG into `path`, replacing
    /// it atomically; the render runs in a child `workerExecutable render-worker` under `timeout`.
    public static func writeSVG(of journey: Journey, view: String, to path: String, workerExecutable: String,
                                timeout: Double = 60) -> Result<Void, Failure> {
        let selection = MapSelection(view: view, persona: nil, theme: nil)
        let draft: MapDraft
        switch selection.draft(of: journey) {
        case .failure(let failure): return .failure(Failure(message: failure.message))
        case .success(let built): draft = built
        }
        let renderer = IsolatedRenderer(workerExecutable: workerExecutable, timeout: timeout, memoryLimitBytes: 4 << 30)
        // A flow map is composed from its blocks first, as `cjm render` composes it.
        let composed: DraftComposition.Composed
        switch DraftComposition.compose([draft], jobs: 1, renderer: renderer)[0] {
        case .failure(let failure): return .failure(Failure(message: failure.message))
        case .success(let map): composed = map
        }
        switch renderer.render(composed.request(format: .svg)) {
        case .failure(let failure): return .failure(Failure(message: failure.message))
        case .success(let bytes):
            switch AtomicFile.write(bytes, to: path) {
            case .success: return .success(())
            case .failure(let failure): return .failure(Failure(message: "cannot write \(path): \(failure.reason)"))
            }
        }
    }
}
