// libFuzzer target `wire`: arbitrary bytes as the render worker's request (the view graph wire
// format), as `cjm render-worker` reads them from stdin. A damaged request must be refused with
// a RenderFailure, never crash, hang or exhaust memory; one that decodes must encode back to a
// request that decodes the same, and must pass or fail the render caps and the lowering into a
// Graphviz graph with a RenderFailure. The layout itself runs only in a real worker process.
//
// Seeds: with CJM_FUZZ_WRITE_SEEDS=DIR and CJM_FUZZ_SEED_JOURNEYS=a.cjm:b.cjm, the target writes
// the request of every map of those journeys (SVG and PNG) into DIR and exits (scripts/fuzz.sh
// does this before fuzzing).
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
        let request: RenderRequest
        do throws(RenderFailure) {
            request = try RenderRequest(wireBytes: bytes)
        } catch {
            return
        }
        guard let again = try? RenderRequest(wireBytes: request.wireBytes), again == request else {
            fatalError("a request that decodes does not survive encoding again")
        }
        do throws(RenderFailure) {
            try RequestCheck.validate(request)
            let graph = try CGraph(name: "cjm")
            try ViewGraphLowering(view: request.graph, format: request.format, dpi: request.dpi).lower(into: graph)
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
                guard let graph = MapCatalog.build(view: name, journey: journey, persona: nil, theme: theme) else { continue }
                for format in [OutputFormat.svg, .png] {
                    let stem = path.split(separator: "/").last.map(String.init) ?? "journey"
                    let file = "\(folder)/\(stem).\(name).\(format.rawValue).wire"
                    let bytes = RenderRequest(graph: graph, format: format).wireBytes
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
