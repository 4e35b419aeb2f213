import CJMSyntax

/// The second pass: walks the journey's statements (includes already spliced), checks each
/// element against the SPEC table, converts values, resolves references through the symbol
/// table of the first pass, and assembles the `Journey`. One extension per family of elements.
struct JourneyBuilder {
    let symbols: SymbolTable
    var diagnostics: DiagnosticCollector
    /// Every reference resolved so far, in the order met.
    var references: [ResolvedReference] = []

    var crm: CRM?
    var phases: [Phase] = []
    var personas: [Persona] = []
    var channels: [Channel] = []
    var leads: Leads?
    var pipelines: [Pipeline] = []
    var sites: [Site] = []
    var adNetworks: [AdNetwork] = []
    var touchpoints: [Touchpoint] = []
    var views: [ViewDefinition] = []
    var styles: [StyleRule] = []
    /// `A -> B` as written, in order.
    var explicitFlows: [Flow] = []
    /// True once a `convert -> …` line was read; without one, leads convert into every pipeline.
    var writtenConversions = false
    /// The `lint` lines read so far.
    var lint = LintSettings()
    /// Where `min_conversion:` was first given.
    var minConversionSource: SourceRange?
    /// `figures "…"`, once read.
    var figuresReference: FiguresReference?
    /// The currency marks written after sums, in order, for `journeyCurrency`.
    var currencyMarks: [(mark: CurrencyMark, range: SourceRange)] = []
    init(symbols: SymbolTable, diagnostics: DiagnosticCollector) {
        self.symbols = symbols
        self.diagnostics = diagnostics
    }

    /// Checks the journey and returns it, with whatever could be built when errors were found.
    mutating func build(journey element: ElementSyntax, body statements: [Statement]) -> Journey {
        let rule = ElementRules.byKeyword["journey"]!
        let shape = shape(of: element, rule)
        let theme = word(shape.attributes["theme"], as: ThemeName.self) ?? .default
        var seenCRM: ElementSyntax?
        var seenLeads: ElementSyntax?
        let scope = SymbolTable.journeyScope
        for child in children(statements, in: rule, path: ElementPath([])) {
            switch child {
            case .edge(let edge):
                if edge.from.isBare && edge.from.first == "convert" {
                    diagnostics.error(.misplacedElement, "`convert -> …` belongs inside the `leads` block", at: edge.from.range)
                } else {
                    explicitEdge(edge, from: scope)
                }
            case .element(let child, let childRule, let path):
                switch childRule.keyword {
                case "crm":
                    if let first = seenCRM {
                        duplicateElement(child, first: first)
                    } else {
                        seenCRM = child
                        crm = buildCRM(child, childRule, path: path)
                    }
                case "phase": phases.append(buildPhase(child, childRule, path: path))
                case "persona": personas.append(buildPersona(child, childRule, path: path))
                case "channel": channels.append(buildChannel(child, childRule, path: path, scope: scope))
                case "leads":
                    if let first = seenLeads {
                        duplicateElement(child, first: first)
                    } else {
                        seenLeads = child
                        leads = buildLeads(child, childRule, path: path, scope: scope)
                    }
                case "pipeline": pipelines.append(buildPipeline(child, childRule, path: path, scope: scope))
                case "site": sites.append(buildSite(child, childRule, path: path, scope: scope))
                case "ads": adNetworks.append(buildAdNetwork(child, childRule, path: path, scope: scope))
                case "touchpoint": touchpoints.append(buildTouchpoint(child, childRule, path: path, scope: scope))
                case "view": if let view = buildView(child, childRule, path: path, scope: scope) { views.append(view) }
                case "style": if let style = buildStyle(child, childRule) { styles.append(style) }
                case "lint": buildLint(child, childRule)
                case "figures": buildFigures(child, childRule)
                default:
                    // `include` never reaches here: the include expansion spliced or reported it.
                    diagnostics.error(.misplacedElement, "`\(childRule.keyword)` cannot stand here", at: child.keyword.range)
                }
            }
        }
        if phases.isEmpty { phases = Self.defaultPhases(at: element.range) }
        if !writtenConversions { leads?.convertsTo = pipelines.map(\.path) }

        var journey = Journey(
            title: element.label?.value ?? "", theme: theme, crm: crm, phases: phases, personas: personas,
            channels: channels, leads: leads, pipelines: pipelines, sites: sites, adNetworks: adNetworks,
            touchpoints: touchpoints, views: views, styles: styles, source: element.range, lint: lint)
        journey.figuresReference = figuresReference
        journey.currency = journeyCurrency(shape.attributes["currency"])
        journey.direction = word(shape.attributes["direction"], as: MapDirection.self)
        journey.legend = word(shape.attributes["legend"], as: LegendPlacement.self)
        if let currency = journey.currency {
            for index in journey.pipelines.indices {
                journey.pipelines[index].setCurrency(currency)
            }
        }
        journey.flows = ImplicitFlows.derive(for: journey, followedBy: explicitFlows)
        return journey
    }

