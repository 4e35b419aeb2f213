import Foundation
import Synchronization
import Testing

/// A running `cjm watch`, as a user starts it: its stderr read as it comes, its port taken from
/// the line it prints, stopped with SIGINT like Ctrl-C.
final class WatchProcess: Sendable {
    private let process: Process
    private let stderrText = TextBuffer()
    private let reader = DispatchGroup()
    /// The port it serves on.
    let port: UInt16

    /// Starts `cjm watch arguments` in `folder` and waits (up to 20 s) until it serves.
    init(_ arguments: [String], in folder: URL) throws {
        process = Process()
        process.executableURL = CJMProcess.executable
        process.arguments = ["watch"] + arguments
        process.currentDirectoryURL = folder
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let handle = err.fileHandleForReading
        let text = stderrText
        DispatchQueue.global().async(group: reader) {
            while true {
                let data = handle.availableData
                if data.isEmpty { return }
                text.value.withLock { $0 += String(decoding: data, as: UTF8.self) }
            }
        }
        var found: UInt16?
        let deadline = Date().addingTimeInterval(20)
        while found == nil, Date() < deadline, process.isRunning {
            found = stderrText.value.withLock { text in
                text.range(of: "serving http://127.0.0.1:").flatMap { range in UInt16(text[range.upperBound...].prefix { $0.isNumber }) }
            }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            process.terminate()
            throw WatchFailure(message: "cjm watch did not start serving: \(stderrText.value.withLock { $0 })")
        }
        port = found
    }

    struct WatchFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Everything it printed to stderr so far.
    var stderr: String { stderrText.value.withLock { $0 } }

    /// Waits up to `timeout` seconds until stderr holds `text` `count` times; whether it did.
    @discardableResult
    func waitForStderr(_ text: String, count: Int = 1, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if stderr.components(separatedBy: text).count - 1 >= count { return true }
            usleep(20_000)
        }
        return false
    }

    /// Sends SIGINT (Ctrl-C) and waits up to 10 s for it to end; its exit status (-1: it
    /// did not end, and was killed).
    func interrupt() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        reader.wait()
        return process.terminationStatus
    }

    /// The process id, for reading its memory from /proc.
    var processIdentifier: Int32 { process.processIdentifier }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// Text shared between the thread reading a pipe and the test.
final class TextBuffer: Sendable {
    let value = Mutex("")
}

/// HTTP over loopback with plain sockets, to see exactly what `cjm watch` sends.
enum LoopbackHTTP {
    struct Response {
        var status: Int
        var headers: String
        var body: String
    }

    /// `GET path` with `Connection: close`; the whole response.
    static func get(_ path: String, port: UInt16, host: String? = nil, timeout: Double = 10) throws -> Response {
        try exchange("GET \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n\r\n", port: port, timeout: timeout)
    }

    /// Sends `request` as it is and reads the whole response, until the server closes.
    static func exchange(_ request: String, port: UInt16, timeout: Double = 10) throws -> Response {
        let socket = try connect(port: port, timeout: timeout)
        defer { close(socket) }
        try send(socket, request)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw IOFailure(message: "no response: \(text)") }
        let head = String(text[..<split.lowerBound])
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: head, body: String(text[split.upperBound...]))
    }

    struct IOFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func connect(port: UInt16, address: String = "127.0.0.1", timeout: Double) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = port.bigEndian
        inet_pton(AF_INET, address, &target.sin_addr)
        let result = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            let reason = String(cString: strerror(errno))
            close(socket)
            throw IOFailure(message: "cannot connect to \(address):\(port): \(reason)")
        }
        return socket
    }

    static func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard Glibc.send(socket, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else { throw IOFailure(message: "send failed") }
    }
}

/// An open `/events` stream, read event by event (its body runs until the connection closes).
final class EventStreamReader {
    struct Event: Equatable {
        var name: String
        var data: String
        var id: String?
    }

    private let socket: Int32
    private var raw: [UInt8] = []
    private var body: [UInt8] = []
    private var headerDone = false
    /// The response's head, once read.
    private(set) var head = ""

    init(path: String, port: UInt16) throws {
        socket = try LoopbackHTTP.connect(port: port, timeout: 0.2)
        try LoopbackHTTP.send(socket, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
    }

    deinit { close(socket) }

    /// The next event (comments skipped), waiting up to `timeout` seconds; nil if none came.
    func next(timeout: Double = 20) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let event = takeEvent() { return event }
            if Date() >= deadline { return nil }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return nil }
            if count > 0 {
                if headerDone { body += buffer[0..<count] } else { raw += buffer[0..<count]; readHead() }
            }
        }
    }

    /// Events until one named `name` comes (returned), or nil after `timeout`.
    func next(named name: String, timeout: Double = 20) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let event = next(timeout: deadline.timeIntervalSinceNow) else { return nil }
            if event.name == name { return event }
        }
        return nil
    }

    private func readHead() {
        guard !headerDone, let end = find([13, 10, 13, 10], in: raw) else { return }
        head = String(decoding: raw[..<end], as: UTF8.self)
        body = Array(raw[(end + 4)...])
        headerDone = true
    }

    private func takeEvent() -> Event? {
        while let end = find([10, 10], in: body) {
            let block = String(decoding: body[..<end], as: UTF8.self)
            body.removeFirst(end + 2)
            var event = Event(name: "message", data: "", id: nil)
            var dataLines: [String] = []
            for line in block.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasPrefix(":") { continue }
                if line.hasPrefix("event: ") { event.name = String(line.dropFirst(7)) }
                if line.hasPrefix("id: ") { event.id = String(line.dropFirst(4)) }
                if line.hasPrefix("data: ") { dataLines.append(String(line.dropFirst(6))) }
            }
            if dataLines.isEmpty && event.name == "message" { continue }
            event.data = dataLines.joined(separator: "\n")
            return event
        }
        return nil
    }

    private func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}
