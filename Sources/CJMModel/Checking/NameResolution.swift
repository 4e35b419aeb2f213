import CJMSyntax

/// What a reference is allowed to name, and where it stands (for messages). Built on every
/// reference, so it holds no formatted text: messages are formatted only when reported.
struct Expectation: Sendable {
    /// Where the reference stands.
    enum Place: Sendable {
        /// `landing: home`
        case attribute(String)
        /// `convert -> …`, `cross_sell …`
        case keyword(String)
        /// Either end of `A -> B`.
        case edgeEnd
    }

    var place: Place
    /// The kind it may name; nil means any element (never a view).
    var kind: DeclaredKind?

    func accepts(_ found: DeclaredKind) -> Bool {
        if let kind { return found == kind }
        return found != .view
    }

    /// "`landing:`", "`convert`", "an edge end".
    var role: String {
        switch place {
        case .attribute(let name): "`\(name):`"
        case .keyword(let keyword): "`\(keyword)`"
        case .edgeEnd: "an edge end"
        }
    }

    /// "a page", "an element".
    var kindsText: String {
        guard let kind else { return "an element" }
        return Self.article(kind.word) + " " + kind.word
    }

    /// What "is not defined" lists: every element of the expected kind ("(phases: …)"); nothing
    /// for an edge end, which may name any of hundreds of elements.
    var listing: NameListing? {
        guard let kind else { return nil }
        let plural = switch kind.word {
        case "ads": "ad networks"
        case "query": "queries"
        default: kind.word + "s"
        }
        return .defined(plural + ":")
    }

    static func article(_ word: String) -> String {
        guard let first = word.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}

/// SPEC §2 name resolution: a bare id resolves in the nearest enclosing block first, then
/// anywhere in the journey where it is unique (among the elements of the expected kinds);
/// a qualified id (`repair.invoice.remind`) resolves its first part that way, then descends.
extension JourneyBuilder {
    /// The declaration `reference` names, or nil after reporting E040/E041/E042; a reference
    /// resolved is added to `references`.
    mutating func resolve(_ reference: ReferenceSyntax, from scope: Int, as expected: Expectation) -> Declaration? {
        guard let found = lookUp(reference, from: scope, as: expected) else { return nil }
        references.append(ResolvedReference(range: reference.range, target: found.path, declaration: found.range))
        return found
    }

    private mutating func lookUp(_ reference: ReferenceSyntax, from scope: Int, as expected: Expectation) -> Declaration? {
        if reference.isBare { return resolveBare(reference.first, at: reference.range, from: scope, as: expected) }

        guard var current = resolveContainer(reference.first, at: reference.range, from: scope) else { return nil }
        for component in reference.rest {
            guard let inner = current.ownScope, let next = symbols.member(component, of: inner) else {
                let siblings = diagnostics.isAcceptingMore ? current.ownScope.map { symbols.memberIDs(of: $0) } ?? [] : []
                diagnostics.error(.unknownReference, "`\(current.path)` has no `\(component)`", at: reference.range,
                           name: component, suggestingFrom: siblings, listing: .defined("it has:"))
                return nil
            }
            current = next
        }
        guard expected.accepts(current.kind) else {
            reportWrongKind(current, at: reference.range, as: expected)
            return nil
        }
        return current
    }

    private mutating func resolveBare(_ id: String, at range: SourceRange, from scope: Int, as expected: Expectation) -> Declaration? {
        let name = SymbolTable.Name(id)
        var wrongKind: Declaration?
        var next: Int? = scope
        while let current = next {
            if let found = symbols.member(name, of: current) {
                if expected.accepts(found.kind) { return found }
                wrongKind = wrongKind ?? found
            }
            next = symbols.parent(of: current)
        }
        let everywhere = symbols.all(named: name)
        let fitting = everywhere.filter { expected.accepts($0.kind) }
        if fitting.count == 1 { return fitting[0] }
        if fitting.count > 1 {
            reportAmbiguous(id, fitting, at: range)
            return nil
        }
        if let other = wrongKind ?? everywhere.first {
            reportWrongKind(other, at: range, as: expected)
            return nil
        }
        let candidates = diagnostics.isAcceptingMore ? suggestions(for: expected, from: scope) : []
        diagnostics.error(.unknownReference, "\(expected.role) names `\(id)`, which is not defined", at: range,
                   name: id, suggestingFrom: candidates, listing: expected.listing)
        return nil
    }

    /// The first part of a qualified reference: the nearest element of that id, else the only
    /// block of that id in the journey.
    private mutating func resolveContainer(_ id: String, at range: SourceRange, from scope: Int) -> Declaration? {
        let name = SymbolTable.Name(id)
        var next: Int? = scope
        while let current = next {
            if let found = symbols.member(name, of: current) { return found }
            next = symbols.parent(of: current)
        }
        let everywhere = symbols.all(named: name)
        let blocks = everywhere.filter { $0.ownScope != nil }
        if blocks.count > 1 {
            reportAmbiguous(id, blocks, at: range)
            return nil
        }
        if let only = blocks.first ?? everywhere.first { return only }
        let candidates = diagnostics.isAcceptingMore ? suggestions(for: Expectation(place: .edgeEnd, kind: nil), from: scope) : []
        diagnostics.error(.unknownReference, "`\(id)` is not defined", at: range, name: id, suggestingFrom: candidates)
        return nil
    }

    private mutating func reportAmbiguous(_ id: String, _ candidates: [Declaration], at range: SourceRange) {
        let shown = candidates.prefix(10)
        var notes: [(String, SourceRange?)] = shown.map { ("could be `\($0.path)`", $0.range) }
        if candidates.count > shown.count { notes.append(("and \(candidates.count - shown.count) more", nil)) }
        diagnostics.error(.ambiguousReference, "`\(id)` is ambiguous: \(candidates.count) elements have this id; qualify it (e.g. `\(candidates[0].path)`)",
                   at: range, notes: notes)
    }

    private mutating func reportWrongKind(_ found: Declaration, at range: SourceRange, as expected: Expectation) {
        diagnostics.error(.wrongReferenceKind,
                   "\(expected.role) must name \(expected.kindsText), but `\(found.path)` is \(Expectation.article(found.kind.word)) \(found.kind.word)",
                   at: range, notes: [("`\(found.path)` is defined here", found.range)])
    }

    /// Ids worth suggesting: those of the expected kinds, else those visible from `scope`.
    private func suggestions(for expected: Expectation, from scope: Int) -> [String] {
        if let kind = expected.kind { return symbols.ids(of: kind) }
        var ids: [String] = []
        var next: Int? = scope
        while let current = next {
            ids += symbols.memberIDs(of: current)
            next = symbols.parent(of: current)
        }
        return ids
    }
}
