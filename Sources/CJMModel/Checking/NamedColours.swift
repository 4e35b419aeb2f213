/// The colours `style` accepts: hex (`#rgb`, `#rrggbb`) or a small set of names, all normalised to
/// lowercase `#rrggbb` so nothing but a plain colour can reach Graphviz.
enum NamedColours {
    static let table: [String: String] = [
        "black": "#000000", "white": "#ffffff", "gray": "#808080", "grey": "#808080",
        "lightgray": "#d3d3d3", "lightgrey": "#d3d3d3", "darkgray": "#a9a9a9", "darkgrey": "#a9a9a9",
        "silver": "#c0c0c0", "red": "#ff0000", "darkred": "#8b0000", "pink": "#ffc0cb",
        "orange": "#ffa500", "gold": "#ffd700", "yellow": "#ffff00", "lightyellow": "#ffffe0",
        "beige": "#f5f5dc", "brown": "#a52a2a", "olive": "#808000", "lime": "#00ff00",
        "green": "#008000", "darkgreen": "#006400", "lightgreen": "#90ee90", "teal": "#008080",
        "cyan": "#00ffff", "lightblue": "#add8e6", "skyblue": "#87ceeb", "blue": "#0000ff",
        "navy": "#000080", "purple": "#800080", "violet": "#ee82ee", "magenta": "#ff00ff",
        "maroon": "#800000",
    ]

    static let names: [String] = table.keys.sorted()

    /// `#rrggbb` for a hex colour or a known name (any letter case), else nil.
    static func normalise(_ written: String) -> String? {
        let lower = written.lowercased()
        if let named = table[lower] { return named }
        guard lower.hasPrefix("#") else { return nil }
        let digits = Array(lower.dropFirst())
        guard digits.allSatisfy({ $0.isHexDigit && $0.isASCII }) else { return nil }
        switch digits.count {
        case 3: return "#" + digits.map { "\($0)\($0)" }.joined()
        case 6: return lower
        default: return nil
        }
    }
}
