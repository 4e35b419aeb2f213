import CJMGraphviz
import CJMMaps
import CJMViewGraph
import Foundation

/// Maps composed for real: their blocks laid out by `dot` in a `cjm render-worker` child (the
/// `cjm` executable `swift build` / `swift test` left in `.build/debug`), never mocked.
enum ComposedMaps {
    static let worker: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/cjm").path
    }()

    static var workerIsBuilt: Bool { FileManager.default.isExecutableFile(atPath: worker) }

    static func renderer(timeout: Double = 300) -> IsolatedRenderer {
        IsolatedRenderer(workerExecutable: worker, timeout: timeout, memoryLimitBytes: 4 << 30)
    }

    /// The geometry of each of the draft's blocks, laid out by the worker.
    static func geometries(_ draft: MapDraft) throws -> [GraphGeometry] {
        draft.blocks.isEmpty ? [] : try renderer().layOut(draft.blocks).get().geometries
    }

    /// The pinned map of `draft`.
    static func compose(_ draft: MapDraft) throws -> ViewGraph {
        draft.compose(try geometries(draft))
    }

    /// `graph` drawn as SVG by the worker.
    static func svg(_ graph: ViewGraph) throws -> String {
        String(decoding: try renderer().render(RenderRequest(graph: graph, format: .svg)).get(), as: UTF8.self)
    }
}
