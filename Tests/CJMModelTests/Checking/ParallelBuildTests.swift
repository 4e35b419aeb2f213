import CJMSyntax
import Foundation
import Testing
@testable import CJMModel

/// The top level built in parts on all cores must give exactly what the serial build
/// gives: the same journey (every list, in order, and the flows derived from it) and the same
/// diagnostics.
@Suite struct ParallelBuildTests {
    /// One check of `source` with the build strategy chosen.
    static func run(_ source: SourceFile, _ strategy: BuildStrategy, loader: IncludeLoader = .fileSystem)
        -> (result: CheckResult, builtInParts: Bool) {
        Checker.check(source, loader: loader, strategy: strategy)
    }

    static func generated(megabytes: Double, seed: Int) throws -> SourceFile {
        SourceFile(path: "generated-\(megabytes)-\(seed).cjm", text: try generateJourney(megabytes: megabytes, seed: seed))
    }

    @Test(arguments: [(2.0, 1), (2.0, 7), (3.0, 2), (3.0, 5)])
    func largeGeneratedJourneyIsBuiltInPartsAndEqualsTheSerialBuild(megabytes: Double, seed: Int) throws {
        let source = try Self.generated(megabytes: megabytes, seed: seed)
        let serial = Self.run(source, .serial)
        let automatic = Self.run(source, .automatic)
        #expect(!serial.builtInParts)
        #expect(automatic.builtInParts, "a journey of \(megabytes) MiB is over the threshold")
        #expect(serial.result.diagnostics.isEmpty, "\(serial.result.diagnostics.prefix(3))")
        let journey = try #require(serial.result.journey)
        // A wrong merge (a run dropped or out of order, `crm`/`leads` lost) changes these.
        expectSame(automatic.result.journey, journey)
        #expect(automatic.result.diagnostics == serial.result.diagnostics)
        #expect(journey.crm != nil && journey.leads != nil && !journey.touchpoints.isEmpty && !journey.pipelines.isEmpty)
    }

    @Test(arguments: [1, 3, 4])
    func smallGeneratedJourneyForcedIntoPartsEqualsTheSerialBuild(seed: Int) throws {
        let source = try Self.generated(megabytes: 0.3, seed: seed)
        let serial = Self.run(source, .serial)
        let automatic = Self.run(source, .automatic)
        let parallel = Self.run(source, .parallel)
        #expect(!automatic.builtInParts, "below the threshold a journey is built on one thread")
        #expect(parallel.builtInParts)
        let journey = try #require(serial.result.journey)
        expectSame(parallel.result.journey, journey)
        expectSame(automatic.result.journey, journey)
    }

    /// Every template and fixture, cut into parts however few children it has.
    @Test(arguments: repositoryFiles(under: ["templates", "Tests/Fixtures"], ending: ".cjm"))
    func templatesAndFixturesEqualTheSerialBuild(path: String) throws {
        let source = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        let serial = Self.run(source, .serial)
        let parallel = Self.run(source, .parallel)
        expectSame(parallel.result.journey, serial.result.journey)
        #expect(parallel.result.diagnostics == serial.result.diagnostics)
        if serial.result.diagnostics.isEmpty, (serial.result.journey.map { $0.phases.count + $0.channels.count } ?? 0) >= 2 {
            #expect(parallel.builtInParts)
        }
    }

    /// Leads in a later part than the pipelines, no `convert`: the leads still convert
    /// into every pipeline of the journey, and the flows are derived from the merged lists.
    @Test func leadsAfterThePipelinesConvertIntoAllOfThem() throws {
        let body = (1...6).map { "  pipeline p\($0) \"П\($0)\" { stage a\n stage b won }" }.joined(separator: "\n")
            + "\n  crm \"CRM\"\n  channel tg crm: auto\n  leads { stage new\n stage qualify }\n  tg -> p1.a"
        let source = SourceFile(path: "main.cjm", text: "journey \"T\" {\n" + body + "\n}\n")
        let serial = Self.run(source, .serial, loader: .inMemory([:]))
        let parallel = Self.run(source, .parallel, loader: .inMemory([:]))
        #expect(parallel.builtInParts)
        let journey = try #require(serial.result.journey)
        #expect(journey.leads?.convertsTo.count == 6)
        expectSame(parallel.result.journey, journey)
        #expect(flowLines(parallel.result.journey) == flowLines(journey))
    }

