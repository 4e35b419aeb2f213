import CGraphviz

/// A gvc context with its plugins loaded; freed with `gvFreeContext` when released, which
/// must happen after every graph laid out with it has had its layout freed.
final class GraphvizContext {
    private let context: OpaquePointer

    /// Loads the installed plugins (layout engines, renderers) from Graphviz's config.
    init() throws(RenderFailure) {
        guard let context = gvContext() else {
            throw .graphviz("could not create a Graphviz context: \(GraphvizMessages.take())")
        }
        self.context = context
    }

    deinit { gvFreeContext(context) }

    /// Lays `graph` out with `engine`, runs `body` on the laid-out graph, then frees the
    /// layout whatever happened, so no layout outlives its graph or this context.
    func withLayout<T>(of graph: CGraph, engine: String, _ body: () throws(RenderFailure) -> T) throws(RenderFailure) -> T {
        defer { gvFreeLayout(context, graph.root) }
        guard gvLayout(context, graph.root, engine) == 0 else {
            throw Self.failure(GraphvizMessages.take(), plugin: engine)
        }
        return try body()
    }

    /// Renders a laid-out graph in a Graphviz format (`svg`, `png:cairo`, ...) to bytes.
    func render(_ graph: CGraph, format: String) throws(RenderFailure) -> [UInt8] {
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        let status = gvRenderData(context, graph.root, format, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else { throw Self.failure(GraphvizMessages.take(), plugin: format) }
        return data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { Array(UnsafeBufferPointer(start: $0, count: Int(length))) }
    }

    /// Graphviz says "... not recognized. Use one of: ..." when a plugin is missing; that is
    /// an installation problem with a known fix, not a drawing error.
    private static func failure(_ said: String, plugin: String) -> RenderFailure {
        if said.contains("not recognized") {
            // Debian 12 ships the layout engines and the cairo/pango renderer in libgvc6
            // (`dpkg -S libgvplugin_pango`).
            return .missingPlugin(name: plugin, package: "libgvc6")
        }
        return .graphviz(said.isEmpty ? "no message (while using \(plugin))" : said)
    }
}
