/// What one keyword of the language accepts: the SPEC §2 element table as data, so the
/// checker's structure, attribute and flag checks read from one place. A class so the hot
/// walk passes one reference instead of copying four; `@unchecked Sendable` because
/// `childRules` is written only while the static table is first built, never after.
final class ElementRule: @unchecked Sendable {
    /// Whether an id or a label is required, optional or not allowed.
    enum Part: Sendable { case required, optional, forbidden }

    let keyword: String
    let id: Part
    let label: Part
    /// `name:` attributes the element takes, in the order the table lists them.
    let attributes: [String]
    /// Bare words after the id.
    let flags: [String]
    /// Keywords that may stand in its block; empty means it takes no block (except `style`).
    let children: [String]
    /// What its id declares, when it declares a referable name.
    let declaredKind: DeclaredKind?
    /// The rules of `children`, in the same order, filled once the table is built.
    private(set) var childRules: [ElementRule] = []

    init(_ keyword: String, id: Part, label: Part, attributes: [String] = [], flags: [String] = [], children: [String] = []) {
        self.keyword = keyword
        self.id = id
        self.label = label
        self.attributes = attributes
        self.flags = flags
        self.children = children
        self.declaredKind = DeclaredKind(keyword: keyword)
        self.opensScope = children.contains { DeclaredKind(keyword: $0) != nil }
        self.takesBlock = !children.isEmpty || keyword == "style"
    }

    /// Called once per rule while the table is built, before any rule is shared.
    fileprivate func link(_ table: [String: ElementRule]) {
        childRules = children.compactMap { table[$0] }
    }

    /// The rule of `keyword` when it may stand in this element's block.
    ///
    /// A scan rather than a dictionary: a block takes at most a dozen keywords, and hashing the
    /// keyword of every statement cost several times the scan.
    func childRule(_ keyword: String) -> ElementRule? {
        for rule in childRules where isTableWord(rule.keyword, keyword) { return rule }
        return nil
    }

    /// True when its children declare names of their own (`pipeline`, `stage`, `ads`…), so its
    /// block is a scope; `persona` and `touchpoint` blocks hold only text lines.
    let opensScope: Bool

    /// True when `{ ... }` may follow the element.
    let takesBlock: Bool
}

/// The element table of SPEC §2.
enum ElementRules {
    /// The pseudo-element holding a file's top level: only `journey` stands there.
    static let file = ElementRule("<file>", id: .forbidden, label: .forbidden, children: ["journey"])

    /// The words a `view`'s `show:` accepts besides element ids.
    static let journeyChildren = ["crm", "phase", "persona", "channel", "leads", "pipeline", "site", "ads",
                                  "touchpoint", "view", "style", "include", "lint", "figures"]

    static let all: [ElementRule] = [
        ElementRule("journey", id: .forbidden, label: .required, attributes: ["theme", "currency", "direction", "legend"], children: journeyChildren),
        ElementRule("crm", id: .optional, label: .required),
        ElementRule("phase", id: .required, label: .optional),
        ElementRule("persona", id: .required, label: .required, children: ["goal", "need", "motivation"]),
        ElementRule("goal", id: .forbidden, label: .required),
        ElementRule("need", id: .forbidden, label: .required),
        ElementRule("motivation", id: .forbidden, label: .required),
        ElementRule("channel", id: .required, label: .optional, attributes: ["kind", "crm", "phase", "count", "url"]),
        ElementRule("leads", id: .optional, label: .optional, children: ["stage"]),
        ElementRule("pipeline", id: .required, label: .required, attributes: ["revenue", "profit", "avg_check", "ltv"],
                    children: ["stage", "cross_sell"]),
        // `cross_sell parts`: the "id" is a reference to a pipeline, not a new name.
        ElementRule("cross_sell", id: .required, label: .forbidden),
        ElementRule("stage", id: .required, label: .optional, attributes: ["count", "phase", "from"], flags: ["won", "lost"],
                    children: ["auto"]),
        ElementRule("auto", id: .optional, label: .required, attributes: ["kind", "after"]),
        ElementRule("site", id: .optional, label: .optional, children: ["page"]),
        ElementRule("page", id: .required, label: .optional, attributes: ["url", "phase", "count"]),
        ElementRule("ads", id: .required, label: .optional, attributes: ["kind"], children: ["campaign"]),
        ElementRule("campaign", id: .optional, label: .required, children: ["group"]),
        ElementRule("group", id: .optional, label: .required, children: ["ad"]),
        ElementRule("ad", id: .optional, label: .required, attributes: ["landing", "count"], children: ["query"]),
        ElementRule("query", id: .forbidden, label: .required, attributes: ["count"]),
        ElementRule("touchpoint", id: .required, label: .required, attributes: ["phase", "channel", "persona", "emotion", "count"],
                    children: ["action", "pain", "idea", "feedback", "owner"]),
        ElementRule("action", id: .forbidden, label: .required),
        ElementRule("pain", id: .forbidden, label: .required),
        ElementRule("idea", id: .forbidden, label: .required),
        ElementRule("feedback", id: .forbidden, label: .required),
        ElementRule("owner", id: .forbidden, label: .required),
        ElementRule("view", id: .required, label: .optional, attributes: ["show", "phase", "persona", "direction", "legend"]),
        // `style stage { ... }`: the "id" is the element keyword the rule applies to.
        ElementRule("style", id: .required, label: .forbidden, attributes: styleProperties),
        ElementRule("include", id: .forbidden, label: .required),
        // `lint ignore: W012, empty-phase min_conversion: 20%`: the journey's lint configuration.
        ElementRule("lint", id: .forbidden, label: .forbidden, attributes: ["ignore", "min_conversion"]),
        // `figures "counts.csv"`: counts from a CRM export, relative to the journey's folder.
        ElementRule("figures", id: .forbidden, label: .required),
    ]

    static let byKeyword: [String: ElementRule] = {
        let table = Dictionary(uniqueKeysWithValues: all.map { ($0.keyword, $0) })
        for rule in all + [file] { rule.link(table) }
        return table
    }()

    /// For each keyword, the keywords of the blocks it may stand in (for "belongs in" messages).
    static let parents: [String: [String]] = {
        var result: [String: [String]] = [:]
        for rule in [file] + all {
            for child in rule.children { result[child, default: []].append(rule.keyword == file.keyword ? "the top level" : rule.keyword) }
        }
        return result
    }()

    /// The rule for `keyword` when it may stand directly inside `parent`, else nil.
    static func child(_ keyword: String, in parent: ElementRule) -> ElementRule? {
        _ = byKeyword  // links the table on first use
        return parent.childRule(keyword)
    }

    /// Attributes on edges (`A -> B style: dashed count: 10`).
    static let edgeAttributes = ["style", "count"]
    /// Lines of a `style` block.
    static let styleProperties = ["fill", "stroke", "font", "shape"]
}

/// Whether `written` is the word `tableWord` of the element table (a keyword, attribute or flag,
/// all lower-case ASCII and `_`), as `==` decides, but with the lengths compared first.
///
/// Unequal strings take `String ==`'s slow path (tens of instructions), and the checker tries
/// several table words for each keyword and attribute it reads; the lengths rule most out. The
/// shortcut cannot change an answer: no other text is canonically equivalent to a lower-case
/// ASCII word, so equal words have equal UTF-8 lengths.
@inline(__always)
func isTableWord(_ tableWord: String, _ written: String) -> Bool {
    tableWord.utf8.count == written.utf8.count && tableWord == written
}