    /// A large journey whose second half is `include`d from another file: the parts span two
    /// files (ranges of both), and the journey is still the serial one.
    @Test func journeySplitAcrossAnIncludeEqualsTheSerialBuild() throws {
        let lines = try generateJourney(megabytes: 2, seed: 6).split(separator: "\n", omittingEmptySubsequences: false)
        let open = try #require(lines.firstIndex { $0.hasPrefix("journey ") })
        let close = try #require(lines.lastIndex { $0 == "}" })
        // The first top-level statement after the middle of the body.
        let middle = try #require((open + (close - open) / 2 ..< close).first { isTopLevelStatement(lines[$0]) })
        let main = (lines[..<middle] + ["  include \"rest.cjm\"", "}", ""]).joined(separator: "\n")
        let rest = lines[middle..<close].joined(separator: "\n") + "\n"
        let source = SourceFile(path: "main.cjm", text: main)
        let loader = IncludeLoader.inMemory(["main.cjm": main, "rest.cjm": rest])
        let serial = Self.run(source, .serial, loader: loader)
        let automatic = Self.run(source, .automatic, loader: loader)
        #expect(serial.result.diagnostics.isEmpty, "\(serial.result.diagnostics.prefix(3))")
        #expect(automatic.builtInParts)
        let journey = try #require(serial.result.journey)
        #expect(Set(journey.touchpoints.map { $0.source.file }) == ["main.cjm", "rest.cjm"])
        expectSame(automatic.result.journey, journey)
    }

    /// A generated 2 MiB journey with `lines` added at the end of its block, checked serially and
    /// automatically (in parts, when nothing is found).
    static func checkedBothWays(seed: Int, endingWith lines: String) throws
        -> (serial: (result: CheckResult, builtInParts: Bool), automatic: (result: CheckResult, builtInParts: Bool)) {
        var text = try generateJourney(megabytes: 2, seed: seed)
        let end = try #require(text.range(of: "}", options: .backwards))
        text.insert(contentsOf: lines, at: end.lowerBound)
        let source = SourceFile(path: "ending-\(seed).cjm", text: text)
        return (run(source, .serial), run(source, .automatic))
    }

    /// An error near the end of a large journey (in the last part): the diagnostics are exactly
    /// the serial build's, because the parts are dropped and the serial code reports.
    @Test func errorInTheLastPartGivesTheSerialDiagnostics() throws {
        let (serial, automatic) = try Self.checkedBothWays(seed: 3, endingWith: "  touchpoint broken \"Сломано\" phase: nowhere emotion: 7 colour: red\n  chanel x\n")
        #expect(!automatic.builtInParts, "a part reported, so the serial build ran")
        #expect(serial.result.journey == nil && automatic.result.journey == nil)
        #expect(serial.result.diagnostics.count >= 3)
        #expect(automatic.result.diagnostics == serial.result.diagnostics)
    }

    /// A second `crm` in the last part is no error to any part on its own; the serial build
    /// reports it.
    @Test func secondCRMInTheLastPartIsReported() throws {
        let (serial, automatic) = try Self.checkedBothWays(seed: 4, endingWith: "  crm second \"Второй\"\n")
        #expect(!automatic.builtInParts)
        #expect(serial.result.diagnostics.map(\.code) == [.duplicateElement])
        #expect(automatic.result.diagnostics == serial.result.diagnostics)
    }

