import CJMSyntax
import Testing
import CJMModel
#if canImport(Glibc)
import Glibc
#endif

/// Measurement, not a regression test: with `CJM_CHECK_FILES` set to colon-separated paths,
/// parses and checks each file from disk and prints its diagnostics, size, time and MB/s.
/// Run in release under GNU time for peak memory:
/// `CJM_CHECK_FILES=big.cjm /usr/bin/time -v swift test -c release --skip-build --filter BenchmarkTests`.
@Suite struct BenchmarkTests {
    @Test func checkFilesFromEnvironment() throws {
        guard let list = getenv("CJM_CHECK_FILES").map({ String(cString: $0) }) else { return }
        for path in list.split(separator: ":").map(String.init) {
            let bytes = try IncludeLoader.fileSystem.read(path)
            var start = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            let source = try SourceDecoder.decode(path: path, bytes: bytes).get()
            let result = Checker.check(source)
            var end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &end)
            let seconds = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
            let megabytes = Double(bytes.count) / 1_000_000
            print("\(path): \(bytes.count) bytes, \(result.diagnostics.count) diagnostics, journey \(result.journey == nil ? "nil" : "ok"), "
                  + "\(result.journey?.flows.count ?? 0) flows, decode+parse+check \(seconds) s, \(megabytes / seconds) MB/s")
            for diagnostic in result.diagnostics.prefix(20) {
                print("  \(diagnostic.range.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column): \(diagnostic.code.rawValue) \(diagnostic.message)")
                for note in diagnostic.notes { print("    note: \(note.message)") }
            }
            #expect(bytes.count > 0)
        }
    }
}
