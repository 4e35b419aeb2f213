import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The hostile inputs of issue 20 through the real `cjm check`: each ends in the exit code
/// stated, its error printed at `file:line:column` with the source line and a caret under that
/// column, and the folder left exactly as it was (nothing created, nothing changed).
@Suite("cjm check: hostile inputs")
struct HostileCheckTests {
    /// One hostile file: its bytes, and each error expected as `CODE@line:column`.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var errors: [String]
        var message: String? = nil
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ errors: [String], message: String? = nil) {
            self.init(name, bytes: Array(text.utf8), errors, message: message)
        }

        init(_ name: String, bytes: [UInt8], _ errors: [String], message: String? = nil) {
            self.name = name
            self.bytes = bytes
            self.errors = errors
            self.message = message
        }
    }

    static func journey(_ body: String) -> String { "journey \"J\" {\n" + body + "\n}\n" }

    static let cases: [Case] = [
        Case("count of 2^63", journey("  channel c count: 9223372036854775808"), ["E032@2:20"]),
        Case("count far beyond 2^64", journey("  channel c count: 1000000000000000000000000000000"), ["E032@2:20"]),
        Case("NaN count", journey("  channel c count: nan"), ["E031@2:20"]),
        Case("infinite count", journey("  channel c count: inf"), ["E031@2:20"]),
        Case("emotion above the range", journey("  touchpoint t \"Т\" emotion: 3"), ["E032@2:29"], message: "from -2 to 2"),
        Case("emotion below the range", journey("  touchpoint t \"Т\" emotion: -3"), ["E032@2:29"]),
        Case("zero duration", journey("  leads {\n    stage a {\n      auto \"А\" after: 0d\n    }\n  }"), ["E032@4:23"]),
        Case("10^8 weeks", journey("  leads {\n    stage a {\n      auto \"А\" after: 100000000w\n    }\n  }"), ["E032@4:23"]),
        Case("a NUL in the middle", journey("  channel c \"а\u{0}б\""), ["E002@2:15"], message: "U+0000"),
        Case("UTF-8 byte order mark", "\u{FEFF}" + journey("  channel c count: -1"), ["E032@2:20"]),
        // `\r\r\n` after `channel c` (a double conversion) is two line ends, as editors show it.
        Case("CRLF line ends", journey("  channel c\r\n  channel d count: -1\r").replacingOccurrences(of: "\n", with: "\r\n"),
             ["E032@4:20"]),
        // A lone CR ends a line, as in classic Mac OS files and as editors and LSP count lines.
        Case("lone-CR line ends", "journey \"J\" {\r  channel c count: -1\r}\r", ["E032@2:20"]),
        Case("Windows-1251", bytes: Array("journey \"J\" {\n  channel c \"".utf8) + [0xD1, 0xF7, 0xE5, 0xF2] + Array("\"\n}\n".utf8),
             ["E001@2:14"], message: "Windows-1251"),
        Case("UTF-16", bytes: [0xFF, 0xFE] + Array("journey".utf8).flatMap { [$0, 0] }, ["E001@1:1"], message: "UTF-16"),
        Case("overlong UTF-8", bytes: Array("journey \"J\" {\n  channel c \"".utf8) + [0xC0, 0xAF] + Array("\"\n}\n".utf8), ["E001@2:14"]),
        Case("surrogate in UTF-8", bytes: Array("journey \"J\" {\n  channel c \"".utf8) + [0xED, 0xA0, 0x80] + Array("\"\n}\n".utf8),
             ["E001@2:14"]),
        Case("right-to-left override in an id", journey("  channel ca\u{202E}b"), ["E002@2:13"], message: "U+202E"),
        Case("zero-width space in an id", journey("  channel ca\u{200B}b"), ["E002@2:13"], message: "U+200B"),
        Case("Cyrillic look-alike of a Latin id", journey("  channel calls\n  touchpoint t \"Т\" channel: c\u{0430}lls"),
             ["E040@3:29"], message: "did you mean `calls`?"),
        Case("Latin look-alike of a Cyrillic id", journey("  channel звонки\n  touchpoint t \"Т\" channel: зв\u{006F}нки"),
             ["E040@3:29"], message: "did you mean `звонки`?"),
        Case("style key image", journey("  style stage { image: \"/etc/passwd\" }"), ["E030@2:17"]),
        Case("style key fontpath", journey("  style stage { fontpath: \"/etc\" }"), ["E030@2:17"]),
        Case("style key shapefile", journey("  style page { shapefile: \"/etc/passwd\" }"), ["E030@2:16"]),
        Case("style key stylesheet", journey("  style channel { stylesheet: \"file:///etc/passwd\" }"), ["E030@2:19"]),
        Case("attribute image on an element", journey("  channel c image: \"/etc/passwd\""), ["E030@2:13"]),
        Case("a newline inside a URL", journey("  channel c url: \"https://shop.example/\\n\""), ["E034@2:18"], message: "line break"),
        Case("a raw line break inside a URL", journey("  channel c url: \"https://shop.example/\n\""), ["E003@2:18", "E003@3:1"]),
        Case("an empty URL", journey("  site { page p url: \"\" }"), ["E034@2:22"], message: "empty"),
        Case("a URL starting with a space", journey("  site { page p url: \" /pay\" }"), ["E034@2:22"]),
        // Among the unknown keywords, the nesting cap is reported where it is hit.
        Case("twenty thousand nested blocks", journey(String(repeating: "a { ", count: 20_000) + String(repeating: "} ", count: 20_000)),
             ["E013@2:255"], message: "nested more than 64 deep"),
    ]

    @Test(arguments: cases)
    func reportsAtTheExactPlaceAndTouchesNothing(_ hostile: Case) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(hostile.bytes).write(to: folder.appendingPathComponent("h.cjm"))
        let before = try FolderSnapshot(folder)
        let outcome = try CJMProcess.run(["check", "h.cjm"], in: folder)
        #expect(outcome.status == 65, "\(outcome.stderr)")
        let found = ReportedErrors(outcome.stderr)
        if hostile.errors.first?.hasPrefix("E013") == true {
            #expect(found.locations.contains(hostile.errors[0]), "\(outcome.stderr)")
        } else {
            #expect(Array(found.locations.prefix(hostile.errors.count)) == hostile.errors, "\(outcome.stderr)")
        }
        found.expectCarets(file: "h.cjm")
        if let message = hostile.message { #expect(outcome.stderr.contains(message), "\(outcome.stderr)") }
        #expect(try FolderSnapshot(folder) == before)
    }

    /// `javascript:`, `data:`, `vbscript:` and `file:` in three casings, bare and behind or
    /// broken by whitespace and control characters: all refused, each at its string.
    @Test(arguments: ["javascript", "data", "vbscript", "file"])
    func scriptAndFileSchemesAreRefusedInEveryDisguise(scheme: String) throws {
        let casings = [scheme, scheme.uppercased(), String(scheme.enumerated().map { $0.offset % 2 == 0 ? Character($0.element.uppercased()) : $0.element })]
        // As written in the .cjm string (so `\\t` is the escape for a tab).
        let disguises: [(String) -> String] = [
            { $0 + ":x" }, { " " + $0 + ":x" }, { "\\t" + $0 + ":x" }, { "\\n" + $0 + ":x" }, { "\\u{1}" + $0 + ":x" },
            { "\\u{7F}" + $0 + ":x" }, { $0 + " :x" }, { String($0.prefix(2)) + "\\t" + String($0.dropFirst(2)) + ":x" },
        ]
        var lines: [String] = []
        for casing in casings {
            for disguise in disguises { lines.append("  channel c\(lines.count) url: \"\(disguise(casing))\"") }
        }
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.journey(lines.joined(separator: "\n")).write(to: folder.appendingPathComponent("h.cjm"), atomically: true, encoding: .utf8)
        let before = try FolderSnapshot(folder)
        let outcome = try CJMProcess.run(["check", "h.cjm"], in: folder)
        #expect(outcome.status == 65)
        let found = ReportedErrors(outcome.stderr)
        // A control character written as `\u{…}` is also refused as an escape (E004).
        #expect(found.locations.filter { $0.hasPrefix("E034") } == lines.indices.map { "E034@\($0 + 2):\(lines[$0].distance(to: "url: \"") + 6)" }, "\(outcome.stderr)")
        found.expectCarets(file: "h.cjm")
        #expect(try FolderSnapshot(folder) == before)
    }

    /// Includes that would read what is not a journey, leave the folder, or never end.
    @Test func hostileIncludesAreRefusedAtOnce() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let maps = folder.appendingPathComponent("maps")
        try FileManager.default.createDirectory(at: maps.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "channel secret\n".write(to: folder.appendingPathComponent("outside.cjm"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: maps.appendingPathComponent("escape.cjm").path, withDestinationPath: "../outside.cjm")
        try FileManager.default.createSymbolicLink(atPath: maps.appendingPathComponent("zero.cjm").path, withDestinationPath: "/dev/zero")
        #expect(mkfifo(maps.appendingPathComponent("pipe.cjm").path, 0o600) == 0)
        for level in 0..<40 {
            try String(repeating: "include \"f\(level + 1).cjm\"\n", count: 2)
                .write(to: maps.appendingPathComponent("f\(level).cjm"), atomically: true, encoding: .utf8)
        }
        try "channel leaf\n".write(to: maps.appendingPathComponent("f40.cjm"), atomically: true, encoding: .utf8)
        let includes = ["/dev/zero", "/etc/passwd", "escape.cjm", "zero.cjm", "sub", "pipe.cjm", "f0.cjm"]
        try Self.journey(includes.map { "  include \"\($0)\"" }.joined(separator: "\n"))
            .write(to: maps.appendingPathComponent("main.cjm"), atomically: true, encoding: .utf8)
        let before = try FolderSnapshot(folder)
        let outcome = try CJMProcess.run(["check", "maps/main.cjm"], in: folder)
        #expect(outcome.status == 65)
        let found = ReportedErrors(outcome.stderr)
        #expect(Array(found.locations.prefix(6)) == ["E052@2:11", "E052@3:11", "E052@4:11", "E052@5:11", "E050@6:11", "E050@7:11"],
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains("is a folder, not a regular file"))
        #expect(outcome.stderr.contains("is a named pipe (FIFO), not a regular file"))
        #expect(outcome.stderr.contains("through a symlink"))
        // The fan-out bomb: one E053 per level at its second include, nothing expanded twice.
        #expect(found.locations.dropFirst(6).count == 40)
        #expect(found.locations.dropFirst(6).allSatisfy { $0 == "E053@2:9" })
        found.expectCarets()
        #expect(try FolderSnapshot(folder) == before)
    }

    @Test func invalidUTF8ShowsTheLineWithAReplacementCharacterAndACaret() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Array("journey \"J\" {\n  channel c \"Сч".utf8) + [0xD1] + Array("т\"\n}\n".utf8)).write(to: folder.appendingPathComponent("h.cjm"))
        let outcome = try CJMProcess.run(["check", "h.cjm"], in: folder)
        #expect(outcome.status == 65)
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("h.cjm:2:16: error[E001]: the file is not valid UTF-8: byte 0xD1") == true, "\(outcome.stderr)")
        #expect(lines.dropFirst().first == "    2 |   channel c \"Сч\u{FFFD}т\"")
        #expect(lines.dropFirst(2).first == "      |                ^")
    }

    /// Markup and CDATA ends in every text field reach the SVG as literal text only.
    @Test func markupInEveryTextFieldStaysText() throws {
        let evil = "<script>alert(1)</script> ]]> &amp; \\\"x\\\" <!-- -->"
        let shown = "<script>alert(1)</script> ]]> &amp; \"x\" <!-- -->"
        let text = """
        journey "\(evil)" {
          persona p "\(evil)" { goal "\(evil)"; need "\(evil)"; motivation "\(evil)" }
          crm b "\(evil)"
          channel c "\(evil)" kind: phone url: "https://shop.example/a b\\"c<d>"
          leads "\(evil)" { stage n "\(evil)" }
          pipeline s "\(evil)" { stage a "\(evil)" { auto r "\(evil)" kind: email after: 1d } }
          site "\(evil)" { page pg "\(evil)" url: "/pay" }
          touchpoint t "\(evil)" channel: c persona: p emotion: -1 { action "\(evil)"; pain "\(evil)"; idea "\(evil)"; feedback "\(evil)"; owner "\(evil)" }
          view v "\(evil)" show: channels
          c -> pg "\(evil)"
        }

        """
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("h.cjm"), atomically: true, encoding: .utf8)
        let check = try CJMProcess.run(["check", "h.cjm"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        for view in ["flow", "board", "v"] {
            let outcome = try CJMProcess.run(["render", "h.cjm", "--view", view, "-o", "-", "-f", "svg"], in: folder)
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let svg = SVGText(outcome.stdout)
            #expect(svg.wellFormed, "\(view): not well-formed XML")
            #expect(svg.elements.allSatisfy { $0 != "script" && $0 != "foreignObject" })
            #expect(svg.texts.joined().contains("<script>alert(1)</script>"), "\(view)")
            #expect(svg.texts.joined().contains("]]>"), "\(view)")
            #expect(svg.hrefs.allSatisfy { $0 == "https://shop.example/a%20b%22c%3Cd%3E" || $0 == "/pay" }, "\(svg.hrefs)")
        }
        _ = shown
    }
}

