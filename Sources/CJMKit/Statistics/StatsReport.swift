import CJMModel
import CJMSyntax

/// `cjm stats` output: a journey's statistics as sections of rows, and the three ways to print
/// them (an aligned table, JSON, CSV). Every section's first two columns are the element's id
/// and label; the rest are figures.
struct StatsReport {
    var title: String
    /// The journey's currency, which the table prints after every sum and JSON names once.
    var currency: Currency?
    /// "Figures from counts.csv …", when a CSV supplied them.
    var figuresNote: String?
    var sections: [StatsSection]

    init(_ statistics: JourneyStatistics) {
        title = statistics.title
        currency = statistics.currency
        if let figures = statistics.figures {
            var note = "Figures from \(figures.path) (\(figures.supplied.count) rows)"
            if !figures.replaced.isEmpty {
                note += "; they replace the written figures of " + figures.replaced.map { "`\($0)`" }.joined(separator: ", ")
            }
            figuresNote = note
        }
        var sections: [StatsSection] = []
        if !statistics.channels.isEmpty {
            sections.append(StatsSection(
                key: "channels", title: "Channels",
                columns: Self.identity + [.init(key: "kind", heading: "kind"), .init(key: "crm", heading: "CRM"),
                                          .init(key: "count", heading: "count"), .init(key: "share", heading: "share")],
                rows: statistics.channels.map {
                    [.text($0.path.description), .text($0.label), $0.kind.map { .text($0.rawValue) } ?? .none, .text($0.crm.rawValue),
                     .count($0.count), .percent($0.share)]
                },
                summary: [("total", "Total", .count(statistics.channelTotal))]))
        }
        if let leads = statistics.leads {
            sections.append(Self.funnel(leads, key: "leads", title: "Leads" + Self.named(leads.label),
                                        summary: [("biggest_drop_off", "Biggest drop-off", Self.biggest(leads))]))
        }
        for pipeline in statistics.pipelines {
            let funnel = pipeline.funnel
            var summary: [(key: String, heading: String, value: StatsValue)] = [
                ("deals", "Deals", .count(pipeline.deals)),
                ("won", "Won", .count(pipeline.won)),
                ("lost", "Lost", .count(pipeline.lost)),
                ("win_rate", "Win rate (won ÷ deals)", .percent(pipeline.winRate)),
                ("revenue", "Revenue", .figure(pipeline.revenue)),
                ("profit", "Profit", .figure(pipeline.profit)),
                ("average_check", pipeline.averageCheckIsComputed ? "Average check (revenue ÷ won)" : "Average check",
                 .figure(pipeline.averageCheck)),
            ]
            if let ltv = pipeline.lifetimeValue { summary.append(("ltv", "LTV", .figure(ltv))) }
            summary.append(("biggest_drop_off", "Biggest drop-off", Self.biggest(funnel)))
            sections.append(Self.funnel(funnel, key: "pipeline:\(funnel.path)", title: "Pipeline `\(funnel.path)`" + Self.named(funnel.label),
                                        summary: summary))
        }
        if !statistics.pages.isEmpty {
            let without = statistics.pagesWithoutAds.map(\.description).joined(separator: ", ")
            sections.append(StatsSection(
                key: "pages", title: "Site pages and the ads landing on them",
                columns: Self.identity + [.init(key: "count", heading: "count"), .init(key: "ads", heading: "ads"),
                                          .init(key: "queries", heading: "queries")],
                rows: statistics.pages.map { [.text($0.path.description), .text($0.label), .count($0.count), .count($0.ads), .count($0.queries)] },
                summary: [("pages_without_ads", "Pages no ad reaches", without.isEmpty ? .text("none") : .text(without))]))
        }
        if statistics.phases.contains(where: { $0.touchpoints > 0 }) {
            sections.append(StatsSection(
                key: "phases", title: "Touchpoints per phase",
                columns: Self.identity + [.init(key: "touchpoints", heading: "touchpoints"), .init(key: "mean_emotion", heading: "mean emotion")],
                rows: statistics.phases.map { [.text($0.path.description), .text($0.label), .count($0.touchpoints), $0.meanEmotion.map { .score($0) } ?? .none] }))
        }
        if !statistics.painsWithoutIdea.isEmpty {
            sections.append(StatsSection(
                key: "pains_without_idea", title: "Pains without an idea",
                columns: Self.identity + [.init(key: "pain", heading: "pain")],
                rows: statistics.painsWithoutIdea.map { [.text($0.touchpoint.description), .text($0.label), .text($0.text)] }))
        }
        self.sections = sections
    }