    /// The runs cover every child once, in order, none empty, and their statement ranges tile
    /// the block.
    @Test(arguments: [1, 2, 3, 8])
    func partsCoverTheTopLevelInOrder(count: Int) throws {
        let source = try Self.generated(megabytes: 0.3, seed: 2)
        let parsed = Parser.parse(source)
        guard case .element(let journey)? = parsed.syntax.statements.first(where: { if case .element = $0 { true } else { false } }),
              let statements = journey.body?.statements else { Issue.record("no journey"); return }
        var builder = JourneyBuilder(symbols: SymbolTable(), sink: DiagnosticSink(limit: 100))
        let topLevel = builder.children(statements, in: ElementRules.byKeyword["journey"]!, path: ElementPath([]))
        let parts = topLevel.parts(count)
        #expect(parts.count == count)
        #expect(parts.allSatisfy { $0.children.count > 0 })
        #expect(parts.map(\.children.count).reduce(0, +) == topLevel.count)
        #expect(parts.first?.statements.lowerBound == 0 && parts.last?.statements.upperBound == statements.count)
        #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.statements.upperBound == $1.statements.lowerBound })
        // Every child, in order, and each within its run's statements.
        func start(_ child: Child) -> Int {
            switch child {
            case .element(let element, _, _): element.range.start.offset
            case .edge(let edge): edge.range.start.offset
            }
        }
        #expect(parts.flatMap { $0.children.map(start) } == topLevel.map(start))
        for part in parts {
            let first = statements[part.statements.lowerBound].range.start.offset
            let last = statements[part.statements.upperBound - 1].range.start.offset
            #expect(part.children.allSatisfy { (first...last).contains(start($0)) })
        }
    }
}

/// `  touchpoint …`: two spaces, then a keyword (not a brace, not a deeper line).
func isTopLevelStatement(_ line: Substring) -> Bool {
    line.hasPrefix("  ") && line.dropFirst(2).first?.isLetter == true
}

/// Expects `built` to equal `expected`, naming the parts that differ instead of printing two
/// journeys of megabytes.
func expectSame(_ built: Journey?, _ expected: Journey?, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let same = built == expected
    #expect(same, "differs in: \(differingParts(built, expected))", sourceLocation: sourceLocation)
}

func differingParts(_ a: Journey?, _ b: Journey?) -> [String] {
    guard let a, let b else { return a == nil && b == nil ? [] : ["one is nil"] }
    var parts: [String] = []
    func compare<T: Equatable>(_ name: String, _ path: KeyPath<Journey, T>) {
        if a[keyPath: path] != b[keyPath: path] { parts.append(name) }
    }
    compare("title", \.title); compare("theme", \.theme); compare("crm", \.crm); compare("phases", \.phases)
    compare("personas", \.personas); compare("channels", \.channels); compare("leads", \.leads)
    compare("pipelines", \.pipelines); compare("sites", \.sites); compare("adNetworks", \.adNetworks)
    compare("touchpoints", \.touchpoints); compare("views", \.views); compare("styles", \.styles)
    compare("flows", \.flows); compare("source", \.source)
    return parts
}

/// The repository's root, from this file's place in it.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The files under `folders` (relative to the repository) whose names end with `suffix`, sorted.
func repositoryFiles(under folders: [String], ending suffix: String) -> [String] {
    folders.flatMap { folder -> [String] in
        let directory = repositoryRoot.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.map { directory.appendingPathComponent($0).path }
    }.sorted()
}

struct GeneratorFailure: Error, CustomStringConvertible {
    var description: String
}

/// `scripts/generate-journey.py --megabytes … --seed …`: a valid journey, the same bytes for a seed.
func generateJourney(megabytes: Double, seed: Int) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/generate-journey.py").path,
                         "--megabytes", String(megabytes), "--seed", String(seed)]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0, let text = String(data: data, encoding: .utf8) else {
        throw GeneratorFailure(description: "generate-journey.py exited with \(process.terminationStatus)")
    }
    return text
}
