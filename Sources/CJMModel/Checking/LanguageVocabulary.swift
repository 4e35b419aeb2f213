/// The words of the language an editor offers, read from the element table the checker
/// itself uses (SPEC §2): which keywords stand in a block, which attributes and flags an
/// element takes, the words of enumerated attributes, and what a reference attribute names.
public enum LanguageVocabulary {
    /// What the value of a reference attribute may name.
    public enum ReferenceTarget: Equatable, Sendable {
        /// Elements declared by this keyword (`page`, `stage`, `pipeline`…).
        case declaredBy(String)
        /// Any element (an edge end).
        case anyElement
        /// `show:` of a view: element ids and the block words.
        case viewItems
    }

    /// The keywords that may stand directly in the block of `keyword`; `nil` asks for the top
    /// of a file (only `journey`).
    public static func childKeywords(of keyword: String?) -> [String] {
        guard let keyword else { return ElementRules.file.children }
        return ElementRules.byKeyword[keyword]?.children ?? []
    }

    /// The `name:` attributes `keyword` takes, in table order (a `style` block's properties for `style`).
    public static func attributes(of keyword: String) -> [String] {
        ElementRules.byKeyword[keyword]?.attributes ?? []
    }

    /// The bare flags `keyword` takes (`won`, `lost` on a stage).
    public static func flags(of keyword: String) -> [String] {
        ElementRules.byKeyword[keyword]?.flags ?? []
    }

    /// Whether `keyword` takes an id: true when required or optional.
    public static func takesID(_ keyword: String) -> Bool {
        guard let rule = ElementRules.byKeyword[keyword] else { return false }
        return rule.id != .forbidden
    }

    /// Whether `keyword` must be followed by its id.
    public static func requiresID(_ keyword: String) -> Bool {
        ElementRules.byKeyword[keyword]?.id == .required
    }

    /// Whether `keyword` is a keyword of the language.
    public static func isKeyword(_ keyword: String) -> Bool {
        ElementRules.byKeyword[keyword] != nil
    }

    /// Whether `word` names an attribute or a flag of some element or of an edge.
    public static func isAttributeOrFlag(_ word: String) -> Bool {
        ElementRules.edgeAttributes.contains(word) || ElementRules.all.contains { $0.attributes.contains(word) || $0.flags.contains(word) }
    }

    /// Attributes of an edge `A -> B`.
    public static var edgeAttributes: [String] { ElementRules.edgeAttributes }

    /// The words of an enumerated attribute `name` on `keyword` (`kind:` of a channel,
    /// `crm:`, an edge's `style:` with keyword `->`, a style block's `shape:` with keyword
    /// `style`), or nil when its value is not a fixed set of words.
    public static func words(ofAttribute name: String, on keyword: String) -> [String]? {
        switch (keyword, name) {
        case ("journey", "theme"): ThemeName.allCases.map(\.rawValue)
        case ("channel", "kind"): Channel.Kind.allCases.map(\.rawValue)
        case ("channel", "crm"): Channel.Integration.allCases.map(\.rawValue)
        case ("auto", "kind"): Automation.Kind.allCases.map(\.rawValue)
        case ("ads", "kind"): AdNetwork.Kind.allCases.map(\.rawValue)
        case ("->", "style"): Flow.LineStyle.allCases.map(\.rawValue)
        case ("style", "shape"): StyleRule.Shape.allCases.map(\.rawValue)
        case ("style", "fill"), ("style", "stroke"), ("style", "font"): NamedColours.table.keys.sorted()
        default: nil
        }
    }

    /// What the reference attribute `name` on `keyword` names, or nil when `name` takes no reference.
    public static func referenceTarget(ofAttribute name: String, on keyword: String) -> ReferenceTarget? {
        switch name {
        case "phase": .declaredBy("phase")
        case "persona": .declaredBy("persona")
        case "channel" where keyword == "touchpoint": .declaredBy("channel")
        case "landing": .declaredBy("page")
        case "from": .declaredBy("stage")
        case "show": .viewItems
        default: nil
        }
    }

    /// The block words `show:` accepts besides ids.
    public static var viewBlockWords: [String] { ViewDefinition.Block.allCases.map(\.rawValue) }

    /// The element keywords a `style` rule may name.
    public static var styledKinds: [String] { ElementKind.allCases.filter { $0 != .journey }.map(\.rawValue) }
}
