import CGraphviz
import Foundation

/// The body of the hidden `cjm render-worker` subcommand: one graph per process.
///
/// Reads one `RenderRequest` on stdin (in the `WireWriter` format), writes the rendered bytes to stdout and returns
/// 0. On failure it writes the plain message to stderr, then one last line
/// `failureMarker` + the failure as JSON, which `IsolatedRenderer` decodes, and returns
/// `failureStatus`. A crash, an `exit()` inside Graphviz or the memory cap show up to the
/// parent as a signal or another status instead.
public enum RenderWorker {
    /// Exit status of a failure the worker reported itself.
    public static let failureStatus: Int32 = 3
    /// Starts the stderr line that carries a `RenderFailure` as JSON.
    public static let failureMarker = "cjm-render-failure: "
    /// Set to 1 to get build/layout/render timings on stderr.
    public static let timingsVariable = "CJM_RENDER_TIMINGS"

    /// Runs the worker. `memoryLimitBytes` caps the address space (RLIMIT_AS) before
    /// anything is read; `reportTimings` writes one timings line to stderr.
    public static func run(memoryLimitBytes: Int? = nil, reportTimings: Bool = false) -> Int32 {
        cjm_single_malloc_arena()
        if let limit = memoryLimitBytes, limit > 0 {
            var cap = rlimit(rlim_cur: rlim_t(limit), rlim_max: rlim_t(limit))
            guard setrlimit(Int32(RLIMIT_AS.rawValue), &cap) == 0 else {
                return fail(.workerUnavailable("could not set the memory limit (\(String(cString: strerror(errno))))"))
            }
        }
        // Cairo's PDF date and any time formatting follow TZ; fix it for identical bytes.
        setenv("TZ", "UTC", 1)
        tzset()
        let request: RenderRequest
        do throws(RenderFailure) {
            request = try RenderRequest(wireBytes: Array(FileHandle.standardInput.readDataToEndOfFile()))
        } catch {
            return fail(error)
        }
        var timings = GraphvizRenderer.Timings()
        let bytes: [UInt8]
        do {
            bytes = try GraphvizRenderer.render(request, timings: &timings)
        } catch {
            return fail(error)
        }
        if reportTimings || ProcessInfo.processInfo.environment[timingsVariable] == "1" {
            writeAll(Array((timings.line + ", " + peakMemory() + "\n").utf8), to: STDERR_FILENO)
        }
        return writeAll(bytes, to: STDOUT_FILENO) ? 0 : fail(.workerUnavailable("could not write the output"))
    }

    /// Peak address space and resident memory, from /proc (for choosing memory limits).
    private static func peakMemory() -> String {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let wanted = status.split(separator: "\n").filter { $0.hasPrefix("VmPeak") || $0.hasPrefix("VmHWM") }
        return wanted.map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }.joined(separator: ", ")
    }

    private static func fail(_ failure: RenderFailure) -> Int32 {
        var text = failure.message + "\n"
        if let json = try? JSONEncoder().encode(failure) {
            text += failureMarker + String(decoding: json, as: UTF8.self) + "\n"
        }
        writeAll(Array(text.utf8), to: STDERR_FILENO)
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
