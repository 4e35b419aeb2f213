import CJMMaps
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
    /// `direction=`: `right` or `down` (a docs column reads down).
    public var direction = MapDirection.down
    /// `legend=`: `auto`, `off`, `bottom` or `right`.
    public var legend = LegendPlacement.auto
    /// `width=`: the CSS pixels the page shows the map at; the map is arranged to be legible
    /// there and warns (W103) when it is not.
    public var width = MapShape.docsColumnWidth

    /// What an embedded map gets unless its block says otherwise: the flow map, read down
    /// with a legend where it costs least, legible 800 px wide.
    public static let markdownDefaults = EmbeddedMapOptions(view: "flow", persona: nil, theme: nil, fileName: nil)

    /// The keys a block may give, for messages and "did you mean".
    static let keys = ["view", "persona", "theme", "name", "direction", "legend", "width"]

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
        case "direction":
            guard let parsed = MapDirection(rawValue: value) else { return "no direction `\(value)`; directions: right, down" }
            direction = parsed
        case "legend":
            guard let parsed = LegendPlacement(rawValue: value) else { return "no legend placement `\(value)`; placements: auto, off, bottom, right" }
            legend = parsed
        case "width":
            guard let parsed = Double(value), RenderRun.widths.contains(parsed) else {
                return "`width=` is the CSS pixels the map is shown at, \(Int(RenderRun.widths.lowerBound))…\(Int(RenderRun.widths.upperBound))"
            }
            width = parsed
        default:
            return "unknown option `\(key)`; options: \(Self.keys.map { "\($0)=" }.joined(separator: ", "))"
        }
        return nil
    }

    /// The view graph choice these options make.
    var selection: MapSelection {
        MapSelection(view: view, persona: persona, theme: theme, shape: MapShape(direction: direction, legend: legend, shownWidth: width))
    }
}