/// Every file under a folder with its bytes (symlinks and FIFOs by their kind, never read).
struct FolderSnapshot: Equatable {
    var entries: [String: Data]

    init(_ folder: URL) throws {
        entries = [:]
        let manager = FileManager.default
        for path in try manager.subpathsOfDirectory(atPath: folder.path) {
            let full = folder.appendingPathComponent(path).path
            let type = try manager.attributesOfItem(atPath: full)[.type] as? FileAttributeType
            switch type {
            case .typeRegular?: entries[path] = try Data(contentsOf: URL(fileURLWithPath: full))
            case .typeSymbolicLink?: entries[path] = Data(("link " + (try manager.destinationOfSymbolicLink(atPath: full))).utf8)
            default: entries[path] = Data("\(type?.rawValue ?? "unknown")".utf8)
            }
        }
    }
}

/// The errors in `cjm`'s stderr: each header `file:line:column: error[CODE]: …`, the source
/// line under it and the caret line.
struct ReportedErrors {
    struct Report {
        var file: String
        var line: Int
        var column: Int
        var code: String
        var sourceLine: String?
        var caretLine: String?
    }

    var reports: [Report] = []

    init(_ stderr: String) {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            guard let range = line.range(of: ": error[") else { continue }
            let place = line[..<range.lowerBound].split(separator: ":")
            guard place.count >= 3, let row = Int(place[place.count - 2]), let column = Int(place[place.count - 1]) else { continue }
            let code = String(line[range.upperBound...].prefix(4))
            let source = index + 1 < lines.count && lines[index + 1].contains(" | ") ? lines[index + 1] : nil
            let caret = source != nil && index + 2 < lines.count ? lines[index + 2] : nil
            reports.append(Report(file: place.dropLast(2).joined(separator: ":"), line: row, column: column, code: code,
                                  sourceLine: source, caretLine: caret))
        }
    }

    /// `CODE@line:column` of each error, in the order printed.
    var locations: [String] { reports.map { "\($0.code)@\($0.line):\($0.column)" } }

    /// Every error (in `file`, when given) has its source line and a caret line whose `^`
    /// stands under the column, for lines with one cell per character before the caret.
    func expectCarets(file: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        for report in reports where file == nil || report.file == file {
            guard let source = report.sourceLine, let caret = report.caretLine else {
                Issue.record("\(report.file):\(report.line):\(report.column) has no source line", sourceLocation: sourceLocation)
                continue
            }
            #expect(source.hasPrefix(String(repeating: " ", count: max(0, 5 - String(report.line).count)) + "\(report.line) |"),
                    sourceLocation: sourceLocation)
            let gutter = max(5, String(report.line).count) + 3
            let caretCell = caret.distance(to: "^")
            let shownLine = Array(source.dropFirst(gutter))
            // Cells before the caret: one per character, as long as the line's start is plain text.
            let before = shownLine.prefix(max(0, report.column - 1))
            if before.allSatisfy({ $0 != "\t" && !$0.unicodeScalars.contains { $0.properties.generalCategory == .format } }), shownLine.count >= report.column - 1,
               !source.contains("…") {
                #expect(caretCell == gutter + report.column - 1, "caret of \(report.line):\(report.column) at \(caretCell)\n\(source)\n\(caret)",
                        sourceLocation: sourceLocation)
            } else {
                #expect(caretCell >= gutter, sourceLocation: sourceLocation)
            }
        }
    }
}

extension String {
    /// Characters before the first `part`, or -1.
    func distance(to part: String) -> Int {
        guard let range = range(of: part) else { return -1 }
        return self.distance(from: startIndex, to: range.lowerBound)
    }
}

/// What an SVG holds, read with Foundation's XML parser.
struct SVGText {
    var wellFormed = false
    var elements: [String] = []
    var texts: [String] = []
    var hrefs: [String] = []

    init(_ data: Data) {
        final class Reader: NSObject, XMLParserDelegate {
            var elements: [String] = []
            var texts: [String] = []
            var hrefs: [String] = []
            var inText = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                elements.append(name)
                inText = name == "text"
                if inText { texts.append("") }
                if let href = attributes["xlink:href"] ?? attributes["href"] { hrefs.append(href) }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "text" { inText = false }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) {
                if inText { texts[texts.count - 1] += string }
            }
        }
        let parser = XMLParser(data: data)
        let reader = Reader()
        parser.delegate = reader
        wellFormed = parser.parse()
        elements = reader.elements
        texts = reader.texts
        hrefs = reader.hrefs
    }
}
