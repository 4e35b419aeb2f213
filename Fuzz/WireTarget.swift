// libFuzzer target `wire`: arbitrary bytes as the render worker's request (the view graph wire
// format), as `cjm render-worker` reads them from stdin. A damaged request must be refused with
// a RenderFailure, never crash, hang or exhaust memory; one that decodes must encode back to a
// request that decodes the same, and must pass or fail the render caps and the lowering into a
// Graphviz graph with a RenderFailure. The layout itself runs only in a real worker process.
//
// The same bytes are also decoded as a layout answer (the geometries a worker sends back).
//
// Seeds: with CJM_FUZZ_WRITE_SEEDS=DIR and CJM_FUZZ_SEED_JOURNEYS=a.cjm:b.cjm, the target writes
// the requests of every map of those journeys (its drawing as SVG and PNG, and its block
// layouts) into DIR and exits (scripts/fuzz.sh does this before fuzzing).
import CJMSyntax
import CJMModel
import CJMViewGraph
import CJMMaps
@testable import CJMGraphviz
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWire(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    WireFuzzing.run(bytes)
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzWireInitialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutableRawPointer?) -> Int32 {
    guard let folder = getenv("CJM_FUZZ_WRITE_SEEDS").map({ String(cString: $0) }) else { return 0 }
    let journeys = getenv("CJM_FUZZ_SEED_JOURNEYS").map { String(cString: $0).split(separator: ":").map(String.init) } ?? []
    exit(WireFuzzing.writeSeeds(into: folder, from: journeys))
}

enum WireFuzzing {
    static func run(_ bytes: [UInt8]) {
        // The same bytes as a worker's answer to a layout request, which the parent decodes.
        _ = try? GeometryWire.geometries(bytes)
        let request: WorkerRequest
        do throws(RenderFailure) {
            request = try WorkerRequest(wireBytes: bytes)
        } catch {
            return
        }
        guard let again = try? WorkerRequest(wireBytes: request.wireBytes), again == request else {
            fatalError("a request that decodes does not survive encoding again")
        }
        do throws(RenderFailure) {
            switch request {
            case .render(let render):
                try RequestCheck.validate(render)
                let graph = try CGraph(name: "cjm")
                try ViewGraphLowering(view: render.graph, format: render.format, dpi: render.dpi).lower(into: graph)
            case .layout(let graphs):
                try RequestCheck.validate(layouts: graphs)
                for block in graphs {
                    let graph = try CGraph(name: "cjm")
                    try ViewGraphLowering(view: block, format: .svg, dpi: 96).lower(into: graph)
                }
            }
        } catch {
            return
        }
    }

    static func writeSeeds(into folder: String, from journeys: [String]) -> Int32 {
        var written = 0
        for path in journeys {
            guard case .success(let bytes) = FileReader.read(path: path, cap: Limits.standard.maxFileBytes),
                  case .success(let source) = SourceDecoder.decode(path: path, bytes: bytes),
                  let journey = Checker.check(source).validJourney else { continue }
            let theme = Theme.named(journey.theme, styles: journey.styles)
            for name in MapCatalog.names(in: journey) {
                guard let draft = MapCatalog.build(view: name, journey: journey, persona: nil, theme: theme) else { continue }
                let stem = path.split(separator: "/").last.map(String.init) ?? "journey"
                var requests = [("render.svg", WorkerRequest.render(RenderRequest(graph: draft.graph, format: .svg))),
                                ("render.png", WorkerRequest.render(RenderRequest(graph: draft.graph, format: .png)))]
                if !draft.blocks.isEmpty { requests.append(("layout", WorkerRequest.layout(draft.blocks))) }
                for (kind, request) in requests {
                    let file = "\(folder)/\(stem).\(name).\(kind).wire"
                    let bytes = request.wireBytes
                    guard let handle = fopen(file, "wb") else { return 1 }
                    fwrite(bytes, 1, bytes.count, handle)
                    fclose(handle)
                    written += 1
                }
            }
        }
        fputs("wrote \(written) wire seeds into \(folder)\n", stderr)
        return written > 0 ? 0 : 1
    }
}
