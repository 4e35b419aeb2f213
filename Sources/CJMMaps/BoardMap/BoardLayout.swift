import CJMModel
import CJMViewGraph

/// Places the board's cells on a grid, top to bottom, in points with y growing downwards;
/// `graph()` flips y into Graphviz's bottom-up coordinates at the end.
///
/// Every cell is a fixed-size box whose text was wrapped to the box's width by `WordWrapper`
/// with conservative DejaVu Sans widths, and whose height is its line count times the line
/// height plus padding. A row is as tall as its tallest column stack, a column as wide as
/// its boxes side by side (box width and count chosen by `BoardMap`) or what its emotion
/// points need, and gaps separate every box, so no two boxes overlap and no line leaves its box.
struct BoardLayout {
    /// Geometry in points.
    enum Metrics {
        static let fontSize = 14.0
        static let titleFontSize = 16.0
        /// Line pitch in font sizes: Graphviz 2.43 sets 14 pt DejaVu Sans lines 15 pt apart (measured
        /// in its SVG); 1.2 leaves room for other viewers' fonts.
        static let lineSpacing = 1.2
        static let paddingX = 10.0
        static let paddingY = 8.0
        static let margin = 24.0
        static let gapX = 14.0
        static let gapY = 14.0
        /// Between boxes stacked in one cell.
        static let stackGap = 8.0
        /// The lane titles' column on a wall board; a board narrowed for a docs column takes
        /// what its longest title word needs (`narrowLaneTitleWidth`).
        static let laneTitleWidth = 200.0
        /// The narrowest a narrowed board's boxes get, whatever their words: about 12 Cyrillic
        /// characters a line at 14 pt.
        static let narrowestCardWidth = 120.0
        /// Box widths `BoardMap` tries: about 22 to 40 Cyrillic characters a line at 14 pt.
        static let cardWidths: [Double] = [250, 300, 360, 430]
        /// Sub-columns per phase `BoardMap` tries.
        static let cardsAcross = [1, 2, 3]
        static let emotionDiameter = 34.0
        /// Room at the right of the emotion lane's title for the −2…+2 scale.
        static let emotionScaleWidth = 34.0
        /// The body size: the scale is read as closely as the cards, and a smaller size would
        /// make it the board's smallest text, which decides its legibility in a docs column.
        static let scaleFontSize = 14.0
        /// Horizontal room per emotion point, so points of one phase never touch.
        static let emotionSlot = 48.0
        /// Vertical distance between consecutive emotion values.
        static let emotionStep = 30.0
    }

    /// A placed box, top-down coordinates.
    private struct Box {
        var node: Node
        var x: Double, top: Double, width: Double, height: Double
    }

    private let journey: Journey
    /// The board's own words (lane titles, headings), in the journey's language.
    private let words: MapWords
    private let theme: Theme
    private let palette: BoardPalette
    private let personas: [Persona]
    /// The journey's title, and the persona the board is narrowed to.
    private let title: String
    private var columns: [BoardColumn]
    private var boxes: [Box] = []
    private var edges: [Edge] = []
    private var cursor = Metrics.margin
    private var ids = GraphIdentifiers()
    private let text = TextMeasure(fontSize: Metrics.fontSize)
    private let titleText = TextMeasure(fontSize: Metrics.titleFontSize)

    /// Width of a lane box, unless the column's emotion points need more room.
    private let cardWidth: Double
    /// Width of the lane titles' column at the left.
    private let laneTitleWidth: Double
    /// Each lane's title as a band across the board above its row, instead of at its left
    /// (the left column then only holds the emotion scale): a docs column's narrowest board.
    private let titlesAbove: Bool

