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

/// Runs a program with bytes on its stdin, collecting stdout and stderr, under a wall-clock
/// deadline. One thread multiplexes the three streams with `poll`, so a child that writes
/// megabytes before reading all its input cannot deadlock with us. The streams are socket
/// pairs: a child that dies early makes `send` fail with EPIPE instead of raising SIGPIPE in
/// `cjm`.
struct ChildProcess {
    /// How the child ended.
    enum Termination: Equatable {
        case exited(Int32)
        case signaled(Int32)
        /// Killed (SIGKILL) and reaped by us after the deadline.
        case timedOut
        /// Killed (SIGKILL) and reaped by us because the caller's stop condition came true.
        case stopped
    }

    struct Outcome {
        var termination: Termination
        var stdout: [UInt8]
        /// The last `stderrLimit` bytes of stderr.
        var stderr: [UInt8]
    }

    /// Stderr beyond this is dropped from the front (the last lines say most about a death).
    static let stderrLimit = 256 * 1024

    var executable: String
    var arguments: [String]

    /// Starts the child, feeds `input`, and waits at most `timeout` seconds for it to end.
    /// `shouldStop`, when given, is asked every 50 ms while the child runs; once it answers
    /// true the child is killed and the outcome is `.stopped`.
    func run(input: [UInt8], timeout: Double, stoppingWhen shouldStop: (() -> Bool)? = nil) throws(RenderFailure) -> Outcome {
        // Close-on-exec from birth, so workers spawned in parallel never inherit each other's
        // streams (an inherited write end would hold back EOF).
        let streamType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        var stdinPair: [Int32] = [-1, -1]
        var stdoutPipe: [Int32] = [-1, -1]
        var stderrPipe: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, streamType, 0, &stdinPair) == 0,
              socketpair(AF_UNIX, streamType, 0, &stdoutPipe) == 0,
              socketpair(AF_UNIX, streamType, 0, &stderrPipe) == 0 else {
            let failure = Self.systemFailure("socketpair")
            closeAll(stdinPair + stdoutPipe + stderrPipe)
            throw failure
        }
        let pid: pid_t
        do {
            pid = try spawn(stdin: stdinPair[1], stdout: stdoutPipe[1], stderr: stderrPipe[1])
        } catch {
            closeAll(stdinPair + stdoutPipe + stderrPipe)
            throw error
        }
        // The child holds its own copies; ours of the child's ends must close or EOF never comes.
        closeAll([stdinPair[1], stdoutPipe[1], stderrPipe[1]])
        return exchange(pid: pid, stdin: stdinPair[0], stdout: stdoutPipe[0], stderr: stderrPipe[0], input: input, timeout: timeout,
                        shouldStop: shouldStop)
    }

    private func spawn(stdin: Int32, stdout: Int32, stderr: Int32) throws(RenderFailure) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        // A parent that ignores SIGPIPE must not pass that on: the worker should die of it. Nor
        // SIGINT and SIGTERM, which `cjm watch` ignores to receive them its own way.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) }
        let environment = Self.environment().map { strdup($0) }
        defer { (argv + environment).forEach { free($0) } }
        var pid: pid_t = 0
        let status = (argv + [nil]).withUnsafeBufferPointer { args in
            (environment + [nil]).withUnsafeBufferPointer { env in
                posix_spawn(&pid, executable, &actions, &attributes, args.baseAddress!, env.baseAddress!)
            }
        }
        guard status == 0 else {
            throw .workerUnavailable("could not start \(executable): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Ours, minus the Swift runtime's crash backtracer: a crashing worker should die at
    /// once with a short stderr, not spend seconds symbolicating.
    private static func environment() -> [String] {
        var variables = ProcessInfo.processInfo.environment
        variables["SWIFT_BACKTRACE"] = "enable=no"
        return variables.map { "\($0.key)=\($0.value)" }.sorted()
    }

    private func exchange(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32, input: [UInt8], timeout: Double,
                          shouldStop: (() -> Bool)?) -> Outcome {
        var outcome = Outcome(termination: .timedOut, stdout: [], stderr: [])
        let deadline = ContinuousClock.now + .milliseconds(Int64(max(timeout, 0) * 1000))
        var inputFD: Int32? = stdin
        var openReaders: [Int32] = [stdout, stderr]
        for fd in [stdin, stdout, stderr] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        if input.isEmpty { close(stdin); inputFD = nil }
        var written = 0
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)

        while !openReaders.isEmpty {
            let remaining = Self.milliseconds(until: deadline)
            guard remaining > 0 else { return kill(pid, outcome: outcome, closing: openReaders + (inputFD.map { [$0] } ?? [])) }
            if let shouldStop, shouldStop() {
                return kill(pid, outcome: outcome, closing: openReaders + (inputFD.map { [$0] } ?? []), as: .stopped)
            }
            var fds = openReaders.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            if let inputFD { fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(min(remaining, shouldStop == nil ? 1000 : 50)))
            if ready < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == inputFD {
                    let sent = input[written...].withUnsafeBytes { send(entry.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if sent > 0 { written += sent }
                    if written == input.count || (sent < 0 && errno != EAGAIN && errno != EINTR) {
                        close(entry.fd)
                        inputFD = nil
                    }
                    continue
                }
                let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if entry.fd == stdout {
                        outcome.stdout += buffer[0..<count]
                    } else {
                        outcome.stderr += buffer[0..<count]
                        if outcome.stderr.count > Self.stderrLimit { outcome.stderr.removeFirst(outcome.stderr.count - Self.stderrLimit) }
                    }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(entry.fd)
                    openReaders.removeAll { $0 == entry.fd }
                }
            }
        }
        if let inputFD { close(inputFD) }
        closeAll(openReaders)
        // Both streams are closed; the child is ending. Reap it, still under the deadline.
        var status: Int32 = 0
        while true {
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { outcome.termination = .exited(-1); return outcome }
            if Self.milliseconds(until: deadline) <= 0 { return kill(pid, outcome: outcome, closing: []) }
            usleep(2_000)
        }
        outcome.termination = Self.termination(status)
        return outcome
    }

    private func kill(_ pid: pid_t, outcome: Outcome, closing descriptors: [Int32], as termination: Termination = .timedOut) -> Outcome {
        Glibc.kill(pid, SIGKILL)
        closeAll(descriptors)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        var result = outcome
        result.termination = termination
        return result
    }

    /// Decodes a wait status (the WIFEXITED/WTERMSIG macros are not visible to Swift).
    static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int64 {
        let left = ContinuousClock.now.duration(to: deadline).components
        return left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000
    }

    private static func systemFailure(_ call: String) -> RenderFailure {
        .workerUnavailable("\(call) failed: \(String(cString: strerror(errno)))")
    }

    private func closeAll(_ descriptors: [Int32]) {
        for fd in descriptors where fd >= 0 { close(fd) }
    }
}