    /// The five phases a journey has when it names none (SPEC §1).
    static func defaultPhases(at range: SourceRange) -> [Phase] {
        [("awareness", "Осведомлённость"), ("consideration", "Рассмотрение"), ("purchase", "Покупка"),
         ("retention", "Удержание"), ("advocacy", "Рекомендация")].map {
            Phase(path: ElementPath($0.0), label: $0.1, isDefault: true, source: range)
        }
    }

    /// E023 for a second `crm` or `leads` (and a second `journey` at the top level).
    mutating func duplicateElement(_ element: ElementSyntax, first: ElementSyntax) {
        let keyword = element.keyword.name
        diagnostics.error(.duplicateElement, "a journey has at most one `\(keyword)`", at: element.keyword.range,
                   notes: [("the first `\(keyword)` is here", first.keyword.range)])
    }
}

// MARK: - Shape of an element

/// The parts of an element that passed the table's checks. Elements carry a handful of
/// attributes, so small arrays beat dictionaries here.
struct ElementShape {
    /// Attributes the element takes (the first of duplicates), in the order written.
    var attributes = AttributeList()
    /// Flags the element takes, in the order written.
    var flags: [String] = []
}

/// The attributes of an element that passed the table's checks, looked up by name: the ones its
/// rule takes, the first of duplicates. It holds the syntax tree's own array (no copy, no
/// allocation per element) and which of its attributes were accepted; elements carry a handful
/// of attributes, so a scan beats a dictionary.
struct AttributeList {
    private let written: [AttributeSyntax]
    /// Bit `i` set when `written[i]` was accepted, for the first 64; the rest, when a line has
    /// more, are listed in `acceptedBeyond`.
    private let accepted: UInt64
    private let acceptedBeyond: [Int]

    /// The attributes `written`, of which those with bits set in `accepted` (the first 64) or
    /// listed in `acceptedBeyond` (in order) passed the checks.
    init(_ written: [AttributeSyntax] = [], accepted: UInt64 = 0, acceptedBeyond: [Int] = []) {
        self.written = written
        self.accepted = accepted
        self.acceptedBeyond = acceptedBeyond
    }

    /// `name` is a word of the element table (`phase`, `fill`).
    subscript(name: String) -> AttributeSyntax? {
        var mask = accepted
        while mask != 0 {
            let index = mask.trailingZeroBitCount
            if isTableWord(name, written[index].name.name) { return written[index] }
            mask &= mask - 1
        }
        for index in acceptedBeyond where isTableWord(name, written[index].name.name) { return written[index] }
        return nil
    }
}

/// A child statement that may stand where it was written.
enum Child {
    /// An element, its rule, and its path when it declares a name.
    case element(ElementSyntax, ElementRule, path: ElementPath)
    case edge(EdgeSyntax)
}