    /// `cardsAcross` boxes side by side per phase at most (fewer when a phase has fewer), the
    /// lane titles `laneTitleWidth` wide, or `titlesAbove` their rows.
    init(journey: Journey, theme: Theme, persona: ElementPath?, cardWidth: Double, cardsAcross: Int,
         laneTitleWidth: Double = Metrics.laneTitleWidth, titlesAbove: Bool = false) {
        self.cardWidth = cardWidth
        self.titlesAbove = titlesAbove
        self.laneTitleWidth = titlesAbove ? Metrics.emotionScaleWidth : laneTitleWidth
        self.journey = journey
        words = MapWords(MapLanguage.of(journey))
        self.theme = theme
        palette = BoardPalette(theme: theme, fontSize: Metrics.fontSize)
        let touchpoints = journey.touchpoints.filter { persona == nil || $0.persona == nil || $0.persona == persona }
        personas = journey.personas.filter { persona == nil || $0.path == persona }
        // A board narrowed to a persona says so in its title, so a printout cannot pass for the whole journey.
        if let persona {
            title = journey.title + " — \(words.persona): " + (personas.first?.label ?? persona.description)
        } else {
            title = journey.title
        }
        columns = BoardColumn.columns(of: journey, touchpoints: touchpoints, words: words)
        var x = Metrics.margin + self.laneTitleWidth + Metrics.gapX
        for index in columns.indices {
            columns[index].id = columns[index].phase.map { ids.make("phase", $0) } ?? ids.make("phase-none")
            let points = Double(columns[index].touchpoints.count)
            let across = max(1, min(cardsAcross, columns[index].touchpoints.count + columns[index].channels.count))
            let gaps = Double(across - 1) * Metrics.stackGap
            columns[index].x = x
            columns[index].across = across
            columns[index].width = max(Double(across) * cardWidth + gaps, points * Metrics.emotionSlot)
            columns[index].cardWidth = (columns[index].width - gaps) / Double(across)
            x += columns[index].width + Metrics.gapX
        }
    }

    /// The board and its size in points (title excluded).
    mutating func graph() -> (graph: ViewGraph, width: Double, height: Double) {
        placePersonas()
        placePhaseTitles()
        for lane in BoardLane.allCases {
            if lane == .emotion { placeEmotions() } else { placeLane(lane) }
        }
        placeDeals()
        let width = (columns.last.map { $0.x + $0.width } ?? Metrics.margin + laneTitleWidth + Metrics.gapX + cardWidth) + Metrics.margin
        let height = cursor - Metrics.gapY + Metrics.margin
        var graphStyle = theme.graph
        graphStyle.fontSize = Metrics.fontSize
        let nodes = boxes.map { box -> Node in
            var node = box.node
            node.position = Point(x: box.x + box.width / 2, y: height - (box.top + box.height / 2))
            node.style.fixedSize = Size(width: box.width / 72, height: box.height / 72)
            return node
        }
        let graph = ViewGraph(id: "board", title: title, layout: .pinned, style: graphStyle, nodes: nodes, edges: edges)
        return (graph, width, height)
    }

    /// The narrowest boxes and lane titles that cut no word of `journey`'s board: its widest
    /// word at its size, with the box's padding (and a lane entry's `12 · ` before it), never
    /// under `Metrics.narrowestCardWidth` nor over the wall board's narrowest box.
    static func narrowestWidths(of journey: Journey) -> (card: Double, laneTitle: Double) {
        let text = TextMeasure(fontSize: Metrics.fontSize), titleText = TextMeasure(fontSize: Metrics.titleFontSize)
        func widestWord(_ texts: [String], _ measure: TextMeasure) -> Double {
            texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\n" }) }.map { measure.width(of: $0) }.max() ?? 0
        }
        let words = MapWords(MapLanguage.of(journey))
        var cardTexts = journey.channels.map(\.label) + journey.pipelines.flatMap { [$0.label] + PipelinesBlock.figureLines($0, words: words) }
        var entries: [String] = []
        for touchpoint in journey.touchpoints {
            cardTexts.append(touchpoint.label)
            entries += touchpoint.actions + touchpoint.pains + touchpoint.ideas + touchpoint.feedback + touchpoint.owners
        }
        for persona in journey.personas { cardTexts += [persona.label, words.goals, words.needs, words.motivations] + persona.goals + persona.needs + persona.motivations }
        // A lane entry's words may follow its number (`12 · `) or the hanging indent under it.
        let digits = String(journey.touchpoints.count).count
        let lead = max(text.width(of: String(repeating: "8", count: digits) + " · "), text.width(of: entryIndent(digits: digits)))
        let entryWord = entries.isEmpty ? 0 : widestWord(entries, text) + lead
        let card = max(widestWord(cardTexts, text), entryWord, widestWord(journey.phases.map(words.phaseTitle), titleText)) + 2 * Metrics.paddingX
        let laneTitles = Array(words.laneTitles.values) + [words.personas, words.phases, words.deals]
        let laneTitle = widestWord(laneTitles, titleText) + 2 * Metrics.paddingX
        return (min(max(card.rounded(.up), Metrics.narrowestCardWidth), Metrics.cardWidths[0]),
                min(laneTitle.rounded(.up), Metrics.laneTitleWidth))
    }

