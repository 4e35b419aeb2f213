import CJMSyntax

/// The second pass: walks the journey's statements (includes already spliced), checks each
/// element against the SPEC table, converts values, resolves references through the symbol
/// table of the first pass, and assembles the `Journey`. One extension per family of elements.
struct JourneyBuilder {
    let symbols: SymbolTable
    var sink: DiagnosticSink

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
    /// True once `build` kept a top level built in parts on all cores (tests check the path was taken).
    private(set) var builtInParts = false
    /// The implicit and written flows, when `buildInParts` derived them from the parts' lists.
    var flowsFromParts: [Flow]?

    init(symbols: SymbolTable, sink: DiagnosticSink) {
        self.symbols = symbols
        self.sink = sink
    }

    /// Checks the journey and returns it (the caller drops it when errors were found).
    ///
    /// `strategy` says whether a large top level may be built in parts on all cores
    /// (see `ParallelBuild`); the journey and the diagnostics are the same either way.
    ///
    /// `placed` is the journey's children placed beforehand (`placement(of:limit:)`); it is used
    /// when placing them reported nothing, else they are placed again here and reported.
    mutating func build(journey element: ElementSyntax, body statements: [Statement],
                        strategy: BuildStrategy = .automatic, placed: TopLevelPlacement? = nil) -> Journey {
        let rule = ElementRules.byKeyword["journey"]!
        let shape = shape(of: element, rule)
        let theme = word(shape.attributes["theme"], as: ThemeName.self) ?? .default
        // The placement walk stays in one piece: positional ids (`site2`) count across the whole top level.
        let topLevel = placed.flatMap { $0.isClean ? $0.children : nil } ?? children(statements, in: rule, path: ElementPath([]))
        builtInParts = buildInParts(topLevel, of: statements, strategy: strategy)
        if !builtInParts {
            reserveLists(for: statements[...])
            var seen = TopLevelSingles()
            buildTopLevel(topLevel, seen: &seen)
        }
        if phases.isEmpty { phases = Self.defaultPhases(at: element.range) }
        if !writtenConversions { leads?.convertsTo = pipelines.map(\.path) }

        var journey = Journey(
            title: element.label?.value ?? "", theme: theme, crm: crm, phases: phases, personas: personas,
            channels: channels, leads: leads, pipelines: pipelines, sites: sites, adNetworks: adNetworks,
            touchpoints: touchpoints, views: views, styles: styles, source: element.range)
        journey.flows = flowsFromParts ?? ImplicitFlows.derive(for: journey, followedBy: explicitFlows)
        return journey
    }

    /// The journey's children placed ahead of the build, and whether placing them reported
    /// nothing (only then are they used).
    struct TopLevelPlacement {
        fileprivate let children: ChildList
        let isClean: Bool
    }

    /// Places the journey's children `statements` on their own: journey-level paths need no
    /// symbol table, so this can run while the declaration pass finishes (`declare(alongside:)`).
    static func placement(of statements: [Statement], limit: Int) -> TopLevelPlacement {
        var placer = JourneyBuilder(symbols: SymbolTable(), sink: DiagnosticSink(limit: limit))
        let children = placer.children(statements, in: ElementRules.byKeyword["journey"]!, path: ElementPath([]))
        return TopLevelPlacement(children: children, isClean: placer.sink.isEmpty)
    }

    /// The `crm` and `leads` met so far at the top level: a journey has at most one of each.
    struct TopLevelSingles {
        var crm: ElementSyntax?
        var leads: ElementSyntax?
    }

