import CGraphviz
import CJMSyntax
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The body of the hidden `cjm render-worker` subcommand: one graph per process.
///
/// Reads one `WorkerRequest` on stdin (in the `WireWriter` format) and answers with exactly
/// one `WorkerFrame` on stdout: the map (or, for a layout request, the geometries in the
/// wire format), exit status 0; or a `RenderFailure` it caught,
/// exit status `failureStatus` (its plain message also goes to stderr, for a person reading
/// it). Before Graphviz runs, file descriptor 1 is pointed at stderr and the real stdout
/// kept on a private descriptor, so nothing but that frame can reach the parent's stdout.
/// A crash, an `exit()` inside Graphviz or the memory cap show up to the parent as a
/// missing or cut frame, a signal or another status instead.
public enum RenderWorker {
    /// Exit status of a failure the worker reported itself.
    public static let failureStatus: Int32 = 3
    /// Set to 1 to get build/layout/render timings on stderr.
    public static let timingsVariable = "CJM_RENDER_TIMINGS"
    /// For tests only: makes the worker misbehave after a successful render the way a dying
    /// Graphviz would. `exit-silently` calls `exit(0)` before writing anything; `truncate`
    /// writes only the first half of its frame and returns 0.
    public static let testFaultVariable = "CJM_TEST_WORKER_FAULT"

    /// What a run ended with.
    public struct Outcome {
        /// The process's exit status.
        public let status: Int32
        /// The request and its answer, handed back so that a process about to end can skip
        /// freeing a large map's values piece by piece (measurably: benchmarks/README.md).
        let served: (WorkerRequest, RenderedMap)?

        init(_ status: Int32, served: (WorkerRequest, RenderedMap)? = nil) {
            self.status = status
            self.served = served
        }
    }

    /// Runs the worker. `memoryLimitBytes` caps the address space (RLIMIT_AS) before
    /// anything is read; `reportTimings` writes one timings line to stderr.
    public static func run(memoryLimitBytes: Int? = nil, reportTimings: Bool = false) -> Outcome {
        // Stdout becomes our private channel; whatever Graphviz prints lands on stderr.
        let channel = fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3)
        guard channel >= 0, dup2(STDERR_FILENO, STDOUT_FILENO) == STDOUT_FILENO else {
            writeAll(Array("cjm render-worker: could not set aside stdout: \(String(cString: strerror(errno)))\n".utf8), to: STDERR_FILENO)
            return Outcome(failureStatus)
        }
        cjm_single_malloc_arena()
        if let limit = memoryLimitBytes, limit > 0 {
            var cap = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            guard setrlimit(Int32(RLIMIT_AS.rawValue), &cap) == 0 else {
                return Outcome(report(.workerUnavailable("could not set the memory limit (\(String(cString: strerror(errno))))"), on: channel))
            }
        }
        // Cairo's PDF date and any time formatting follow TZ; fix it for identical bytes.
        setenv("TZ", "UTC", 1)
        tzset()
        let request: WorkerRequest
        do throws(RenderFailure) {
            guard case .success(let bytes) = FileReader.readStandardInput(cap: Int.max / 2, name: "stdin") else {
                throw RenderFailure.workerUnavailable("could not read its request (\(String(cString: strerror(errno))))")
            }
            request = try WorkerRequest(wireBytes: bytes)
        } catch {
            return Outcome(report(error, on: channel))
        }
        var timings = GraphvizRenderer.Timings()
        let map: RenderedMap
        do {
            switch request {
            case .render(let render): map = try GraphvizRenderer.render(render, timings: &timings)
            case .layout(let graphs):
                // The geometries travel as the map's bytes; a layout draws nothing, so no size.
                let (geometries, measured) = try GraphvizRenderer.layOut(graphs, timings: &timings)
                map = RenderedMap(bytes: GeometryWire.bytes(geometries, measuredText: measured), drawing: DrawingSize(width: 0, height: 0))
            }
        } catch {
            return Outcome(report(error, on: channel))
        }
        if reportTimings || ProcessInfo.processInfo.environment[timingsVariable] == "1" {
            writeAll(Array((timings.line + ", " + peakMemory() + "\n").utf8), to: STDERR_FILENO)
        }
        switch ProcessInfo.processInfo.environment[testFaultVariable] {
        case "exit-silently": exit(0)
        case "truncate":
            let frame = WorkerFrame.map(map).bytes
            writeAll(Array(frame.prefix(frame.count / 2)), to: channel)
            return Outcome(0, served: (request, map))
        default: break
        }
        // A failed write cannot be reported on the same channel; the parent sees a cut frame.
        return Outcome(writeAll(WorkerFrame.map(map).bytes, to: channel) ? 0 : failureStatus, served: (request, map))
    }

    /// Peak address space and resident memory, from /proc (for choosing memory limits).
    private static func peakMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let wanted = status.split(separator: "\n").filter { $0.hasPrefix("VmPeak") || $0.hasPrefix("VmHWM") }
        return wanted.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", ")
    }

    private static func report(_ failure: RenderFailure, on channel: Int32) -> Int32 {
        writeAll(Array((failure.message + "\n").utf8), to: STDERR_FILENO)
        writeAll(WorkerFrame.failure(failure).bytes, to: channel)
        return failureStatus
    }

    @discardableResult
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