    // MARK: Rows

    /// Persona cards in the columns' slots, as many rows as needed, under one lane title.
    private mutating func placePersonas() {
        placeCards(personas.map { persona in
            (id: ids.make("persona", persona.path), classes: ["persona"], tooltip: persona.label,
             lines: { [self] width in personaLines(persona, width: width) })
        }, kind: .persona, lane: "lane-personas", title: words.personas)
    }

    /// The deals' money at the foot of the board — one card per pipeline that gives a sum
    /// (`Выручка: 1 250 000 ₽`, in the journey's currency), the words and order of the flow
    /// map's pipeline notes — so that a board shown alone still says what the journey earns.
    /// The cards share the whole width of the phase columns: a pipeline's sums are the whole
    /// journey's, and a card under one phase would read as that phase's.
    private mutating func placeDeals() {
        let pipelines = journey.pipelines.filter { !PipelinesBlock.figureLines($0, words: words).isEmpty }
        placeCards(pipelines.map { pipeline in
            (id: ids.make("deals", pipeline.path), classes: ["pipeline"], tooltip: pipeline.label,
             lines: { [text, words] width in
                 let inner = width - 2 * Metrics.paddingX
                 return ([pipeline.label] + PipelinesBlock.figureLines(pipeline, words: words)).flatMap { WordWrapper.wrap($0, points: inner, measure: text) }
             })
        }, kind: .pipeline, lane: "lane-deals", title: words.deals, spanning: true)
    }

    /// `cards` in the columns' slots, as many rows as needed, under one lane title; nothing
    /// when there are none. Each card's lines are wrapped to its slot's width. `spanning`
    /// cards ignore the columns: each row's cards share the phase columns' whole width
    /// equally, as many to a row as fit `cardWidth` wide.
    private mutating func placeCards(_ cards: [(id: String, classes: [String], tooltip: String, lines: (Double) -> [String])],
                                     kind: ElementKind, lane: String, title: String, spanning: Bool = false) {
        guard !cards.isEmpty else { return }
        beginLane(id: lane, title: title)
        let left = Metrics.margin + laneTitleWidth + Metrics.gapX
        let slots: [(x: Double, width: Double)] = columns.isEmpty
            ? [(left, cardWidth)]
            : columns.map { ($0.x, $0.width) }
        let style = cardStyle(kind)
        let top = cursor
        let perRow = spanning ? max(1, min(cards.count, Int((spannedWidth + Metrics.gapX) / (cardWidth + Metrics.gapX)))) : slots.count
        for start in stride(from: 0, to: cards.count, by: perRow) {
            let count = min(start + perRow, cards.count) - start
            let shared = (spannedWidth - Double(count - 1) * Metrics.gapX) / Double(count)
            let rowSlots = spanning ? (0..<count).map { (x: left + Double($0) * (shared + Metrics.gapX), width: shared) } : slots
            let row = zip(cards[start..<start + count], rowSlots).map { card, slot in (card, slot, card.lines(slot.width)) }
            let height = row.map { Self.height(lines: $0.2.count, fontSize: Metrics.fontSize) }.max() ?? 0
            for (card, slot, lines) in row {
                add(Node(id: card.id, classes: card.classes, label: lines, style: style, tooltip: card.tooltip),
                    x: slot.x, width: slot.width, height: height)
            }
            cursor += height + Metrics.gapY
        }
        let height = cursor - Metrics.gapY - top
        cursor = top
        addLaneTitle(id: lane, title: title, height: height)
        cursor += height + Metrics.gapY
    }

