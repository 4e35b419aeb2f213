import CJMViewGraph
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders a request in a child `cjm render-worker` process, so a Graphviz crash, `exit()`,
/// runaway layout or memory blow-up costs one failed render, never `cjm` itself.
public struct IsolatedRenderer: Sendable {
    /// The `cjm` executable (its own path, normally).
    public var workerExecutable: String
    /// Wall-clock seconds before the worker is killed.
    public var timeout: Double
    /// Address-space cap for the worker, in bytes.
    public var memoryLimitBytes: Int
    /// Ask the worker for its build/layout/render times (returned in `RenderedMap.timings`).
    public var reportTimings: Bool

    /// A renderer that starts `workerExecutable render-worker --memory-limit N` per request.
    public init(workerExecutable: String, timeout: Double, memoryLimitBytes: Int, reportTimings: Bool = false) {
        self.workerExecutable = workerExecutable
        self.timeout = timeout
        self.memoryLimitBytes = memoryLimitBytes
        self.reportTimings = reportTimings
    }

    /// The rendered bytes, or the failure as a value with a plain message.
    public func render(_ request: RenderRequest) -> Result<[UInt8], RenderFailure> {
        renderMap(request).map(\.bytes)
    }

    /// The rendered map with its drawing's size, how it was put on paper and (when asked) the
    /// worker's timing line; or the failure.
    ///
    /// `shouldStop`, when given, is asked every 50 ms while the worker runs (on this thread);
    /// once it answers true the worker is killed and the result is `RenderFailure.stopped`
    /// (`cjm watch` calls off a render that a newer save has made pointless).
    public func renderMap(_ request: RenderRequest, stoppingWhen shouldStop: (() -> Bool)? = nil) -> Result<RenderedMap, RenderFailure> {
        do throws(RenderFailure) {
            try RequestCheck.validate(request)
            // Before the worker: Pango would silently substitute a missing font in it.
            try FontCheck.require(request.graph.style.fontName)
            return .success(try run(.render(request), stoppingWhen: shouldStop))
        } catch {
            return .failure(error)
        }
    }

    /// Each graph laid out on its own (`dot`; a pinned one only measured), all in one worker: where every node, edge and
    /// cluster went, one `GraphGeometry` per graph in order, with the worker's timing line and the
    /// label lines it measured (for the render request of the map composed from them).
    /// `shouldStop` works as in `renderMap(_:stoppingWhen:)`: the worker is killed and the
    /// result is `RenderFailure.stopped`.
    public func layOut(_ graphs: [ViewGraph], stoppingWhen shouldStop: (() -> Bool)? = nil)
        -> Result<(geometries: [GraphGeometry], timings: String?, measuredText: MeasuredText), RenderFailure> {
        do throws(RenderFailure) {
            try RequestCheck.validate(layouts: graphs)
            // Text is measured in the font it will be drawn in.
            for font in Set(graphs.map { $0.style.fontName }).sorted() { try FontCheck.require(font) }
            let map = try run(.layout(graphs), stoppingWhen: shouldStop)
            let (geometries, measured) = try GeometryWire.geometries(map.bytes)
            let matches = zip(graphs, geometries).allSatisfy { (graph: ViewGraph, geometry: GraphGeometry) -> Bool in
                graph.nodes.count == geometry.nodes.count && graph.edges.count == geometry.edges.count
                    && graph.clusters.count == geometry.clusters.count
            }
            guard geometries.count == graphs.count, matches else {
                throw .incompleteResult("its layouts do not match the graphs asked for")
            }
            return .success((geometries, map.timings, measured))
        } catch {
            return .failure(error)
        }
    }

    private func run(_ request: WorkerRequest, stoppingWhen shouldStop: (() -> Bool)?) throws(RenderFailure) -> RenderedMap {
        let child = ChildProcess(executable: workerExecutable,
                                 arguments: ["render-worker", "--memory-limit", String(memoryLimitBytes)] + (reportTimings ? ["--timings"] : []))
        let outcome = try child.run(input: request.wireBytes, timeout: timeout, stoppingWhen: shouldStop)
        let timings = String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n")
            .last { $0.hasPrefix(GraphvizRenderer.Timings.prefix) }.map(String.init)
        var map = try interpret(outcome).get()
        map.timings = timings
        return map
    }

    /// Maps how the worker ended to bytes or a `RenderFailure`. The map is accepted only from
    /// a worker that exited 0 after one whole `WorkerFrame`; a failure it reported in a whole
    /// frame is taken as it is. Otherwise the way it ended decides, and its stderr (Graphviz's
    /// as much as ours) is only read for context, never as a report.
    func interpret(_ outcome: ChildProcess.Outcome) -> Result<RenderedMap, RenderFailure> {
        let stderr = String(decoding: outcome.stderr, as: UTF8.self)
        let frame = Result { () throws(RenderFailure) in try WorkerFrame(reading: outcome.stdout) }
        switch (outcome.termination, frame) {
        case (.timedOut, _):
            return .failure(.timedOut(seconds: timeout))
        case (.stopped, _):
            return .failure(.stopped)
        case (_, .success(.failure(let reported))):
            return .failure(reported)
        case (.exited(0), .success(.map(let map))):
            return .success(map)
        case (.exited(0), .failure(let incomplete)):
            return .failure(incomplete)
        case (.exited(let status), _):
            return .failure(unreported(stderr, fallback: .exitedUnexpectedly(status: status, detail: Self.lastLines(of: stderr))))
        case (.signaled(let signal), _):
            return .failure(unreported(stderr, fallback: .crashed(signal: Self.signalName(signal))))
        }
    }

    /// A failure without the worker's own report: allocation failures anywhere (Graphviz,
    /// cairo, the Swift runtime) under the cap say so on stderr before dying.
    private func unreported(_ stderr: String, fallback: RenderFailure) -> RenderFailure {
        let lowered = stderr.lowercased()
        // "creating thread": under RLIMIT_AS a thread stack cannot be mapped (glib aborts).
        // "memory allocation failure": Graphviz's own allocator, which exits 1.
        let outOfMemory = ["out of memory", "cannot allocate", "could not allocate", "bad_alloc", "memory exhausted", "creating thread",
                           "memory allocation failure"]
        return outOfMemory.contains(where: lowered.contains) ? .outOfMemory(limitBytes: memoryLimitBytes) : fallback
    }

    private static func lastLines(of stderr: String) -> String {
        String(stderr.split(separator: "\n").suffix(3).joined(separator: " ").suffix(400))
    }

    static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL",
                                      SIGKILL: "SIGKILL", SIGTRAP: "SIGTRAP", SIGTERM: "SIGTERM", SIGPIPE: "SIGPIPE", SIGXCPU: "SIGXCPU",
                                      SIGINT: "SIGINT", SIGHUP: "SIGHUP", SIGQUIT: "SIGQUIT"]
        return names[signal] ?? "signal \(signal)"
    }
}
