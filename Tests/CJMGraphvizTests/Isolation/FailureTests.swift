import Foundation
import Testing
import CJMViewGraph
@testable import CJMGraphviz

/// Each way a render can fail arrives as the right `RenderFailure`, from a real child.
@Suite struct FailureTests {
    @Test func hugeDpiIsRefusedBeforeAnyProcessStarts() {
        let renderer = IsolatedRenderer(workerExecutable: "/nonexistent/cjm", timeout: 5, memoryLimitBytes: 1 << 30)
        let result = renderer.render(RenderRequest(graph: SampleGraphs.smallFlow(), format: .png, dpi: 100_000))
        #expect(result.failure == .dpiOutOfRange(100_000))
        #expect(result.failure?.message.contains("36…600") == true)
    }

    @Test func oversizedBitmapIsRefusedAfterLayout() throws {
        let result = Worker.render(RenderRequest(graph: SampleGraphs.flowShaped(nodes: 200), format: .png, dpi: 300))
        guard case .failure(.bitmapTooLarge(let width, _, _, let fittingDPI, let paper)) = result else {
            Issue.record("expected bitmapTooLarge, got \(result)")
            return
        }
        #expect(width > RenderCaps.maxBitmapSide)
        // The message names what would work: a dpi that fits, and a sheet.
        let dpi = try #require(fittingDPI)
        #expect(dpi < 300 && dpi >= 36)
        #expect(paper != nil)
        #expect(result.failure?.message.contains("--dpi \(dpi) or lower") == true)
        #expect(result.failure?.message.contains("--paper \(paper!)") == true)
        #expect(result.failure?.message.contains("--tile") == true)
    }

    @Test func tooManyNodesAreRefusedBeforeLayout() {
        var graph = ViewGraph(id: "g")
        graph.nodes = (0...RenderCaps.maxNodes).map { Node(id: "n\($0)", label: ["x"]) }
        let result = Worker.render(RenderRequest(graph: graph, format: .svg))
        #expect(result.failure == .graphTooLarge(what: "nodes", count: RenderCaps.maxNodes + 1, limit: RenderCaps.maxNodes))
    }

    @Test func slowLayoutIsKilledAtTheTimeout() {
        // 3,000 nodes take 4–5 s to lay out on a fast core (1,000 took under 0.5 s on one),
        // so the timeout is met with ten times to spare.
        let started = ContinuousClock.now
        let result = Worker.render(RenderRequest(graph: SampleGraphs.flowShaped(nodes: 3_000), format: .svg), timeout: 0.5)
        #expect(result.failure == .timedOut(seconds: 0.5))
        #expect(started.duration(to: .now) < .seconds(10))
    }

    @Test func stopCheckKillsARenderAndALayout() {
        // Called off at once: the worker is killed before it can answer, for a render and for
        // the block layouts a flow map is composed from alike (`cjm watch` on a newer save).
        let stopped = Worker.renderer().renderMap(RenderRequest(graph: SampleGraphs.smallFlow(), format: .svg), stoppingWhen: { true })
        #expect(stopped.failure == .stopped)
        let layout = Worker.renderer().layOut([SampleGraphs.smallFlow()], stoppingWhen: { true })
        guard case .failure(.stopped) = layout else {
            Issue.record("expected the layout to be stopped, got \(layout)")
            return
        }
        // Never asked to stop: the same layout comes back.
        guard case .success(let done) = Worker.renderer().layOut([SampleGraphs.smallFlow()], stoppingWhen: { false }) else {
            Issue.record("expected a layout")
            return
        }
        #expect(done.geometries.count == 1)
    }

    @Test func memoryCapShowsAsOutOfMemory() {
        // About 70 megapixels at 200 dpi: cairo's surface alone (4 bytes a pixel) is over 250 MB.
        let renderer = Worker.renderer(memoryLimitBytes: 250_000_000)
        let result = renderer.render(RenderRequest(graph: SampleGraphs.flowShaped(nodes: 200), format: .png, dpi: 200))
        #expect(result.failure == .outOfMemory(limitBytes: 250_000_000))
    }

