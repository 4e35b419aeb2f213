#if canImport(Glibc)
import Glibc
#endif

/// The running `cjm` binary, re-executed as `cjm render-worker` for each Graphviz render.
enum WorkerExecutable {
    static var path: String {
        if let resolved = realpath("/proc/self/exe", nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        return CommandLine.arguments[0]
    }
}
