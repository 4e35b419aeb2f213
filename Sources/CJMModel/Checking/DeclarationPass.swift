import CJMSyntax

/// The first pass: registers every id of the journey in its scope before anything is
/// resolved, since references may point forward. Reports duplicate ids (E043); everything else
/// about an element is left to the build pass, which walks the same elements in the same order.
struct DeclarationPass {
    private(set) var symbols = SymbolTable()
    private(set) var sink: DiagnosticSink
    /// Whether the journey's ids were declared in two halves (for tests).
    private(set) var declaredInHalves = false
    /// Whether the journey writes a `phase` of its own (then no default phase is declared);
    /// noted while declaring rather than found by another walk of the journey.
    private var declaredPhase = false

    init(sink: DiagnosticSink) { self.sink = sink }

    /// Declares the journey's ids; when it writes no `phase`, the default phases are declared
    /// (at `journeyRange`) so `phase: purchase` works without writing them.
    mutating func declare(journeyBody statements: [Statement], journeyRange: SourceRange, strategy: BuildStrategy = .automatic) {
        declare(journeyBody: statements, journeyRange: journeyRange, strategy: strategy, alongside: {})
    }

    /// `declare`, running `alongside` (work that needs none of the ids, such as placing the
    /// journey's children) on the other core while the halves' tables of a large journey are
    /// joined, that step's one thread otherwise idle; on this thread afterwards when the journey
    /// is declared in one piece. Returns what `alongside` returned.
    mutating func declare<Alongside>(journeyBody statements: [Statement], journeyRange: SourceRange, strategy: BuildStrategy,
                                     alongside: () -> Alongside) -> Alongside {
        let journey = ElementRules.byKeyword["journey"]!
        var alongsideResult: Alongside?
        declaredInHalves = declareInHalves(statements, journey, strategy: strategy, alongside: alongside, result: &alongsideResult)
        defer { declareDefaultPhases(at: journeyRange) }
        if !declaredInHalves {
            symbols.reserve(declarations: statements.count)
            var positions = PositionalIDs()
            declare(statements[...], in: journey, path: ElementPath([]), scope: SymbolTable.journeyScope, positions: &positions)
        }
        return alongsideResult ?? alongside()
    }

    private mutating func declareDefaultPhases(at journeyRange: SourceRange) {
        guard !declaredPhase else { return }
        for phase in JourneyBuilder.defaultPhases(at: journeyRange) {
            // An element already using the id keeps it; that default phase is then unreachable by name.
            _ = symbols.declare(Declaration(path: phase.path, kind: .element(.phase), range: journeyRange), in: SymbolTable.journeyScope)
        }
    }

    /// Declares a large journey's statements as two halves on two threads, then appends the
    /// back half's table to the front's (`SymbolTable.append`). Kept only when neither half
    /// reported anything and no journey-level id is in both; otherwise nothing is kept and the
    /// caller declares on one thread, so every duplicate is reported exactly as before.
    private mutating func declareInHalves<Alongside>(_ statements: [Statement], _ journey: ElementRule, strategy: BuildStrategy,
                                                     alongside: () -> Alongside, result: inout Alongside?) -> Bool {
        switch strategy {
        case .serial: return false
        case .automatic: guard statements.count >= ParallelBuild.minimumChildren else { return false }
        case .parallel: guard statements.count >= 2 else { return false }
        }
        // Halves of about equal declaring work, not of equal count: a journey often ends in a
        // run of touchpoints and edges that declare one id or none, while a pipeline or an ad
        // network declares every element of its blocks (the parser counted each block's
        // statements). Unnamed journey-level elements are numbered across the whole journey
        // (`site2`), so the back half counts on from the front's. One walk for both.
        // The walk itself runs as two halves at once: each statement is a cold read. A weight
        // is negative for an element written without an id, which the positional count needs.
        func weigh(_ part: Range<Int>) -> [Int] {
            var weights = [Int](repeating: 0, count: part.count)
            for index in part {
                guard case .element(let element) = statements[index], let rule = ElementRules.child(element.keyword.name, in: journey),
                      rule.declaredKind != nil else { continue }
                let weight = 1 + (rule.opensScope ? element.body?.nestedCount ?? 0 : 0)
                weights[index - part.lowerBound] = element.id == nil ? -weight : weight
            }
            return weights
        }
        let half = statements.count / 2
        let (frontWeights, backWeights) = BothCores.run({ weigh(0..<half) }, { weigh(half..<statements.count) })
        let weights = frontWeights + backWeights
        let total = weights.reduce(0) { $0 + abs($1) }
        var split = 0, sum = 0
        while split < statements.count - 1, sum < total / 2 {
            sum += abs(weights[split])
            split += 1
        }
        let middle = max(split, 1)
        var counted = PositionalIDs()
        for index in 0..<middle where weights[index] < 0 {
            guard case .element(let element) = statements[index] else { continue }
            _ = counted.id(of: element)
        }
        let backPositions = counted
        let (frontRoom, backRoom) = (total, total - sum)
        let limit = sink.limit
        func declareHalf(_ part: ArraySlice<Statement>, from start: PositionalIDs, room: Int) -> DeclarationPass {
            var pass = DeclarationPass(sink: DiagnosticSink(limit: limit))
            var positions = start
            // Each half's table sized for the ids it will hold (the front's takes in the back's
            // too): growing by doubling left up to half of each table allocated and unused.
            pass.symbols.reserve(declarations: room)
            pass.declare(part, in: journey, path: ElementPath([]), scope: SymbolTable.journeyScope, positions: &positions)
            return pass
        }
        var (front, back) = BothCores.run({ declareHalf(statements[..<middle], from: PositionalIDs(), room: frontRoom) },
                                          { declareHalf(statements[middle...], from: backPositions, room: backRoom) })
        guard front.sink.isEmpty, back.sink.isEmpty else { return false }
        let join = TableJoin(front: front.takeSymbols(), back: back.takeSymbols())
        let joined: Bool
        (joined, result) = BothCores.run({ join.run() }, alongside)
        guard joined else { return false }
        symbols = join.takeTable()
        declaredPhase = front.declaredPhase || back.declaredPhase
        return true
    }

    /// The symbol table, leaving an empty one: the caller then holds the only reference, so
    /// changing it does not copy it.
    private mutating func takeSymbols() -> SymbolTable {
        defer { symbols = SymbolTable() }
        return symbols
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
                sink.error(.duplicateID, "`\(id)` is already defined in \(Self.scopeName(parentPath))", at: range,
                           notes: [Diagnostic.Note("first defined here", at: first.range)])
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

/// The back half's table appended to the front's, on whichever thread runs it.
///
/// A class so the join changes the one front table in place (a captured copy would be shared,
/// and appending to it would copy it whole); `@unchecked Sendable` because only the thread that
/// runs `run` touches it until `BothCores.run` has returned.
private final class TableJoin: @unchecked Sendable {
    private var table: SymbolTable
    private let back: SymbolTable

    init(front: SymbolTable, back: SymbolTable) {
        table = front
        self.back = back
    }

    /// Appends; false when a journey-level id is in both halves (see `SymbolTable.append`).
    func run() -> Bool { table.append(back) }

    /// The joined table, leaving an empty one (so the caller's is not shared).
    func takeTable() -> SymbolTable {
        defer { table = SymbolTable() }
        return table
    }
}
