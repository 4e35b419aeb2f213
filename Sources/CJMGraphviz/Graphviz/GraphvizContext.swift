import CGraphviz

/// A gvc context with its plugins loaded; freed with `gvFreeContext` when released, after the
/// graphs laid out with it are closed. Their layouts are never freed (see `withLayout`): the
/// render worker lays out one graph and exits, so the operating system reclaims them.
final class GraphvizContext {
    private let context: OpaquePointer

    /// Loads the installed plugins (layout engines, renderers) from Graphviz's config. With
    /// `remembersTextSizes`, each distinct label line is measured by pango once
    /// (`RememberedTextSizes`), the lines in `known` not at all: only for a process that never
    /// draws with cairo.
    init(remembersTextSizes: Bool = false, known: MeasuredText = MeasuredText()) throws(RenderFailure) {
        guard let context = gvContext() else {
            throw .graphviz("could not create a Graphviz context: \(GraphvizMessages.take())")
        }
        self.context = context
        if remembersTextSizes { RememberedTextSizes.install(in: context, known: known) }
    }

    deinit { gvFreeContext(context) }

    /// Lays `graph` out with `engine` and runs `body` on the laid-out graph.
    ///
    /// The layout is deliberately not freed with `gvFreeLayout`: Debian's Graphviz 2.42 `dot`
    /// double-frees in its cleanup on some clustered graphs with labelled and non-constraint
    /// edges (reproduced with templates/online-store.cjm), aborting a render whose bytes were
    /// already complete. The render worker lays out exactly one graph and exits, so the
    /// operating system reclaims the layout; `agclose` and `gvFreeContext` still run.
    func withLayout<T>(of graph: CGraph, engine: String, _ body: () throws(RenderFailure) -> T) throws(RenderFailure) -> T {
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

    /// Draws a laid-out graph with Graphviz's cairo renderer onto `cairo` (a `cairo_t`), the
    /// way `render` would draw it into a file of `format` (`pdf:cairo`: 72 units an inch).
    func draw(_ graph: CGraph, onto cairo: OpaquePointer, format: String) throws(RenderFailure) {
        guard gvRenderContext(context, graph.root, format, UnsafeMutableRawPointer(cairo)) == 0 else {
            throw Self.failure(GraphvizMessages.take(), plugin: format)
        }
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