    private static let identity: [StatsSection.Column] = [.init(key: "id", heading: "id"), .init(key: "label", heading: "label")]

    private static func named(_ label: String) -> String { label.isEmpty ? "" : " «\(label)»" }

    private static func biggest(_ funnel: FunnelStatistics) -> StatsValue {
        guard let path = funnel.biggestDropOff, let step = funnel.steps.first(where: { $0.path == path }),
              let from = step.from, let loss = step.dropOff else { return .none }
        return .text("\(from) → \(path): −\(NumberText.integer(loss))")
    }

    private static func funnel(_ funnel: FunnelStatistics, key: String, title: String,
                               summary: [(key: String, heading: String, value: StatsValue)]) -> StatsSection {
        StatsSection(
            key: key, title: title,
            columns: identity + [.init(key: "end", heading: "end"), .init(key: "count", heading: "count"), .init(key: "from", heading: "from"),
                                 .init(key: "conversion", heading: "conversion"), .init(key: "cumulative", heading: "cumulative"),
                                 .init(key: "drop_off", heading: "drop-off")],
            rows: funnel.steps.map { step in
                [.text(step.path.components.last ?? ""), .text(step.label), step.end.map { .text($0.rawValue) } ?? .none,
                 .count(step.count), step.from.map { .text($0.components.last ?? "") } ?? .none,
                 .percent(step.conversion), .percent(step.cumulative), .count(step.dropOff)]
            },
            summary: summary)
    }

    // MARK: Printing

    /// Aligned columns: text left, numbers right, widths measured in terminal columns.
    var table: String {
        var lines = [title]
        if let figuresNote { lines.append(figuresNote) }
        for section in sections {
            lines.append("")
            lines.append(section.title)
            let all = [section.columns.map { StatsValue.text($0.heading) }] + section.rows
            let texts = all.map { $0.map(\.tableText) }
            var widths = [Int](repeating: 0, count: section.columns.count)
            for row in texts { for (i, text) in row.enumerated() { widths[i] = max(widths[i], DisplayWidth.of(text)) } }
            let numeric = section.columns.map(\.isNumeric)
            for row in texts {
                var cells: [String] = []
                for (i, text) in row.enumerated() {
                    let pad = String(repeating: " ", count: widths[i] - DisplayWidth.of(text))
                    cells.append(numeric[i] ? pad + text : text + pad)
                }
                var line = "  " + cells.joined(separator: "  ")
                while line.last == " " { line.removeLast() }
                lines.append(line)
            }
            for item in section.summary { lines.append("  \(item.heading): \(item.value.tableText)") }
        }
        return lines.joined(separator: "\n")
    }

    /// One JSON object: the title, the currency code (`"RUB"`, or null), the figures file, then each section's rows as objects keyed
    /// by column and its summary as one object.
    var json: String {
        var text = "{\"journey\":" + JSONText.quoted(title)
        text += ",\"currency\":" + (currency.map { JSONText.quoted($0.rawValue) } ?? "null")
        text += ",\"figures_note\":" + (figuresNote.map { JSONText.quoted($0) } ?? "null")
        text += ",\"sections\":["
        text += sections.map { section in
            var part = "\n{\"key\":" + JSONText.quoted(section.key) + ",\"title\":" + JSONText.quoted(section.title) + ",\"rows\":["
            part += section.rows.map { row in
                "\n  {" + zip(section.columns, row).map { JSONText.quoted($0.key) + ":" + $1.jsonText }.joined(separator: ",") + "}"
            }.joined(separator: ",")
            part += "],\"summary\":{" + section.summary.map { JSONText.quoted($0.key) + ":" + $0.value.jsonText }.joined(separator: ",") + "}}"
            return part
        }.joined(separator: ",")
        return text + "\n]}"
    }

    /// Long form, one figure a line (`block,id,label,measure,value`), so a spreadsheet can
    /// pivot it; numbers plain (`.` as the point, no grouping), RFC 4180 quoting, `\n` line ends.
    var csv: String {
        var lines = ["block,id,label,measure,value"]
        for section in sections {
            for row in section.rows {
                let id = row[0].csvText, label = row[1].csvText
                for (column, value) in zip(section.columns, row).dropFirst(2) {
                    lines.append([section.key, id, label, column.key, value.csvText].map(Self.csvCell).joined(separator: ","))
                }
            }
            for item in section.summary {
                lines.append([section.key, "", "", item.key, item.value.csvText].map(Self.csvCell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n")
    }

    private static func csvCell(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
