// libFuzzer target `check`: arbitrary bytes through everything `cjm check` and the front of
// `cjm render` do in-process. Built only by scripts/fuzz.sh (never by `swift build`), with
// `-sanitize=fuzzer,address`; the modules are built with testing enabled for the internal
// policies checked below.
//
// Each input is the root file `fuzz.cjm`. Includes read from memory: `fuzz.cjm` itself (a
// cycle), `part.cjm` and `deep/part.cjm`, so the include paths are fuzzed without touching
// the disk. Properties beyond "no crash, no hang, no sanitizer report":
// - every diagnostic prints (text and JSON) for the files the collector holds;
// - a journey the checker accepts builds every map; its block layouts and the composed map's
//   request survive the wire round trip unchanged, passes the render caps or is refused by them, and lowers into
//   a Graphviz graph without a refusal: whatever `check` lets through, the renderer takes
//   (the URL policies, the colour words, ids);
// - `cjm fmt`'s canonical form of a valid journey checks again to the same maps, and
//   formatting it once more changes nothing (`formatRoundTrip`).
import CJMSyntax
@testable import CJMModel
import CJMViewGraph
@testable import CJMMaps
@testable import CJMGraphviz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    CheckFuzzing.run(bytes)
    return 0
}

enum CheckFuzzing {
    /// Smaller than the standard caps so a fuzzed input reaches them.
    static let limits = Limits(maxFileBytes: 1 << 20, maxNestingDepth: 16, maxLabelLength: 200, maxElements: 2_000, maxErrors: 20)

    static let part = """
        channel fuzzpart "Часть" kind: phone url: "/part"
        include "deep/part.cjm"
        """
    static let deepPart = """
        page deep "Глубоко" url: "https://example.com/deep?q=1&r=2"
        include "../part.cjm"
        """

    static func run(_ bytes: [UInt8]) {
        let source: SourceFile
        switch SourceDecoder.decode(path: "fuzz.cjm", bytes: bytes, limits: limits) {
        case .success(let file): source = file
        case .failure(let diagnostic):
            print(diagnostic, sources: SourceMap(SourceDecoder.shownFile(path: "fuzz.cjm", bytes: bytes, limits: limits).map { [$0] } ?? []))
            return
        }
        let loader = IncludeLoader.inMemory(["fuzz.cjm": source.text, "part.cjm": part, "deep/part.cjm": deepPart])
        let result = Checker.check(source, limits: limits, loader: loader)
        for diagnostic in result.diagnostics { print(diagnostic, sources: result.sources) }
        guard let journey = result.validJourney else { return }
        renderFront(journey)
        formatRoundTrip(source, checked: journey, loader: loader)
    }

    /// The diagnostic must print without trapping; the text goes nowhere.
    static func print(_ diagnostic: Diagnostic, sources: SourceMap) {
        let printer = DiagnosticPrinter(sources: sources, colored: true)
        let text = printer.text(diagnostic) + printer.jsonLine(diagnostic)
        precondition(!text.isEmpty)
    }

    /// Every map of a valid journey, up to the Graphviz layout (which runs only in the worker):
    /// both trips a draft takes to the worker (its blocks to lay out, then the composed map to
    /// draw), with stand-in geometries in place of `dot`'s.
    static func renderFront(_ journey: Journey) {
        let theme = Theme.named(journey.theme, styles: journey.styles)
        for name in MapCatalog.names(in: journey) {
            guard let draft = MapCatalog.build(view: name, journey: journey, persona: nil, theme: theme) else {
                fatalError("MapCatalog lists `\(name)` but builds nothing")
            }
            let blocks = draft.blocks
            if !blocks.isEmpty {
                let layout = WorkerRequest.layout(blocks)
                guard let back = try? WorkerRequest(wireBytes: layout.wireBytes), back == layout else {
                    fatalError("the wire round trip changed the block layouts of `\(name)`")
                }
                do throws(RenderFailure) {
                    try RequestCheck.validate(layouts: blocks)
                } catch {
                    continue
                }
            }
            let graph = draft.compose(blocks.map(standInGeometry))
            for format in [OutputFormat.svg, .png] {
                let request = RenderRequest(graph: graph, format: format)
                guard let back = try? RenderRequest(wireBytes: request.wireBytes), back == request else {
                    fatalError("the wire round trip changed the request of `\(name)`")
                }
            }
            for url in graph.nodes.compactMap(\.url) where SafeURL.forGraphviz(url) == nil {
                fatalError("the checker accepted `url: \(url.debugDescription)`, the renderer refuses it")
            }
            do throws(RenderFailure) {
                try RequestCheck.validate(RenderRequest(graph: graph, format: .svg))
            } catch {
                // A journey within the checker's caps can still make a map over the render
                // caps; that is a reported failure (exit 65), not a crash.
                continue
            }
            do throws(RenderFailure) {
                let cgraph = try CGraph(name: "cjm")
                try ViewGraphLowering(view: graph, format: .svg, dpi: 96).lower(into: cgraph)
            } catch {
                fatalError("a checked journey's map `\(name)` was refused by the lowering: \(error)")
            }
        }
    }

    /// A geometry of the block's shape as `dot` could give it: nodes in a row, no edge routed
    /// (as when `dot` gives up on one), each cluster around everything.
    static func standInGeometry(of block: ViewGraph) -> GraphGeometry {
        let nodes = block.nodes.indices.map { CJMViewGraph.Rect(x: Double($0) * 120, y: 0, width: 100, height: 36) }
        let bounds = CJMViewGraph.Rect(x: 0, y: 0, width: max(Double(nodes.count) * 120, 1), height: 36)
        return GraphGeometry(nodes: nodes, edges: Array(repeating: nil, count: block.edges.count),
                             clusters: Array(repeating: bounds, count: block.clusters.count), bounds: bounds)
    }

    /// `cjm fmt`'s promise: the canonical form of a valid journey checks to the same maps,
    /// and formatting it again changes nothing.
    static func formatRoundTrip(_ source: SourceFile, checked: Journey, loader: IncludeLoader) {
        let parsed = Parser.parse(source, limits: limits)
        let formatted = CanonicalForm.text(of: parsed.syntax, source: parsed.source)
        let again = Checker.check(SourceFile(path: "fuzz.cjm", text: formatted), limits: limits, loader: loader)
        guard let reformedJourney = again.validJourney else {
            fatalError("the canonical form of a valid journey does not check: \(again.diagnostics.first.map { $0.message } ?? "")\n\(formatted)")
        }
        let theme = Theme.named(checked.theme, styles: checked.styles)
        let reformedTheme = Theme.named(reformedJourney.theme, styles: reformedJourney.styles)
        precondition(MapCatalog.names(in: checked) == MapCatalog.names(in: reformedJourney), "fmt changed the list of maps")
        for name in MapCatalog.names(in: checked) {
            let before = MapCatalog.build(view: name, journey: checked, persona: nil, theme: theme)
            let after = MapCatalog.build(view: name, journey: reformedJourney, persona: nil, theme: reformedTheme)
            precondition(before?.graph == after?.graph && before?.blocks == after?.blocks, "fmt changed the map `\(name)`\n\(formatted)")
        }
        let reparsed = Parser.parse(SourceFile(path: "fuzz.cjm", text: formatted), limits: limits)
        precondition(CanonicalForm.text(of: reparsed.syntax, source: reparsed.source) == formatted, "fmt is not idempotent\n\(formatted)")
    }
}
