import Foundation
import Testing

/// `cjm render` where the output cannot be written or the run is cut short (issue 20): the
/// exit code says which, and the maps already there stay byte for byte, with no temporary
/// file left beside them.
@Suite("cjm render: hostile outputs and interruptions", .serialized)
struct HostileRenderTests {
    static let small = "journey \"Мал\" {\n  channel c \"Звонки\" kind: phone\n  site { page p \"Оплата\" url: \"/pay\" }\n  c -> p\n}\n"

    /// A journey whose layout takes a moment, so a test can catch its worker running.
    static func large(_ name: String) -> String {
        let count = 1_500
        var text = "journey \"\(name)\" {\n"
        for i in 0..<count { text += "  channel c\(i) \"Канал \(i)\" kind: phone\n" }
        text += "  site {\n"
        for i in 0..<count { text += "    page p\(i) \"Страница \(i)\"\n" }
        text += "  }\n"
        for i in 0..<count { text += "  c\(i) -> p\((i * 7) % count)\n" }
        return text + "}\n"
    }

    /// A tmpfs mounted on a new folder (`options` such as `ro` or `size=16k`), or nil with the
    /// reason when this machine does not let the test mount one.
    static func mountTmpfs(_ options: String) throws -> (URL, String?) {
        let folder = try makeScratchFolder()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", options, "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        do { try mount.run() } catch { return (folder, "cannot run mount: \(error)") }
        mount.waitUntilExit()
        return (folder, mount.terminationStatus == 0 ? nil : "mount -t tmpfs failed (needs root in a machine that allows mounts)")
    }

    static func unmount(_ folder: URL) {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder.path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    @Test func intoAReadOnlyFolderExits73() throws {
        let (target, skip) = try Self.mountTmpfs("ro,size=1m")
        defer { Self.unmount(target) }
        if let skip {
            withKnownIssue("skipped: \(skip)") { Issue.record("read-only tmpfs unavailable") }
            return
        }
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.small.write(to: folder.appendingPathComponent("m.cjm"), atomically: true, encoding: .utf8)
        let before = try FolderSnapshot(folder)
        let outcome = try CJMProcess.run(["render", "m.cjm", "-o", target.appendingPathComponent("m.svg").path], in: folder)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("Read-only file system"), "\(outcome.stderr)")
        #expect(try FolderSnapshot(folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func ontoAFullDiskExits73AndLeavesNoPartialFile() throws {
        let (target, skip) = try Self.mountTmpfs("size=16k")
        defer { Self.unmount(target) }
        if let skip {
            withKnownIssue("skipped: \(skip)") { Issue.record("small tmpfs unavailable") }
            return
        }
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.small.write(to: folder.appendingPathComponent("m.cjm"), atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["render", "m.cjm", "-o", target.appendingPathComponent("m.png").path, "--dpi", "600"], in: folder)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("No space left on device"), "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path).isEmpty)
    }

