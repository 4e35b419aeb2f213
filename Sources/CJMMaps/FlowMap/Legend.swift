import CJMModel
import CJMViewGraph

/// A key to the map listing only the kinds of boxes and lines this map actually uses.
enum Legend {
    /// An entry's description is `MapWords.legendBoxes[key]` or `legendLines[key]`.
    private struct NodeEntry: Sendable {
        var key: String
        var isUsed: @Sendable ([String]) -> Bool
        var style: @Sendable (Theme) -> NodeStyle
    }

    private struct LineEntry: Sendable {
        var key: String
        var isUsed: @Sendable (Edge) -> Bool
        var style: @Sendable (Theme) -> EdgeStyle
    }

    private static let nodeEntries: [NodeEntry] = [
        NodeEntry(key: "channel", isUsed: { $0.contains("channel") && !$0.contains("crm-none") },
                  style: { $0.style(for: .channel) }),
        NodeEntry(key: "crm-none", isUsed: { $0.contains("crm-none") },
                  style: { var style = $0.style(for: .channel); style.dashed = true; return style }),
        NodeEntry(key: "crm", isUsed: { $0.contains("crm") }, style: { $0.style(for: .crm) }),
        NodeEntry(key: "stage", isUsed: { $0.contains("stage") && !$0.contains("won") && !$0.contains("lost") },
                  style: { $0.style(for: .stage) }),
        NodeEntry(key: "won", isUsed: { $0.contains("won") }, style: { $0.wonStage }),
        NodeEntry(key: "lost", isUsed: { $0.contains("lost") }, style: { $0.lostStage }),
        NodeEntry(key: "auto", isUsed: { $0.contains("auto") }, style: { $0.automation }),
        NodeEntry(key: "page", isUsed: { $0.contains("page") && !$0.contains("unpromoted") },
                  style: { $0.style(for: .page) }),
        NodeEntry(key: "unpromoted", isUsed: { $0.contains("unpromoted") },
                  style: { var style = $0.style(for: .page); style.dashed = true; return style }),
        NodeEntry(key: "ad", isUsed: { $0.contains("ad") }, style: { $0.style(for: .ad) }),
        NodeEntry(key: "touchpoint", isUsed: { $0.contains("touchpoint") },
                  style: { $0.style(for: .touchpoint) }),
    ]

    private static func explicit(_ line: EdgeStyle.Line) -> @Sendable (Edge) -> Bool {
        { $0.classes.contains("explicit") && $0.style.line == line }
    }

    private static let lineEntries: [LineEntry] = [
        LineEntry(key: "flow", isUsed: { edge in
            edge.classes.contains("flow") && edge.style.line == .solid && !edge.classes.contains("landing")
        }, style: { $0.edge }),
        LineEntry(key: "manual", isUsed: { $0.classes.contains("manual") },
                  style: { var style = $0.edge; style.line = .dashed; return style }),
        LineEntry(key: "cross-sell", isUsed: { $0.classes.contains("cross-sell") },
                  style: { var style = $0.edge; style.line = .dashed; style.penWidth = FlowEdges.crossSellPenWidth; return style }),
        LineEntry(key: "landing", isUsed: { $0.classes.contains("landing") },
                  style: { $0.edge }),
        LineEntry(key: "touchpoint", isUsed: { $0.classes.contains("touchpoint") },
                  style: { var style = $0.edge; style.line = .dotted; style.arrowHead = .none; return style }),
        LineEntry(key: "funnel-counted", isUsed: { $0.classes.contains("funnel-counted") },
                  style: { var style = $0.edge; style.penWidth = FunnelEdges.maxPenWidth / 2; return style }),
        LineEntry(key: "biggest-drop-off", isUsed: { $0.classes.contains("biggest-drop-off") },
                  style: { $0.edge }),
        // Its label names the journey's threshold: `lowConversionLabel`.
        LineEntry(key: "low-conversion", isUsed: { $0.classes.contains("low-conversion") },
                  style: { var style = $0.edge; style.color = $0.lowConversion; style.fontColor = $0.lowConversion; return style }),
        LineEntry(key: "dashed", isUsed: explicit(.dashed),
                  style: { var style = $0.edge; style.line = .dashed; return style }),
        LineEntry(key: "dotted", isUsed: explicit(.dotted),
                  style: { var style = $0.edge; style.line = .dotted; return style }),
        LineEntry(key: "bold", isUsed: explicit(.bold),
                  style: { var style = $0.edge; style.line = .bold; return style }),
    ]

    /// The legend's entries, in order: what a grid of them is made of.
    struct Key: Sendable {
        /// The sample boxes.
        var samples: [String] = []
        /// Each line's description, and the point its sample line runs to.
        var texts: [String] = []
        var ends: [String] = []