    /// From the first phase column's left edge to the last one's right edge.
    private var spannedWidth: Double {
        guard let first = columns.first, let last = columns.last else { return cardWidth }
        return last.x + last.width - first.x
    }

    private mutating func placePhaseTitles() {
        var style = cardStyle(.phase)
        style.fontSize = Metrics.titleFontSize
        style.alignment = .center
        let cells = columns.map { column in
            (column, WordWrapper.wrap(column.title, points: column.width - 2 * Metrics.paddingX, measure: titleText))
        }
        let height = cells.map { Self.height(lines: $0.1.count, fontSize: Metrics.titleFontSize) }.max()
            ?? Self.height(lines: 1, fontSize: Metrics.titleFontSize)
        for (column, lines) in cells {
            add(Node(id: column.id, classes: ["phase"], label: lines, style: style, tooltip: column.title),
                x: column.x, width: column.width, height: height)
        }
        addLaneTitle(id: "lane-phases", title: words.phases, height: height)
        cursor += height + Metrics.gapY
    }

    /// A lane of text boxes: per column, one box per touchpoint that has something to say
    /// in this lane, in the order written, down the column's `across` sub-columns row by row
    /// (one sub-column: a plain stack). A touchpoint keeps its sub-column in every lane.
    private mutating func placeLane(_ lane: BoardLane) {
        beginLane(id: "lane-\(lane.rawValue)", title: words.laneTitle(lane))
        var grids: [[(slot: Int, node: Node, height: Double)]] = []
        for column in columns {
            let width = column.cardWidth - 2 * Metrics.paddingX
            var grid: [(slot: Int, node: Node, height: Double)] = []
            for (slot, entry) in column.touchpoints.enumerated() {
                guard let node = laneNode(lane, touchpoint: entry.touchpoint, number: entry.number, width: width) else { continue }
                grid.append((slot, node, Self.height(lines: node.label.count, fontSize: Metrics.fontSize)))
            }
            if lane == .touchpoints {
                let style = cardStyle(.channel)
                for (offset, channel) in column.channels.enumerated() {
                    let lines = WordWrapper.wrap(words.channelLine + ": " + channel.label, points: width, measure: text)
                    let node = Node(id: ids.make("channel-\(channel.path)-\(column.id)"), classes: ["channel"], label: lines, style: style,
                                    tooltip: channel.label, url: channel.url)
                    grid.append((column.touchpoints.count + offset, node, Self.height(lines: lines.count, fontSize: Metrics.fontSize)))
                }
            }
            grids.append(grid)
        }
        var tallest = 0.0
        for (column, grid) in zip(columns, grids) {
            // Each row of the grid is as tall as its tallest box; empty rows take no room.
            var rowHeights: [Int: Double] = [:]
            for entry in grid { rowHeights[entry.slot / column.across] = max(rowHeights[entry.slot / column.across] ?? 0, entry.height) }
            var rowTops: [Int: Double] = [:]
            var top = cursor
            for row in rowHeights.keys.sorted() {
                rowTops[row] = top
                top += rowHeights[row]! + Metrics.stackGap
            }
            tallest = max(tallest, top - cursor - Metrics.stackGap)
            for entry in grid {
                let x = column.x + Double(entry.slot % column.across) * (column.cardWidth + Metrics.stackGap)
                add(entry.node, x: x, top: rowTops[entry.slot / column.across]!, width: column.cardWidth, height: entry.height)
            }
        }
        let titleLines = WordWrapper.wrap(words.laneTitle(lane), points: laneTitleWidth - 2 * Metrics.paddingX, measure: titleText)
        let height = max(tallest, titlesAbove ? 0 : Self.height(lines: titleLines.count, fontSize: Metrics.titleFontSize))
        addLaneTitle(id: "lane-\(lane.rawValue)", title: words.laneTitle(lane), height: height)
        cursor += height + Metrics.gapY
    }

