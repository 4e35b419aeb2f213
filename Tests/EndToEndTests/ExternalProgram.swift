import Foundation
import Testing

/// Runs a program other than `cjm` (git, pip, pre-commit, chromium) the way a user's shell would.
enum ExternalProgram {
    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs `arguments[0]` (looked up on PATH) with the rest as arguments; stdout and stderr
    /// together in `output`. Killed after `timeout` seconds (status then -1).
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    timeout: Double = 120) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var data = Data()
        let reader = DispatchGroup()
        DispatchQueue.global().async(group: reader) { data = pipe.fileHandleForReading.readDataToEndOfFile() }
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { process.waitUntilExit(); finished.signal() }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            reader.wait()
            return Outcome(status: -1, output: String(decoding: data, as: UTF8.self) + "\n(killed after \(Int(timeout)) s)")
        }
        reader.wait()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Whether `command` is on PATH.
    static func isInstalled(_ command: String) -> Bool {
        (try? run(["sh", "-c", "command -v \(command)"]).status) == 0
    }
}
