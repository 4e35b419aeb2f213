import Foundation
import Testing

/// Debian's Chromium, headless, driven over its DevTools protocol on loopback (a WebSocket
/// spoken with plain sockets here), to see a page as a browser renders it.
final class HeadlessChromium {
    private let process: Process
    private let profile: URL
    private let socket: Int32
    private var nextID = 0
    private var pending: [UInt8] = []

    /// `chromium`, installing Debian's package first when it is missing; cancels the test
    /// (reported as skipped, with the reason) when that cannot be done.
    static func executable() throws -> String {
        if ExternalProgram.isInstalled("chromium") { return "chromium" }
        let install = try ExternalProgram.run(["sh", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || "
                                               + "(apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium)"],
                                              timeout: 900)
        guard install.status == 0, ExternalProgram.isInstalled("chromium") else {
            try Test.cancel("Debian's chromium is not installed and apt-get could not install it: \(install.output.suffix(300))")
        }
        return "chromium"
    }

    /// Opens `url` in a new headless Chromium and connects to that page's DevTools.
    init(url: String) throws {
        let program = try Self.executable()
        profile = try makeScratchFolder()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--user-data-dir=\(profile.path)",
                             "--window-size=1280,900", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Chromium names the port it chose in its profile folder.
        var port: UInt16?
        let deadline = Date().addingTimeInterval(60)
        while port == nil, Date() < deadline {
            let text = try? String(contentsOf: profile.appendingPathComponent("DevToolsActivePort"), encoding: .utf8)
            port = text?.split(separator: "\n").first.flatMap { UInt16($0) }
            if port == nil { usleep(100_000) }
        }
        guard let port else { throw LoopbackHTTP.IOFailure(message: "chromium did not open its DevTools port") }
        var page: String?
        while page == nil, Date() < deadline {
            let list = try LoopbackHTTP.get("/json/list", port: port).body
            page = list.components(separatedBy: "\"webSocketDebuggerUrl\": \"ws://127.0.0.1:\(port)").dropFirst().first
                .flatMap { $0.split(separator: "\"").first.map(String.init) }
            if page == nil { usleep(100_000) }
        }
        guard let page else { throw LoopbackHTTP.IOFailure(message: "chromium has no page to attach to") }
        socket = try LoopbackHTTP.connect(port: port, timeout: 30)
        try LoopbackHTTP.send(socket, "GET \(page) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        var head: [UInt8] = []
        while !head.suffix(4).elementsEqual([13, 10, 13, 10]) {
            var byte: UInt8 = 0
            guard recv(socket, &byte, 1, 0) == 1 else { throw LoopbackHTTP.IOFailure(message: "the DevTools handshake failed") }
            head.append(byte)
        }
        guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
            throw LoopbackHTTP.IOFailure(message: "DevTools refused the WebSocket: \(String(decoding: head, as: UTF8.self))")
        }
    }

    deinit {
        close(socket)
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }

    /// The value of a JavaScript expression in the page, as JSON text (`Runtime.evaluate`).
    func evaluate(_ expression: String) throws -> String {
        nextID += 1
        let id = nextID
        let quoted = String(data: try JSONSerialization.data(withJSONObject: [expression], options: []), encoding: .utf8)!.dropFirst().dropLast()
        try sendFrame("{\"id\":\(id),\"method\":\"Runtime.evaluate\",\"params\":{\"expression\":\(quoted),\"returnByValue\":true}}")
        while true {
            let message = try readMessage()
            guard message.hasPrefix("{\"id\":\(id),") else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any]
            let value = ((object?["result"] as? [String: Any])?["result"] as? [String: Any])?["value"]
            return value.map { "\($0)" } ?? ""
        }
    }

    /// A PNG of the page as it is drawn now (`Page.captureScreenshot`).
    func screenshot() throws -> Data {
        nextID += 1
        let id = nextID
        try sendFrame("{\"id\":\(id),\"method\":\"Page.captureScreenshot\",\"params\":{\"format\":\"png\"}}")
        while true {
            let message = try readMessage()
            guard message.hasPrefix("{\"id\":\(id),") else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any]
            let base64 = (object?["result"] as? [String: Any])?["data"] as? String ?? ""
            return Data(base64Encoded: base64) ?? Data()
        }
    }

    /// One masked text frame (RFC 6455: a client masks everything it sends).
    private func sendFrame(_ text: String) throws {
        let payload = Array(text.utf8)
        var frame: [UInt8] = [0x81]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else if payload.count < 65536 {
            frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            frame.append(0x80 | 127)
            frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
        }
        let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
        frame += mask
        frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
        guard Glibc.send(socket, frame, frame.count, Int32(MSG_NOSIGNAL)) == frame.count else {
            throw LoopbackHTTP.IOFailure(message: "could not send to DevTools")
        }
    }

    /// The next whole text message (fragments joined).
    private func readMessage() throws -> String {
        var message: [UInt8] = []
        while true {
            let header = try read(2)
            var length = Int(header[1] & 0x7F)
            if length == 126 { length = try read(2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try read(8).reduce(0) { $0 << 8 | Int($1) } }
            message += try read(length)
            if header[0] & 0x80 != 0 { return String(decoding: message, as: UTF8.self) }
        }
    }

    private func read(_ count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while pending.count < count {
            let got = recv(socket, &buffer, buffer.count, 0)
            guard got > 0 else { throw LoopbackHTTP.IOFailure(message: "DevTools closed the connection") }
            pending += buffer[0..<got]
        }
        defer { pending.removeFirst(count) }
        return Array(pending[0..<count])
    }
}
