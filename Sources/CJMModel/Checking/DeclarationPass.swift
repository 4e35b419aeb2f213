import CJMSyntax

/// The first pass: registers every id of the journey in its scope before anything is
/// resolved, since references may point forward. Reports duplicate ids (E043); everything else
/// about an element is left to the build pass, which walks the same elements in the same order.
struct DeclarationPass {
    private(set) var symbols = SymbolTable()
    var diagnostics: DiagnosticCollector
    /// Whether the journey writes a `phase` of its own (then no default phase is declared).
    private var declaredPhase = false

    init(diagnostics: DiagnosticCollector) { self.diagnostics = diagnostics }

    /// Declares the journey's ids; when it writes no `phase`, the default phases are declared
    /// (at `journeyRange`) so `phase: purchase` works without writing them.
    mutating func declare(journeyBody statements: [Statement], journeyRange: SourceRange) {
        var positions = PositionalIDs()
        declare(statements[...], in: ElementRules.byKeyword["journey"]!, path: ElementPath([]), scope: SymbolTable.journeyScope,
                positions: &positions)
        guard !declaredPhase else { return }
        for phase in JourneyBuilder.defaultPhases(at: journeyRange) {
            // An element already using the id keeps it; that default phase is then unreachable by name.
            _ = symbols.declare(Declaration(path: phase.path, kind: .element(.phase), range: journeyRange), in: SymbolTable.journeyScope)
        }
    }

    private mutating func declare(_ statements: ArraySlice<Statement>, in parent: ElementRule, path parentPath: ElementPath, scope: Int,
                                  positions: inout PositionalIDs) {
        for index in statements.indices {
            guard case .element(let element) = statements[index],
                  let rule = ElementRules.child(element.keyword.name, in: parent),
                  let kind = rule.declaredKind else { continue }
            if kind == .element(.phase), scope == SymbolTable.journeyScope { declaredPhase = true }
            let (id, isWritten) = positions.id(of: element)
            let path = parentPath.appending(id)
            let range = element.id?.range ?? element.keyword.range
            if let first = symbols.declare(Declaration(path: path, kind: kind, range: range), in: scope), isWritten {
                diagnostics.error(.duplicateID, "`\(id)` is already defined in \(Self.scopeName(parentPath))", at: range,
                           notes: [("first defined here", first.range)])
            }
            if let body = element.body, rule.opensScope {
                let inner = symbols.openScope(for: path, in: scope)
                var innerPositions = PositionalIDs()
                declare(body.statements[...], in: rule, path: path, scope: inner, positions: &innerPositions)
            }
        }
    }

    /// "this journey" or "`repair`".
    static func scopeName(_ path: ElementPath) -> String {
        path.components.isEmpty ? "this journey" : "`\(path)`"
    }
}