    @Test func ontoItsOwnInputIsRefused() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.small.write(to: folder.appendingPathComponent("m.cjm"), atomically: true, encoding: .utf8)
        let before = try FolderSnapshot(folder)
        let outcome = try CJMProcess.run(["render", "m.cjm", "-o", "m.cjm", "-f", "svg"], in: folder)
        #expect(outcome.status == 73)
        #expect(outcome.stderr.contains("refusing to write m.cjm: it is an input"), "\(outcome.stderr)")
        #expect(try FolderSnapshot(folder) == before)
    }

    /// A missing output folder is made, as `mkdir -p` would.
    @Test func intoAMissingFolderCreatesIt() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.small.write(to: folder.appendingPathComponent("m.cjm"), atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["render", "m.cjm", "-o", "new/deeper/m.svg"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("new/deeper").path) == ["m.svg"])
    }

    /// Old maps of two large journeys rendered, then the journeys edited.
    func folderWithOldMaps(_ names: [String]) throws -> (URL, FolderSnapshot) {
        let folder = try makeScratchFolder()
        for name in names {
            try Self.large(name).write(to: folder.appendingPathComponent("\(name).cjm"), atomically: true, encoding: .utf8)
        }
        let first = try CJMProcess.run(["render", ".", "-f", "svg"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        for name in names {
            try Self.large(name + " изменена").write(to: folder.appendingPathComponent("\(name).cjm"), atomically: true, encoding: .utf8)
        }
        return (folder, try FolderSnapshot(folder))
    }

    @Test func aWorkerKilledMidRenderExits70AndKeepsTheOldMap() throws {
        let (folder, before) = try folderWithOldMaps(["a"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try RunningCJM(["render", "a.cjm", "-f", "svg"], in: folder)
        let worker = try #require(run.waitForWorker(), "no render worker appeared")
        kill(worker, SIGKILL)
        let outcome = run.finish()
        #expect(outcome.status == 70, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("SIGKILL"), "\(outcome.stderr)")
        #expect(try FolderSnapshot(folder) == before)
    }

    @Test func anInterruptDuringAParallelRenderKeepsEveryOldMap() throws {
        let (folder, before) = try folderWithOldMaps(["a", "b"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try RunningCJM(["render", ".", "-j", "2", "-f", "svg"], in: folder)
        #expect(run.waitForWorker() != nil, "no render worker appeared")
        kill(run.pid, SIGINT)
        let outcome = run.finish()
        #expect(outcome.status == 128 + SIGINT, "\(outcome.stderr)")
        #expect(try FolderSnapshot(folder) == before)
    }
}

/// `cjm` started without waiting, so a test can act on it while it runs. Spawned with every
/// signal at its default action: a test runner may ignore SIGINT, and a child would inherit that.
struct RunningCJM {
    let pid: pid_t
    private let errorFile: URL

    init(_ arguments: [String], in folder: URL) throws {
        errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-stderr-\(UUID().uuidString)")
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // The child's working folder: cd in a shell would not keep the signal defaults, so
        // relative paths are made absolute instead.
        let argv = [CJMProcess.executable.path] + arguments.map { $0.hasPrefix("-") || $0.contains("=") ? $0 : Self.absolute($0, in: folder) }
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { cArgs.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, CJMProcess.executable.path, &actions, &attributes, cArgs, environ)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        self.pid = pid
    }

    private static func absolute(_ argument: String, in folder: URL) -> String {
        if argument.hasPrefix("/") || Int(argument) != nil || ["render", "check", "svg", "png", "pdf", "dot"].contains(argument) { return argument }
        return folder.appendingPathComponent(argument).standardizedFileURL.path
    }

    /// The pid of a `render-worker` child of this run, polled for up to 20 s.
    func waitForWorker() -> pid_t? {
        for _ in 0..<4_000 {
            if let pid = Self.workers(parent: pid).first { return pid }
            usleep(5_000)
        }
        return nil
    }

    /// Waits for the run; `status` is the exit status, or 128 + the signal that ended it.
    func finish() -> (status: Int32, stderr: String) {
        var raw: Int32 = 0
        while waitpid(pid, &raw, 0) < 0 && errno == EINTR {}
        let signal = raw & 0x7f
        let stderr = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: errorFile)
        return (signal == 0 ? (raw >> 8) & 0xff : 128 + signal, stderr)
    }

    /// Processes running `cjm render-worker` (children of `parent` when given), from /proc.
    static func workers(parent: pid_t? = nil) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { Int32($0) }.filter { pid in
            guard let command = try? Data(contentsOf: URL(fileURLWithPath: "/proc/\(pid)/cmdline")),
                  String(decoding: command, as: UTF8.self).contains("render-worker"),
                  command.starts(with: Data(CJMProcess.executable.path.utf8)) else { return false }
            guard let parent else { return true }
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }
}