    /// Builds the journey's top-level children into the lists, in order.
    mutating func buildTopLevel(_ topLevel: ChildList, seen: inout TopLevelSingles) {
        let scope = SymbolTable.journeyScope
        for child in topLevel {
            switch child {
            case .edge(let edge):
                if edge.from.isBare && edge.from.first == "convert" {
                    sink.error(.misplacedElement, "`convert -> …` belongs inside the `leads` block", at: edge.from.range)
                } else {
                    explicitEdge(edge, from: scope)
                }
            case .element(let child, let childRule, let path):
                switch childRule.keyword {
                case "crm":
                    if let first = seen.crm {
                        duplicateElement(child, first: first)
                    } else {
                        seen.crm = child
                        crm = buildCRM(child, childRule, path: path)
                    }
                case "phase": phases.append(buildPhase(child, childRule, path: path))
                case "persona": personas.append(buildPersona(child, childRule, path: path))
                case "channel": channels.append(buildChannel(child, childRule, path: path, scope: scope))
                case "leads":
                    if let first = seen.leads {
                        duplicateElement(child, first: first)
                    } else {
                        seen.leads = child
                        leads = buildLeads(child, childRule, path: path, scope: scope)
                    }
                case "pipeline": pipelines.append(buildPipeline(child, childRule, path: path, scope: scope))
                case "site": sites.append(buildSite(child, childRule, path: path, scope: scope))
                case "ads": adNetworks.append(buildAdNetwork(child, childRule, path: path, scope: scope))
                case "touchpoint": touchpoints.append(buildTouchpoint(child, childRule, path: path, scope: scope))
                case "view": if let view = buildView(child, childRule, path: path, scope: scope) { views.append(view) }
                case "style": if let style = buildStyle(child, childRule) { styles.append(style) }
                default:
                    // `include` never reaches here: the include expansion spliced or reported it.
                    sink.error(.misplacedElement, "`\(childRule.keyword)` cannot stand here", at: child.keyword.range)
                }
            }
        }
    }

