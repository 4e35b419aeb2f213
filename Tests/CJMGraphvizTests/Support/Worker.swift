import Foundation
@testable import CJMGraphviz

/// The real `cjm` executable, built by `swift build` / `swift test` next to the test bundle
/// (`.build/<triple>/debug/cjm`), so every render here goes through `cjm render-worker`.
enum Worker {
    static let executable: String = {
        let bundle = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        var directory = bundle.deletingLastPathComponent()
        // On Linux the bundle is the test executable itself; elsewhere it is a directory tree.
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("cjm").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return "cjm (not built: run `swift build` first)"
    }()

    static func renderer(timeout: Double = 60, memoryLimitBytes: Int = 2 << 30) -> IsolatedRenderer {
        IsolatedRenderer(workerExecutable: executable, timeout: timeout, memoryLimitBytes: memoryLimitBytes)
    }

    /// Renders through a real worker.
    static func render(_ request: RenderRequest, timeout: Double = 60) -> Result<[UInt8], RenderFailure> {
        renderer(timeout: timeout).render(request)
    }

    static func bytes(_ request: RenderRequest) throws -> [UInt8] {
        try render(request).get()
    }

    /// Renders through a real worker, keeping what it measured.
    static func map(_ request: RenderRequest, timeout: Double = 60) throws -> RenderedMap {
        try renderer(timeout: timeout).renderMap(request).get()
    }
}

/// Runs a command-line tool and returns its exit status and output.
enum Tool {
    static func run(_ arguments: [String], input: [UInt8] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Inputs here are small SVG/DOT files; write, close, then drain.
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    /// Parses an SVG with Python's expat-based ElementTree: nil when it is not well-formed,
    /// otherwise its texts, groups (id and class), links and fills.
    static func parseSVG(_ bytes: [UInt8]) throws -> ParsedSVG? {
        let script = """
        import sys, json, xml.etree.ElementTree as E
        try:
            root = E.fromstring(sys.stdin.buffer.read())
        except E.ParseError as e:
            print(json.dumps(None)); sys.exit(0)
        ns = '{http://www.w3.org/2000/svg}'
        out = {'texts': [], 'groups': [], 'links': [], 'fills': []}
        for el in root.iter():
            tag = el.tag.replace(ns, '')
            if tag == 'text': out['texts'].append(el.text or '')
            if tag == 'g': out['groups'].append({'id': el.get('id', ''), 'class': el.get('class', '')})
            if tag == 'a':
                out['links'].append({'href': el.get('{http://www.w3.org/1999/xlink}href', ''),
                                     'title': el.get('{http://www.w3.org/1999/xlink}title', '')})
            if el.get('fill'): out['fills'].append(el.get('fill'))
        print(json.dumps(out))
        """
        let result = try run(["python3", "-c", script], input: bytes)
        return try JSONDecoder().decode(ParsedSVG?.self, from: Data(result.stdout.utf8))
    }
}

/// What `Tool.parseSVG` reports.
struct ParsedSVG: Decodable {
    struct Group: Decodable { var id: String; var `class`: String }
    struct Link: Decodable { var href: String; var title: String }
    var texts: [String]
    var groups: [Group]
    var links: [Link]
    /// Every `fill` attribute value.
    var fills: [String]

    func groups(ofClass name: String) -> [Group] {
        groups.filter { $0.class.split(separator: " ").contains(Substring(name)) }
    }
}
