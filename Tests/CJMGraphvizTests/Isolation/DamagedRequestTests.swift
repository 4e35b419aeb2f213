import Testing
import CJMViewGraph
@testable import CJMGraphviz

/// The real `cjm render-worker` given damaged requests: each is refused in a whole failure
/// frame (exit status 3), never a crash, a hang or a map. The `wire` fuzz target
/// (scripts/fuzz.sh) searches the same decoder for inputs these miss.
@Suite struct DamagedRequestTests {
    static let request = RenderRequest(graph: SampleGraphs.smallFlow(), format: .svg)

    /// Cuts, flipped bytes, counts made huge, and trailing garbage of a real request.
    static var damaged: [(String, [UInt8])] {
        let good = request.wireBytes
        var cases: [(String, [UInt8])] = [("empty", []), ("magic only", WireWriter.magic), ("other version", Array(good.prefix(8)) + [2] + good.dropFirst(9))]
        for cut in [10, 13, good.count / 3, good.count / 2, good.count - 1] { cases.append(("cut at \(cut)", Array(good.prefix(cut)))) }
        for offset in stride(from: WireWriter.magic.count, to: min(good.count, 200), by: 7) {
            var flipped = good
            flipped[offset] ^= 0xFF
            cases.append(("byte \(offset) flipped", flipped))
        }
        var huge = good
        // The graph id's length: 4 bytes right after the magic.
        huge.replaceSubrange(WireWriter.magic.count..<(WireWriter.magic.count + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        cases.append(("a length of 2^31", huge))
        cases.append(("trailing garbage", good + [0]))
        return cases
    }

    @Test func everyDamagedRequestIsRefusedInAFailureFrame() throws {
        let worker = ChildProcess(executable: Worker.executable, arguments: ["render-worker", "--memory-limit", String(2 << 30)])
        for (name, bytes) in Self.damaged {
            let outcome = try worker.run(input: bytes, timeout: 60)
            let frame = try? WorkerFrame(reading: outcome.stdout)
            switch (outcome.termination, frame) {
            case (.exited(RenderWorker.failureStatus), .failure?):
                continue
            case (.exited(0), .map?):
                // A flip inside a label can leave a valid request; it must then be a real map.
                continue
            default:
                Issue.record("\(name): \(outcome.termination), stderr: \(String(decoding: outcome.stderr, as: UTF8.self).suffix(300))")
            }
        }
    }

    @Test func theUndamagedRequestRenders() throws {
        let worker = ChildProcess(executable: Worker.executable, arguments: ["render-worker", "--memory-limit", String(2 << 30)])
        let outcome = try worker.run(input: Self.request.wireBytes, timeout: 60)
        #expect(outcome.termination == .exited(0))
    }
}