    /// One point per touchpoint with an emotion, high for +2 and low for −2, spread across
    /// its column in the order written and joined in reading order.
    private mutating func placeEmotions() {
        beginLane(id: "lane-emotion", title: words.laneTitle(.emotion))
        let height = 4 * Metrics.emotionStep + Metrics.emotionDiameter + 2 * Metrics.paddingY
        var previous: (id: String, value: Int)?
        for column in columns {
            let slot = column.width / Double(max(column.touchpoints.count, 1))
            for (index, entry) in column.touchpoints.enumerated() {
                guard let value = entry.touchpoint.emotion else { continue }
                let id = ids.make("emotion", entry.touchpoint.path)
                let style = NodeStyle(shape: .circle, fill: palette.emotionFill(Double(value)), stroke: "#37474f",
                                      fontColor: palette.emotionText(Double(value)), fontSize: Metrics.fontSize, penWidth: 1.5)
                let centreX = column.x + (Double(index) + 0.5) * slot
                let top = cursor + Metrics.paddingY + Double(2 - value) * Metrics.emotionStep
                let tone = value < 0 ? "emotion-negative" : value > 0 ? "emotion-positive" : "emotion-neutral"
                add(Node(id: id, classes: ["emotion", tone], label: [NumberText.signed(value)], style: style,
                         tooltip: "\(entry.number). \(entry.touchpoint.label): \(NumberText.signed(value))"),
                    x: centreX - Metrics.emotionDiameter / 2, top: top, width: Metrics.emotionDiameter, height: Metrics.emotionDiameter)
                if let previous {
                    var line = palette.emotionLine
                    line.color = palette.emotionFill(Double(previous.value + value) / 2)
                    edges.append(Edge(id: ids.make("\(previous.id)-to-\(entry.touchpoint.path)"), from: previous.id, to: id,
                                      classes: ["emotion-line"], style: line))
                }
                previous = (id, value)
            }
        }
        addLaneTitle(id: "lane-emotion", title: words.laneTitle(.emotion), height: height, reserving: Metrics.emotionScaleWidth)
        // The scale: each value written level with the points that have it.
        for value in (-2...2).reversed() {
            let style = NodeStyle(shape: .plain, fill: nil, stroke: palette.title.stroke, fontColor: palette.title.fontColor,
                                  fontSize: Metrics.scaleFontSize)
            add(Node(id: ids.make("emotion-scale-\(value < 0 ? "minus" : "plus")\(abs(value))"), classes: ["emotion-scale"],
                     label: [NumberText.signed(value)], style: style),
                x: Metrics.margin + laneTitleWidth - Metrics.emotionScaleWidth + 2,
                top: cursor + Metrics.paddingY + Double(2 - value) * Metrics.emotionStep + (Metrics.emotionDiameter - Metrics.emotionStep) / 2,
                width: Metrics.emotionScaleWidth - 2, height: Metrics.emotionStep)
        }
        cursor += height + Metrics.gapY
    }

    // MARK: Cells

    private mutating func laneNode(_ lane: BoardLane, touchpoint: Touchpoint, number: Int, width: Double) -> Node? {
        let items: [String]
        let kind: String
        switch lane {
        case .touchpoints:
            return touchpointNode(touchpoint, number: number, width: width)
        case .emotion: return nil
        case .actions: (items, kind) = (touchpoint.actions, "action")
        case .pains: (items, kind) = (touchpoint.pains, "pain")
        case .ideas: (items, kind) = (touchpoint.ideas, "idea")
        case .feedback: (items, kind) = (touchpoint.feedback, "feedback")
        case .owners: (items, kind) = (touchpoint.owners, "owner")
        }
        guard !items.isEmpty else { return nil }
        let indent = Self.entryIndent(digits: String(number).count)
        let lines = items.flatMap { WordWrapper.wrap("\(number) · \($0)", points: width, measure: text, hangingIndent: indent) }
        return Node(id: ids.make(lane.rawValue, touchpoint.path), classes: [kind], label: lines,
                    style: palette.lanes[lane] ?? NodeStyle(), tooltip: "\(number). \(touchpoint.label)")
    }

    /// Blank as wide as a lane entry's `12 · ` in DejaVu Sans (a figure space per digit, a
    /// punctuation space each for the spaces and the dot), so its wrapped lines start under its
    /// first word. Spaces that SVG does not collapse at a line's start.
    static func entryIndent(digits: Int) -> String {
        String(repeating: "\u{2007}", count: digits) + String(repeating: "\u{2008}", count: 3)
    }

