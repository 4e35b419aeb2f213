import CJMModel

/// How one map embedded in Markdown is rendered. `markdownDefaults` is the one place the
/// defaults of every embedded map are set; the `key=value` words of a block or marker
/// override them. Command-line flags never do, so `cjm md --check` in CI and `cjm render docs/`
/// on a laptop always agree about what a document's maps should be.
public struct EmbeddedMapOptions: Hashable, Sendable {
    /// `view=`: `flow`, `board`, or a `view` id of the journey.
    public var view: String
    /// `persona=`: narrows the map to one persona.
    public var persona: String?
    /// `theme=`: `default`, `print` or `mono`; nil keeps the journey's `theme:`.
    public var theme: ThemeName?
    /// `name=`: the SVG's file name beside the document; nil writes `DOC.md-N.svg`.
    public var fileName: String?

    /// What an embedded map gets unless its block says otherwise.
    public static let markdownDefaults = EmbeddedMapOptions(view: "flow", persona: nil, theme: nil, fileName: nil)

    /// The keys a block may give, for messages and "did you mean".
    static let keys = ["view", "persona", "theme", "name"]

    /// Applies `key=value`; returns why it cannot be applied, or nil.
    mutating func set(_ key: String, to value: String) -> String? {
        guard !value.isEmpty else { return "`\(key)=` needs a value" }
        switch key {
        case "view": view = value
        case "persona": persona = value
        case "theme":
            guard let name = ThemeName(rawValue: value) else { return "no theme `\(value)`; themes: default, print, mono" }
            theme = name
        case "name":
            guard !value.contains("/"), !value.hasPrefix("."), !value.contains("\0") else {
                return "`name=` is a file name beside the document, without folders or a leading dot"
            }
            fileName = value.lowercased().hasSuffix(".svg") ? value : value + ".svg"
        default:
            return "unknown option `\(key)`; options: \(Self.keys.map { "\($0)=" }.joined(separator: ", "))"
        }
        return nil
    }

    /// The view graph choice these options make.
    var selection: MapSelection { MapSelection(view: view, persona: persona, theme: theme) }
}
