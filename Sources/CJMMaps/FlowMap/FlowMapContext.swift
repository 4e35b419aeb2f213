import CJMModel
import CJMViewGraph

/// State shared by the block builders of one flow map: the theme, the ids handed out so far and
/// where each element was placed. Passed `inout` through the blocks in reading order.
struct FlowMapContext {
    let theme: Theme
    /// The words the map supplies itself (block titles, hover texts, the legend), in the journey's language.
    let words: MapWords
    var ids = GraphIdentifiers()
    var placed = PlacedElements()
    /// The journey's `lint min_conversion:`, in percent: named by the legend's warning line.
    var minConversion = LintSettings.defaultMinConversion

    /// Characters per label line: about 2.5 inches of DejaVu Sans at 14 pt, readable on a wall.
    static let wrapWidth = 24
    /// Cluster titles: a size up from node text so blocks read from a distance.
    static let blockTitleSize = 20.0
    static let subBlockTitleSize = 16.0

    init(theme: Theme, language: MapLanguage) {
        self.theme = theme
        self.words = MapWords(language)
    }

    /// The label lines of an element: its label wrapped, then each extra line wrapped.
    func lines(_ label: String, _ extra: [String] = []) -> [String] {
        var result = WordWrapper.wrap(label, width: Self.wrapWidth)
        for line in extra { result += WordWrapper.wrap(line, width: Self.wrapWidth) }
        return result.isEmpty ? [" "] : result
    }

    /// `Kind: label (path)` — what a hover on any node tells.
    func tooltip(_ kindName: String, _ label: String, _ path: ElementPath, _ notes: [String] = []) -> String {
        ([kindName + ": " + label + " (" + path.description + ")"] + notes).joined(separator: "\n")
    }

    /// A cluster framing a block of `kind`, coloured from the theme.
    func blockCluster(id: String, kind: ElementKind, label: String, parent: String? = nil, classes: [String] = []) -> Cluster {
        Cluster(id: id, classes: ["block", kind.rawValue] + classes, label: label, parent: parent,
                fill: theme.clusterFills[kind], stroke: theme.clusterStroke, fontColor: theme.graph.fontColor,
                fontSize: parent == nil ? Self.blockTitleSize : Self.subBlockTitleSize)
    }

    /// A URL as a label line: without `https://` / `http://` and a lone trailing `/`, which only
    /// widen the box; the node's link keeps the full address.
    static func urlLine(_ url: String) -> String {
        var shown = Substring(url)
        for scheme in ["https://", "http://"] where shown.hasPrefix(scheme) { shown = shown.dropFirst(scheme.count) }
        if shown.hasSuffix("/"), shown.dropLast().contains(where: { $0 != "/" }), !shown.dropLast().contains("/") {
            shown = shown.dropLast()
        }
        return String(shown)
    }

    /// A count as a label line.
    static func countLine(_ count: Int?) -> [String] {
        count.map { [NumberText.integer($0)] } ?? []
    }
}