    private mutating func touchpointNode(_ touchpoint: Touchpoint, number: Int, width: Double) -> Node {
        var paragraphs = ["\(number). \(touchpoint.label)"]
        if let channel = touchpoint.channel {
            paragraphs.append(words.channelLine + ": " + (journey.channels.first { $0.path == channel }?.label ?? channel.description))
        }
        if personas.count > 1, let persona = touchpoint.persona {
            paragraphs.append(words.personaLine + ": " + (journey.personas.first { $0.path == persona }?.label ?? persona.description))
        }
        if let count = touchpoint.count { paragraphs.append(words.contactsLine + ": " + NumberText.integer(count)) }
        return Node(id: ids.make("touchpoint", touchpoint.path), classes: ["touchpoint"],
                    label: paragraphs.flatMap { WordWrapper.wrap($0, points: width, measure: text) }, style: cardStyle(.touchpoint),
                    tooltip: touchpoint.label)
    }

    private func personaLines(_ persona: Persona, width: Double) -> [String] {
        let inner = width - 2 * Metrics.paddingX
        var lines = WordWrapper.wrap(persona.label, points: inner, measure: text)
        for (heading, items) in [(words.goals, persona.goals), (words.needs, persona.needs), (words.motivations, persona.motivations)] where !items.isEmpty {
            lines.append(heading)
            lines += items.flatMap { WordWrapper.wrap("• \($0)", points: inner, measure: text, hangingIndent: "\u{2007}\u{2008}") }
        }
        return lines
    }

    /// The theme's look for `kind` (with `style` rules) as a board card: left-aligned body
    /// text, and a shape whose full box holds text, since the text was wrapped to the box.
    private func cardStyle(_ kind: ElementKind) -> NodeStyle {
        var style = theme.style(for: kind)
        style.fontSize = Metrics.fontSize
        style.alignment = .left
        switch style.shape {
        case .box, .roundedBox, .note, .tab, .folder, .component, .plain: break
        case .ellipse, .circle, .diamond, .cylinder, .hexagon, .octagon, .point: style.shape = .box
        }
        return style
    }

    // MARK: Placing

    /// With `titlesAbove`, the lane's title as a band across the board, the row below it.
    private mutating func beginLane(id: String, title: String) {
        guard titlesAbove else { return }
        let right = columns.last.map { $0.x + $0.width } ?? Metrics.margin + laneTitleWidth + Metrics.gapX + cardWidth
        var style = palette.title
        style.alignment = .left
        let height = Self.height(lines: 1, fontSize: Metrics.titleFontSize)
        add(Node(id: ids.make(id), classes: ["lane-title"], label: [title], style: style), x: Metrics.margin, width: right - Metrics.margin, height: height)
        cursor += height + Metrics.stackGap
    }

    /// The row's title at the left, `reserving` points at its right edge for a scale; nothing
    /// with `titlesAbove` (`beginLane` placed it).
    private mutating func addLaneTitle(id: String, title: String, height: Double, reserving scale: Double = 0) {
        guard !titlesAbove else { return }
        let width = laneTitleWidth - scale
        let lines = WordWrapper.wrap(title, points: width - 2 * Metrics.paddingX, measure: titleText)
        add(Node(id: ids.make(id), classes: ["lane-title"], label: lines, style: palette.title),
            x: Metrics.margin, width: width, height: height)
    }

    /// A box at the current row.
    private mutating func add(_ node: Node, x: Double, width: Double, height: Double) {
        add(node, x: x, top: cursor, width: width, height: height)
    }

    private mutating func add(_ node: Node, x: Double, top: Double, width: Double, height: Double) {
        boxes.append(Box(node: node, x: x, top: top, width: width, height: height))
    }

    static func height(lines: Int, fontSize: Double) -> Double {
        Double(max(lines, 1)) * fontSize * Metrics.lineSpacing + 2 * Metrics.paddingY
    }

    /// `+2`, `0`, `-1`: the sign always shown so the scale reads at a glance.
}