extension JourneyBuilder {
    /// Checks id, label, block, attributes and flags against `rule` (E024, E025, E026, E030, E033).
    mutating func shape(of element: ElementSyntax, _ rule: ElementRule) -> ElementShape {
        // Every element of a journey passes through here: the parts are only tested for presence
        // until one is found wrong, and only then copied into a message.
        let keyword = rule.keyword
        let hasID = element.id != nil, hasLabel = element.label != nil
        if rule.id == .required && !hasID {
            diagnostics.error(.missingID, "`\(keyword)` needs an id, e.g. `\(keyword) my_id`", at: element.keyword.range)
        } else if rule.id == .forbidden, let id = element.id {
            diagnostics.error(.unexpectedPart, "`\(keyword)` takes no id; put text in quotes: `\(keyword) \"…\"`", at: id.range)
        }
        if rule.label == .required && !hasLabel {
            diagnostics.error(.missingLabel, "`\(keyword)` needs a label in quotes, e.g. `\(keyword)\(element.id.map { " " + $0.name } ?? "") \"…\"`",
                       at: element.id?.range ?? element.keyword.range)
        } else if rule.label == .forbidden, let label = element.label {
            diagnostics.error(.unexpectedPart, "`\(keyword)` takes no label", at: label.range)
        }
        if !rule.takesBlock, let body = element.body {
            diagnostics.error(.unexpectedPart, "`\(keyword)` takes no `{ … }` block", at: body.range)
        }

        var result = ElementShape()
        let written = element.attributes
        if !written.isEmpty { result.attributes = attributes(written, allowed: rule.attributes, of: "`\(keyword)`") }
        let flags = element.flags
        guard !flags.isEmpty else { return result }
        var flagRanges: [SourceRange] = []
        for flag in flags {
            guard rule.flags.contains(where: { isTableWord($0, flag.name) }) else {
                let message = rule.flags.isEmpty
                    ? "`\(keyword)` takes no flags, so not `\(flag.name)`"
                    : "`\(keyword)` has no flag `\(flag.name)` (it takes \(rule.flags.map { "`\($0)`" }.joined(separator: ", ")))"
                diagnostics.error(.unknownAttribute, message, at: flag.range, name: flag.name, suggestingFrom: rule.flags + rule.attributes)
                continue
            }
            if let index = result.flags.firstIndex(of: flag.name) {
                diagnostics.error(.duplicateAttribute, "`\(flag.name)` is given twice", at: flag.range,
                           notes: [("first given here", flagRanges[index])])
                continue
            }
            flagRanges.append(flag.range)
            result.flags.append(flag.name)
        }
        return result
    }

    /// The attributes `written` that `allowed` has (the first of duplicates); reports the others,
    /// E030 (with "did you mean") or E033. `owner` names the element in messages; it is
    /// formatted only when one is reported.
    mutating func attributes(_ written: [AttributeSyntax], allowed: [String], of owner: @autoclosure () -> String) -> AttributeList {
        guard !written.isEmpty else { return AttributeList() }
        precondition(allowed.count <= 64, "a rule names at most 64 attributes")
        var given: UInt64 = 0            // bit k: allowed[k] was given
        var accepted: UInt64 = 0         // bit i: written[i] is accepted, for the first 64
        var acceptedBeyond: [Int] = []
        // Where each allowed name was first given; worked out on the first duplicate only (an
        // error), once, so a hostile line of a hundred thousand duplicates stays linear.
        var firstGiven: [Int] = []
        for index in written.indices {
            let name = written[index].name.name
            guard let slot = allowed.firstIndex(where: { isTableWord($0, name) }) else {
                let owner = owner()
                let message = allowed.isEmpty
                    ? "\(owner) takes no attributes, so not `\(name):`"
                    : "\(owner) has no attribute `\(name):` (it takes \(allowed.map { "`\($0):`" }.joined(separator: ", ")))"
                diagnostics.error(.unknownAttribute, message, at: written[index].name.range, name: name, suggestingFrom: allowed)
                continue
            }
            guard given & (1 << UInt64(slot)) == 0 else {
                if firstGiven.isEmpty {
                    firstGiven = allowed.map { word in written.firstIndex { isTableWord(word, $0.name.name) } ?? -1 }
                }
                diagnostics.error(.duplicateAttribute, "`\(name):` is given twice", at: written[index].name.range,
                           notes: [("first given here", written[firstGiven[slot]].name.range)])
                continue
            }
            given |= 1 << UInt64(slot)
            if index < 64 { accepted |= 1 << UInt64(index) } else { acceptedBeyond.append(index) }
        }
        return AttributeList(written, accepted: accepted, acceptedBeyond: acceptedBeyond)
    }