        /// Same-rank sets and invisible ordering edges that lay the entries out as a grid
        /// `rows` entries high (in `dot`'s left-to-right ranking): columns of samples, then
        /// columns of line descriptions, each followed by its column of line ends.
        func grid(rows: Int) -> (sameRank: [[String]], edges: [Edge]) {
            if rows >= samples.count + texts.count {
                // One column: the samples, then the line descriptions with their ends beside them.
                return ([samples + texts, ends].filter { $0.count > 1 }, [])
            }
            func chunks(_ ids: [String]) -> [[String]] {
                stride(from: 0, to: ids.count, by: rows).map { Array(ids[$0..<min($0 + rows, ids.count)]) }
            }
            var columns = chunks(samples)
            let textColumns = chunks(texts)
            let endColumns = chunks(ends)
            var sameRank: [[String]] = []
            for index in textColumns.indices {
                columns.append(textColumns[index])
                sameRank.append(endColumns[index])
            }
            sameRank += columns
            var edges: [Edge] = []
            var rightmost: String?  // what the next column must sit right of
            for column in columns {
                if let rightmost {
                    edges.append(Edge(id: "legend-order-\(rightmost)-\(column[0])", from: rightmost, to: column[0],
                                      classes: ["layout"], style: EdgeStyle(line: .invisible, arrowHead: .none), weight: 0))
                }
                // A description column is followed by its line ends; the next column goes after those.
                rightmost = textColumns.firstIndex(of: column).map { endColumns[$0][0] } ?? column[0]
            }
            return (sameRank.filter { $0.count > 1 }, edges)
        }

        /// The row counts worth laying out for `placement`: strips one to four entries high
        /// under the map, one column of every entry down its side.
        func rowCounts(for placement: LegendPlacement) -> [Int] {
            let tallest = max(samples.count, texts.count, 1)
            switch placement {
            case .off: return []
            case .bottom, .auto: return Array(Set([1, 2, 3, 4].map { min($0, tallest) })).sorted()
            case .right: return [samples.count + texts.count]
            }
        }
    }

    /// The legend's cluster, entries and sample lines for the kinds `nodes` and `edges` use
    /// (nothing when they use none, or when `placement` is `off`), and its key. Each entry of
    /// `nodeEntries` and `lineEntries` found in use adds one sample.
    static func build(nodes: [Node], edges: [Edge], placement: LegendPlacement, context: inout FlowMapContext) -> (fragment: MapFragment, key: Key) {
        let theme = context.theme
        let words = context.words
        // What the legend is called where it is named: its entries' tooltips. The strip itself
        // has no title band: its samples speak for themselves, and the band would be a quarter
        // of its height.
        let name = words.legend
        let usedNodes = nodeEntries.filter { entry in nodes.contains { entry.isUsed($0.classes) } }
        let usedLines = lineEntries.filter { entry in edges.contains(where: entry.isUsed) }
        guard placement != .off, !usedNodes.isEmpty || !usedLines.isEmpty else { return (MapFragment(), Key()) }
        var fragment = MapFragment()
        var key = Key()
        let cluster = context.ids.make("legend")
        fragment.clusters.append(Cluster(
            id: cluster, classes: ["legend"], fill: theme.graph.background, stroke: theme.clusterStroke,
            fontColor: theme.graph.fontColor, fontSize: FlowMapContext.subBlockTitleSize))
        for entry in usedNodes {
            var style = entry.style(theme)
            // The body text's size whatever a style rule gives the kind, so the legend never
            // sets the map's smallest text.
            style.fontSize = nil
            style.minHeight = sampleHeight
            let id = context.ids.make("legend-" + entry.key)
            let label = entry.key == "crm-none" ? words.notConnected.capitalizedFirst : words.legendBoxes[entry.key] ?? entry.key
            fragment.nodes.append(Node(id: id, classes: ["legend", "legend-" + entry.key], label: [label], style: style,
                                       tooltip: name + ": " + label, cluster: cluster))
            key.samples.append(id)
        }
        for entry in usedLines {
            let style = entry.style(theme)
            let label = switch entry.key {
            case "low-conversion": lowConversionLabel(context.minConversion, words: words)
            case "biggest-drop-off": FunnelEdges.dropOffMark + " " + (words.legendLines[entry.key] ?? "")
            default: words.legendLines[entry.key] ?? entry.key
            }
            let text = context.ids.make("legend-line-" + entry.key)
            let end = context.ids.make("legend-line-" + entry.key + "-end")
            fragment.nodes.append(Node(
                id: text, classes: ["legend", "legend-line"], label: [label],
                style: NodeStyle(shape: .plain, fill: nil, stroke: theme.graph.fontColor, fontColor: theme.graph.fontColor),
                tooltip: name + ": " + label, cluster: cluster))
            fragment.nodes.append(Node(
                id: end, classes: ["legend", "legend-line-end"], label: [""],
                style: NodeStyle(shape: .point, fill: style.color, stroke: style.color, fontColor: theme.graph.fontColor,
                                 fixedSize: Size(width: 0.06, height: 0.06)),
                tooltip: name + ": " + label, cluster: cluster))
            // Heavy, so each sample line runs straight across from its description.
            fragment.edges.append(Edge(id: context.ids.make("legend-edge-" + entry.key), from: text, to: end,
                                       classes: ["legend", "legend-" + entry.key], style: style, tooltip: name + ": " + label, weight: 10))
            key.texts.append(text)
            key.ends.append(end)
        }
        return (fragment, key)
    }

    /// Inches between the legend's columns (long enough to show a line's dashes) and rows.
    static let rankSeparation = 0.3
    static let nodeSeparation = 0.05

    /// `⚠ Конверсия ниже 20%`: the journey's `lint min_conversion:`.
    static func lowConversionLabel(_ threshold: Double, words: MapWords) -> String {
        FunnelEdges.warningMark + " " + words.conversionBelow + " " + NumberText.decimal(threshold, fractionDigits: 1, mark: words.decimalMark) + "%"
    }

    /// Inches a sample box is high at least: one line of text with a little air, not
    /// Graphviz's half inch.
    static let sampleHeight = 0.3
}

extension String {
    /// The text with its first letter upper-cased (`не подключён` → `Не подключён`).
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
