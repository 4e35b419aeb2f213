import Foundation
import Testing

/// A test editor: starts the real `cjm lsp` as a child process and speaks the Language Server
/// Protocol to it over its stdin/stdout, with real `Content-Length` framing.
final class LanguageServerClient {
    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()
    private var nextID = 1
    /// Notifications received while waiting for answers, oldest first.
    private(set) var notifications: [[String: Any]] = []

    /// Starts `cjm lsp`; a watchdog ends it after `timeout` seconds, so a hang fails the test
    /// instead of stalling the suite.
    init(timeout: Double = 120) throws {
        process.executableURL = CJMProcess.executable
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let child = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if child.isRunning { child.terminate() } }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends raw bytes, framing and all (for malformed frames).
    func sendRaw(_ bytes: Data) {
        input.fileHandleForWriting.write(bytes)
    }

    /// Sends one message, framed.
    func send(_ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// Sends several messages in one write, so they reach the server together (a request and
    /// its `$/cancelRequest`, say); keep it under the pipe's atomic size, 4 KiB.
    func sendTogether(_ messages: [[String: Any]]) throws {
        var bytes = Data()
        for message in messages {
            let body = try JSONSerialization.data(withJSONObject: message)
            bytes += Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        precondition(bytes.count <= 4096, "over the pipe's atomic write size")
        sendRaw(bytes)
    }

    /// Sends a notification.
    func notify(_ method: String, _ params: [String: Any] = [:]) throws {
        try send(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its answer (the whole response object).
    @discardableResult
    func request(_ method: String, _ params: Any = [String: Any]()) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        return try waitForResponse(id: id)
    }

    /// Waits for the response with `id`, keeping notifications that come first.
    func waitForResponse(id: Any) throws -> [String: Any] {
        while true {
            let message = try receive()
            if message["method"] != nil { notifications.append(message); continue }
            let received = message["id"].map { $0 is NSNull ? "null" : "\($0)" } ?? "null"
            if received == "\(id)" { return message }
        }
    }

    /// Waits for the next `publishDiagnostics` for `uri` (taking one already received first).
    func diagnostics(for uri: String) throws -> [[String: Any]] {
        while true {
            if let index = notifications.firstIndex(where: { ($0["method"] as? String) == "textDocument/publishDiagnostics"
                && (($0["params"] as? [String: Any])?["uri"] as? String) == uri }) {
                let params = notifications.remove(at: index)["params"] as! [String: Any]
                return params["diagnostics"] as! [[String: Any]]
            }
            notifications.append(try receive())
        }
    }

    /// Opens a document with `text`.
    func open(_ uri: String, _ text: String, version: Int = 1) throws {
        try notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "cjm", "version": version, "text": text]])
    }

    /// `initialize` then `initialized`; returns the server's capabilities.
    func initialize() throws -> [String: Any] {
        let answer = try request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [String: Any]()])
        try notify("initialized")
        return (answer["result"] as? [String: Any])?["capabilities"] as? [String: Any] ?? [:]
    }

    /// `shutdown`, `exit`, and the exit status.
    func shutDown() throws -> Int32 {
        _ = try request("shutdown", NSNull())
        try notify("exit")
        return waitForExit()
    }

    /// Waits for the server to end; its exit status.
    func waitForExit() -> Int32 {
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// The next message from the server.
    func receive() throws -> [String: Any] {
        let separator = Data("\r\n\r\n".utf8)
        while true {
            if let end = buffer.range(of: separator) {
                let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
                let length = Int(header.components(separatedBy: "Content-Length:").last!.trimmingCharacters(in: .whitespaces))!
                if buffer.count - (end.upperBound - buffer.startIndex) >= length {
                    let body = buffer[end.upperBound..<end.upperBound + length]
                    buffer = Data(buffer[(end.upperBound + length)...])
                    return try JSONSerialization.jsonObject(with: body) as! [String: Any]
                }
            }
            // read(2) itself: FileHandle.availableData traps on EINTR.
            var chunk = [UInt8](repeating: 0, count: 65536)
            let fd = output.fileHandleForReading.fileDescriptor
            var count: Int
            repeat { count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) } } while count < 0 && errno == EINTR
            if count <= 0 { throw ServerEnded() }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    struct ServerEnded: Error {}
}

/// `{"line":…,"character":…}`.
func lspPosition(_ line: Int, _ character: Int) -> [String: Any] { ["line": line, "character": character] }

/// The `[start line, start character, end line, end character]` of an LSP range object.
func lspRange(_ value: Any?) -> [Int] {
    let range = value as? [String: Any] ?? [:]
    let start = range["start"] as? [String: Any] ?? [:], end = range["end"] as? [String: Any] ?? [:]
    return [start["line"], start["character"], end["line"], end["character"]].map { $0 as? Int ?? -1 }
}