    @Test func unknownEdgeEndIsAnInvalidGraph() {
        var graph = ViewGraph(id: "g")
        graph.nodes = [Node(id: "a", label: ["x"])]
        graph.edges = [Edge(id: "e", from: "a", to: "ghost")]
        guard case .failure(.invalidGraph(let message)) = Worker.render(RenderRequest(graph: graph, format: .svg)) else {
            Issue.record("expected invalidGraph")
            return
        }
        #expect(message.contains("ghost"))
    }

    @Test func missingFontNamesItsPackage() {
        var graph = SampleGraphs.smallFlow()
        graph.style.fontName = "DejaVu Nonexistent Sans"
        #expect(Worker.render(RenderRequest(graph: graph, format: .svg)).failure
            == .missingFont(family: "DejaVu Nonexistent Sans", package: "fonts-dejavu-core"))
    }

    @Test(arguments: [("kill -SEGV $$", RenderFailure.crashed(signal: "SIGSEGV")),
                      ("echo 'Error: trouble in init_rank' >&2; exit 1", .exitedUnexpectedly(status: 1, detail: "Error: trouble in init_rank")),
                      // Stderr is only context: what the old protocol read there is not a report now.
                      ("echo 'cjm-render-failure: {\"timedOut\":{\"seconds\":1}}' >&2; exit 3",
                       .exitedUnexpectedly(status: 3, detail: "cjm-render-failure: {\"timedOut\":{\"seconds\":1}}")),
                      ("exit 0", .incompleteResult("it wrote nothing")),
                      ("printf 'cjm-frame' ; exit 0", .incompleteResult("its result was cut short after 9 bytes")),
                      ("printf '<svg/>' ; exit 0", .incompleteResult("its output is not a cjm result"))])
    func deathOfTheWorkerIsNamed(script: String, expected: RenderFailure) throws {
        #expect(try render(withWorkerScript: "cat >/dev/null\n\(script)").failure == expected)
    }

    /// The real worker, rendering with Graphviz, then ending the way a Graphviz `exit(0)` or a
    /// death mid-write would (`RenderWorker.testFaultVariable`).
    @Test(arguments: [("exit-silently", "it wrote nothing"), ("truncate", "its result was cut short: ")])
    func aWorkerThatExitsWithoutItsWholeFrameHasNotRendered(fault: String, expected: String) throws {
        let result = try render(withWorkerScript: "exec env \(RenderWorker.testFaultVariable)=\(fault) '\(Worker.executable)' \"$@\"")
        guard case .failure(.incompleteResult(let detail)) = result else {
            Issue.record("expected incompleteResult, got \(result)")
            return
        }
        #expect(detail.hasPrefix(expected))
    }

    /// Renders the small flow with a shell script standing in as the worker executable.
    private func render(withWorkerScript body: String) throws -> Result<[UInt8], RenderFailure> {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-worker-\(UUID().uuidString).sh").path
        try "#!/bin/sh\n\(body)\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        chmod(path, 0o755)
        let renderer = IsolatedRenderer(workerExecutable: path, timeout: 60, memoryLimitBytes: 2 << 30)
        var result = renderer.render(RenderRequest(graph: SampleGraphs.smallFlow(), format: .svg))
        // A child spawned by a test running in parallel may briefly hold the new script open
        // for writing (ETXTBSY); that is the test's own race, so try again.
        for _ in 0..<50 where result.failure?.message.contains("Text file busy") == true {
            usleep(20_000)
            result = renderer.render(RenderRequest(graph: SampleGraphs.smallFlow(), format: .svg))
        }
        return result
    }

    @Test func missingWorkerExecutableIsReported() {
        let renderer = IsolatedRenderer(workerExecutable: "/nonexistent/cjm", timeout: 5, memoryLimitBytes: 1 << 30)
        guard case .failure(.workerUnavailable(let message)) = renderer.render(RenderRequest(graph: SampleGraphs.smallFlow(), format: .svg)) else {
            Issue.record("expected workerUnavailable")
            return
        }
        #expect(message.contains("/nonexistent/cjm"))
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
