import CJMSyntax
import Testing
@testable import CJMModel

/// A large journey's ids are declared in two halves on two threads and the tables joined; the
/// joined table must be the one a single pass makes, and any duplicate must be reported by it.
@Suite struct DeclarationHalvesTests {
    /// The journey's body and range, parsed from `text`.
    private func body(_ text: String) throws -> (statements: [Statement], range: SourceRange) {
        let parsed = Parser.parse(SourceFile(path: "d.cjm", text: text))
        guard case .element(let journey)? = parsed.syntax.statements.first else { throw Missing() }
        return (journey.body?.statements ?? [], journey.range)
    }

    private struct Missing: Error {}

    private func declared(_ text: String, _ strategy: BuildStrategy) throws -> DeclarationPass {
        let (statements, range) = try body(text)
        var pass = DeclarationPass(sink: DiagnosticSink(limit: 50))
        pass.declare(journeyBody: statements, journeyRange: range, strategy: strategy)
        return pass
    }

    /// Everything a lookup can observe of a table, declaration by declaration.
    private func outline(_ symbols: SymbolTable) -> [String] {
        symbols.declarations.map { "\($0.path) \($0.kind.word) scope \($0.scope) own \($0.ownScope.map(String.init) ?? "-") \($0.range.start.offset)" }
    }

    @Test(arguments: [1, 2, 3])
    func halvesJoinIntoTheTableOfOnePass(seed: Int) throws {
        let text = try generateJourney(megabytes: 0.5, seed: seed)
        let serial = try declared(text, .serial)
        let halves = try declared(text, .parallel)
        #expect(serial.sink.isEmpty && halves.sink.isEmpty)
        #expect(halves.declaredInHalves && !serial.declaredInHalves)
        #expect(outline(halves.symbols) == outline(serial.symbols))
        // Lookups by bare id and by scope agree too, for every declared id.
        for declaration in serial.symbols.declarations.prefix(2_000) {
            let id = declaration.path.id
            #expect(halves.symbols.all(named: id).map(\.path) == serial.symbols.all(named: id).map(\.path))
            #expect(halves.symbols.member(id, of: declaration.scope)?.path == declaration.path)
        }
    }

    @Test func unnamedJourneyLevelElementsAreNumberedAcrossTheHalves() throws {
        let sites = (1...6).map { "  site { page p\($0) }" }.joined(separator: "\n")
        let serial = try declared("journey \"J\" {\n\(sites)\n}\n", .serial)
        let halves = try declared("journey \"J\" {\n\(sites)\n}\n", .parallel)
        #expect(outline(halves.symbols) == outline(serial.symbols))
        #expect(halves.declaredInHalves)
        #expect(halves.symbols.declarations.map(\.path.description).filter { $0.hasPrefix("site") && !$0.contains(".") }
                == ["site", "site2", "site3", "site4", "site5", "site6"])
    }

    @Test func anIdDeclaredInBothHalvesIsReportedAsOnePassReportsIt() throws {
        var lines = (1...40).map { "  touchpoint t\($0) \"Т\($0)\"" }
        lines[35] = "  touchpoint t3 \"Снова\""
        let text = "journey \"J\" {\n" + lines.joined(separator: "\n") + "\n}\n"
        let serial = try declared(text, .serial)
        let halves = try declared(text, .parallel)
        #expect(serial.sink.diagnostics.map(\.code) == [.duplicateID])
        #expect(halves.sink.diagnostics == serial.sink.diagnostics)
        #expect(!halves.declaredInHalves, "the halves collided, so one pass declared")
        #expect(outline(halves.symbols) == outline(serial.symbols))
    }
}