    /// The statements of a block that may stand in it, reporting the others: unknown keywords
    /// (E020), elements of another block (E021), edges outside the journey and `leads`, and
    /// `name: value` lines outside `style`. Paths come from the same `PositionalIDs` walk as the
    /// declaration pass.
    mutating func children(_ statements: [Statement], in rule: ElementRule, path parentPath: ElementPath) -> [Child] {
        var result: [Child] = []
        var positions = PositionalIDs()
        for statement in statements {
            switch statement {
            case .element(let element):
                guard let childRule = placedRule(of: element, in: rule) else { continue }
                let path = childRule.declaredKind == nil ? parentPath : parentPath.appending(positions.id(of: element).name)
                result.append(.element(element, childRule, path: path))
            case .edge(let edge):
                if rule.keyword == "journey" || rule.keyword == "leads" {
                    result.append(.edge(edge))
                } else {
                    diagnostics.error(.misplacedElement, "an edge `… -> …` cannot stand inside `\(rule.keyword)`; write edges at the journey level",
                               at: edge.range)
                }
            case .property(let property):
                diagnostics.error(.misplacedElement,
                           "`\(property.name.name): …` on a line of its own only stands in a `style` block; write it on its element's line",
                           at: property.name.range)
            }
        }
        return result
    }

    /// The rule of `element` when it may stand in `parent`; else reports E020 or E021.
    mutating func placedRule(of element: ElementSyntax, in parent: ElementRule) -> ElementRule? {
        let keyword = element.keyword.name
        if let rule = ElementRules.child(keyword, in: parent) { return rule }
        let place = parent.keyword == ElementRules.file.keyword ? "at the top level" : "inside `\(parent.keyword)`"
        if ElementRules.byKeyword[keyword] != nil {
            let homes = (ElementRules.parents[keyword] ?? []).map { $0 == "the top level" ? $0 : "`\($0)`" }
            var message = "`\(keyword)` cannot stand \(place)"
            if !homes.isEmpty { message += "; it belongs in " + homes.joined(separator: " or ") }
            if parent.keyword == ElementRules.file.keyword { message += " (an included file holds journey-level statements, without `journey`)" }
            diagnostics.error(.misplacedElement, message, at: element.keyword.range)
        } else {
            let allowed = parent.children
            let message = allowed.isEmpty ? "unknown keyword `\(keyword)`" : "unknown keyword `\(keyword)` \(place)"
            diagnostics.error(.unknownKeyword, message, at: element.keyword.range, name: keyword, suggestingFrom: allowed,
                       listing: allowed.isEmpty ? nil : .closedSet("allowed:"))
        }
        return nil
    }

    /// The labels of a block's text-only children (`goal "…"`), in the order written, each made
    /// by `line` from the index of its keyword in `rule.children` and its text.
    mutating func textChildren<Line>(of element: ElementSyntax, _ rule: ElementRule, path: ElementPath,
                                     line: (Int, String) -> Line) -> [Line] {
        guard let body = element.body else { return [] }
        if let texts = plainTexts(body.statements, rule, line: line) { return texts }
        var texts: [Line] = []
        texts.reserveCapacity(body.statements.count)
        for child in children(body.statements, in: rule, path: path) {
            guard case .element(let written, let lineRule, _) = child else { continue }
            _ = shape(of: written, lineRule)
            if let label = written.label, let kind = rule.children.firstIndex(of: lineRule.keyword) {
                texts.append(line(kind, label.value))
            }
        }
        return texts
    }

    /// The texts of a block whose every statement is a plain text line, a keyword of `rule` and
    /// its label and nothing else, which every check passes; nil when any line is not, and the
    /// caller checks and reports them all. Most blocks of a journey are like this, and they
    /// skip the placement walk.
    private func plainTexts<Line>(_ statements: [Statement], _ rule: ElementRule, line make: (Int, String) -> Line) -> [Line]? {
        var texts: [Line] = []
        texts.reserveCapacity(statements.count)
        for index in statements.indices {
            guard case .element(let line) = statements[index], line.id == nil, line.attributes.isEmpty, line.flags.isEmpty,
                  line.body == nil, let label = line.label, let kind = rule.children.firstIndex(of: line.keyword.name) else { return nil }
            texts.append(make(kind, label.value))
        }
        return texts
    }

    /// The label written, or the id.
    static func label(_ element: ElementSyntax, path: ElementPath) -> String {
        element.label?.value ?? path.id
    }
}