    /// Sizes the journey's long lists from the statements up front: a journey holds tens of
    /// thousands of touchpoints or channels, and a doubling array leaves up to half its room
    /// unused (and briefly holds both copies while it grows).
    mutating func reserveLists(for statements: ArraySlice<Statement>) {
        var touchpointCount = 0, channelCount = 0, pipelineCount = 0, siteCount = 0, adsCount = 0, personaCount = 0
        for index in statements.indices {
            guard case .element(let element) = statements[index] else { continue }
            switch element.keyword.name {
            case "touchpoint": touchpointCount += 1
            case "channel": channelCount += 1
            case "pipeline": pipelineCount += 1
            case "site": siteCount += 1
            case "ads": adsCount += 1
            case "persona": personaCount += 1
            default: break
            }
        }
        touchpoints.reserveCapacity(touchpointCount)
        channels.reserveCapacity(channelCount)
        pipelines.reserveCapacity(pipelineCount)
        sites.reserveCapacity(siteCount)
        adNetworks.reserveCapacity(adsCount)
        personas.reserveCapacity(personaCount)
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
        sink.error(.duplicateElement, "a journey has at most one `\(keyword)`", at: element.keyword.range,
                   notes: [Diagnostic.Note("the first `\(keyword)` is here", at: first.keyword.range)])
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

/// The children of a block that passed placement, as indices into its statements: a journey
/// holds tens of thousands of elements, and copying each (≈400 bytes) into a list would cost
/// more than the walk itself. Each `Child` is materialised while iterating.
struct ChildList: Sequence {
    fileprivate struct Entry {
        var index: Int
        /// Nil for an edge.
        var rule: ElementRule?
        var path: ElementPath
        /// `Statement.work` for a child of the journey (the only list cut into runs, see
        /// `parts`), 0 in other blocks: worked out while placing, which a 50 MB journey does on
        /// a core otherwise idle, rather than by `parts` on the one thread then running.
        var work = 0
    }

    fileprivate let statements: [Statement]
    fileprivate var entries: [Entry] = []
    /// The entries this list holds: all of them, or one run's (`parts`), sharing the array.
    private var window: Range<Int>?

    fileprivate init(statements: [Statement]) { self.statements = statements }

    private var held: Range<Int> { window ?? entries.indices }

    struct Iterator: IteratorProtocol {
        fileprivate let list: ChildList
        fileprivate var position: Int
        fileprivate let end: Int

        mutating func next() -> Child? {
            while position < end {
                let entry = list.entries[position]
                position += 1
                switch list.statements[entry.index] {
                case .element(let element): if let rule = entry.rule { return .element(element, rule, path: entry.path) }
                case .edge(let edge): return .edge(edge)
                case .property: continue
                }
            }
            return nil
        }
    }

    func makeIterator() -> Iterator { Iterator(list: self, position: held.lowerBound, end: held.upperBound) }

    /// How many children passed placement.
    var count: Int { held.count }

    /// The children cut into `count` runs, in order, each of about the same `work` (a proxy
    /// for the time building it takes), with the statements each run covers: a run
    /// ends where the next begins, so the runs' statements together are all of `statements`.
    /// `count` is at least 1 and at most the number of children; no run is empty.
    ///
    /// The runs share this list's entries (copying them retained every child's path), and
    /// only fields of entries are read here, never whole entries, for the same reason. Only the
    /// journey's children know their work (`Entry.work`); any other list is cut by count.
    func parts(_ count: Int) -> [(children: ChildList, statements: Range<Int>)] {
        let held = held
        precondition(count >= 1 && count <= held.count, "\(count) parts of \(held.count) children")
        var total = 0
        // At least 1 each: lists other than the journey's have no work noted and are cut by count.
        func work(_ position: Int) -> Int { Swift.max(1, entries[position].work) }
        for position in held { total += work(position) }
        var result: [(children: ChildList, statements: Range<Int>)] = []
        result.reserveCapacity(count)
        var start = held.lowerBound, sum = 0, position = held.lowerBound
        while result.count < count - 1 {
            // Take at least one child, leave at least one for each later part, and stop at the
            // first child that reaches this part's share of the work.
            let target = total * (result.count + 1) / count
            repeat {
                sum += work(position)
                position += 1
            } while sum < target && held.upperBound - position > count - result.count - 1
            result.append(part(start..<position, of: held))
            start = position
        }
        result.append(part(start..<held.upperBound, of: held))
        return result
    }

    /// The children at `range` of `entries`, and the statements from the first one's to the
    /// next run's first (the end of the block for the last run; the block's start for the first).
    private func part(_ range: Range<Int>, of held: Range<Int>) -> (children: ChildList, statements: Range<Int>) {
        var list = self
        list.window = range
        let first = range.lowerBound == held.lowerBound ? 0 : entries[range.lowerBound].index
        let end = range.upperBound == held.upperBound ? statements.count : entries[range.upperBound].index
        return (list, first..<end)
    }
}

extension Statement {
    /// A measure of the work of building it: the statements it holds, itself included, with an
    /// edge counted as four (resolving its dotted ends took about as long as building four
    /// stages or ads, measured on a generated 50 MB journey). Bytes of source were a poor
    /// measure: runs of equal source took from 10 to 120 ms.
    fileprivate var work: Int {
        switch self {
        case .element(let element): return 1 + (element.body?.nestedCount ?? 0)
        case .edge: return 4
        case .property: return 1
        }
    }
}

extension JourneyBuilder {
    /// Checks id, label, block, attributes and flags against `rule` (E024, E025, E026, E030, E033).
    mutating func shape(of element: ElementSyntax, _ rule: ElementRule) -> ElementShape {
        // Every element of a journey passes through here: the parts are only tested for presence
        // until one is found wrong, and only then copied into a message.
        let keyword = rule.keyword
        let hasID = element.id != nil, hasLabel = element.label != nil
        if rule.id == .required && !hasID {
            sink.error(.missingID, "`\(keyword)` needs an id, e.g. `\(keyword) my_id`", at: element.keyword.range)
        } else if rule.id == .forbidden, let id = element.id {
            sink.error(.unexpectedPart, "`\(keyword)` takes no id; put text in quotes: `\(keyword) \"…\"`", at: id.range)
        }
        if rule.label == .required && !hasLabel {
            sink.error(.missingLabel, "`\(keyword)` needs a label in quotes, e.g. `\(keyword)\(element.id.map { " " + $0.name } ?? "") \"…\"`",
                       at: element.id?.range ?? element.keyword.range)
        } else if rule.label == .forbidden, let label = element.label {
            sink.error(.unexpectedPart, "`\(keyword)` takes no label", at: label.range)
        }
        if !rule.takesBlock, let body = element.body {
            sink.error(.unexpectedPart, "`\(keyword)` takes no `{ … }` block", at: body.range)
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
                sink.error(.unknownAttribute, message, at: flag.range, name: flag.name, suggestingFrom: rule.flags + rule.attributes)
                continue
            }
            if let index = result.flags.firstIndex(of: flag.name) {
                sink.error(.duplicateAttribute, "`\(flag.name)` is given twice", at: flag.range,
                           notes: [Diagnostic.Note("first given here", at: flagRanges[index])])
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
                sink.error(.unknownAttribute, message, at: written[index].name.range, name: name, suggestingFrom: allowed)
                continue
            }
            guard given & (1 << UInt64(slot)) == 0 else {
                if firstGiven.isEmpty {
                    firstGiven = allowed.map { word in written.firstIndex { isTableWord(word, $0.name.name) } ?? -1 }
                }
                sink.error(.duplicateAttribute, "`\(name):` is given twice", at: written[index].name.range,
                           notes: [Diagnostic.Note("first given here", at: written[firstGiven[slot]].name.range)])
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
    mutating func children(_ statements: [Statement], in rule: ElementRule, path parentPath: ElementPath) -> ChildList {
        var result = ChildList(statements: statements)
        result.entries.reserveCapacity(statements.count)
        var positions = PositionalIDs()
        // The block's scope, looked up (a hash of the whole path) on the first child that
        // declares a name: text-only blocks such as a touchpoint's never need it.
        var scope: Int?
        var scopeLookedUp = false
        let atTop = rule.keyword == "journey"
        for index in statements.indices {
            switch statements[index] {
            case .element(let element):
                guard let childRule = placedRule(of: element, in: rule) else { continue }
                let path: ElementPath
                if childRule.declaredKind == nil {
                    path = parentPath
                } else if parentPath.components.isEmpty {
                    // A journey-level path is just the id: made afresh, which costs less than
                    // finding the declaration's copy (this walk of the top level runs on one
                    // thread, before the build is split; deeper paths are shared, below).
                    path = ElementPath(positions.id(of: element).name)
                } else {
                    // The declaration pass built this very path (parent path + id, in the scope
                    // of the parent): share it rather than keep a second copy for every element.
                    let id = positions.id(of: element).name
                    if !scopeLookedUp {
                        scope = parentPath.components.isEmpty ? SymbolTable.journeyScope : symbols.scope(of: parentPath)
                        scopeLookedUp = true
                    }
                    path = scope.flatMap { symbols.member(id, of: $0)?.path } ?? parentPath.appending(id)
                }
                result.entries.append(ChildList.Entry(index: index, rule: childRule, path: path, work: atTop ? statements[index].work : 0))
            case .edge(let edge):
                if atTop || rule.keyword == "leads" {
                    result.entries.append(ChildList.Entry(index: index, rule: nil, path: parentPath, work: atTop ? statements[index].work : 0))
                } else {
                    sink.error(.misplacedElement, "an edge `… -> …` cannot stand inside `\(rule.keyword)`; write edges at the journey level",
                               at: edge.range)
                }
            case .property(let property):
                sink.error(.misplacedElement,
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
            sink.error(.misplacedElement, message, at: element.keyword.range)
        } else {
            let allowed = parent.children
            let message = allowed.isEmpty
                ? "unknown keyword `\(keyword)`"
                : "unknown keyword `\(keyword)` \(place) (allowed: \(allowed.map { "`\($0)`" }.joined(separator: ", ")))"
            sink.error(.unknownKeyword, message, at: element.keyword.range, name: keyword, suggestingFrom: allowed)
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
    /// caller checks and reports them all. Most blocks of a large journey are like this, and
    /// skipping the placement walk for them took a tenth off building a touchpoint.
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
