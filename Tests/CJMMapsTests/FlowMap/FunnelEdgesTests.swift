import CJMModel
import CJMSyntax
import CJMViewGraph
import Foundation
import Testing
@testable import CJMMaps

/// The funnel on the flow map: step widths follow the counts, each block's biggest drop-off is
/// marked, steps under `lint min_conversion:` are drawn as a warning, and nothing of it shows
/// without counts. Checked on the SVG Graphviz really draws.
@Suite struct FunnelEdgesTests {
    static let counted = """
    journey "Воронка" {
      lint min_conversion: 30%
      leads "Лиды" {
        stage new     "Новый лид"    count: 1000
        stage qualify "Квалификация" count: 800
        stage meeting "Встреча"      count: 200
        stage junk    "Мусор"        lost from: qualify count: 600
      }
      pipeline deals "Сделки" {
        stage new   "Новая сделка" count: 200
        stage offer "КП"           count: 150
        stage won   "Оплачено"     won count: 120
        stage lost  "Отказ"        lost count: 30
      }
    }
    """

    /// The same journey without a single count.
    static var uncounted: String {
        counted.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.firstRange(of: " count:").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
    }

    static func journey(_ text: String) throws -> Journey {
        let result = Checker.check(SourceFile(path: "funnel.cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    static func svg(_ text: String, theme: ThemeName = .default) throws -> String {
        let graph = try ComposedMaps.compose(FlowMap.draft(journey(text), theme: .named(theme)))
        return try ComposedMaps.svg(graph).replacing("&#45;", with: "-")
    }

    /// The text of the SVG group `<g id="id" class="edge …">…</g>` (edge groups do not nest).
    static func edgeGroup(_ id: String, in svg: String) -> Substring? {
        guard let start = svg.range(of: "<g id=\"\(id)\" class=\"edge") else { return nil }
        let rest = svg[start.lowerBound...]
        // The edge's own group holds one inner `<g id="a_…">`, so it ends at its second `</g>`.
        guard let first = rest.range(of: "</g>"), let second = rest[first.upperBound...].range(of: "</g>") else { return nil }
        return rest[..<second.upperBound]
    }

    static func strokeWidth(_ group: Substring) -> Double? {
        guard let start = group.range(of: "<path fill=\"none\""), let width = group[start.upperBound...].range(of: "stroke-width=\"")
        else { return nil }
        return Double(group[width.upperBound...].prefix { $0 != "\"" })
    }

    /// Each step's id on the map and its width worked out by hand: 8 pt × count ÷ the block's
    /// largest count, never under the theme's 1.2 pt.
    static let widths: [(id: String, width: Double)] = [
        ("flow-stage-leads-new-stage-leads-qualify", 8 * 800 / 1000),       // 6.4
        ("flow-stage-leads-qualify-stage-leads-meeting", 8 * 200 / 1000),   // 1.6
        ("flow-stage-leads-qualify-stage-leads-junk", 8 * 600 / 1000),      // 4.8, the lost exit
        ("flow-stage-deals-new-stage-deals-offer", 8 * 150 / 200),          // 6.0
        ("flow-stage-deals-offer-stage-deals-won", 8 * 120 / 200),          // 4.8
        ("flow-stage-deals-offer-stage-deals-lost", 1.2),                   // 8 × 30 ÷ 200 = 1.2
    ]

    @Test(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
    func stepWidthsFollowTheCountsAndTheLossesAreMarked() throws {
        let svg = try Self.svg(Self.counted)
        for (id, width) in Self.widths {
            let group = try #require(Self.edgeGroup(id, in: svg), "SVG lacks edge \(id)")
            let drawn = try #require(Self.strokeWidth(group), "no stroke width on \(id)")
            #expect(abs(drawn - width) < 0.01, "\(id): drawn \(drawn), counts give \(width)")
            #expect(group.contains("funnel-counted"))
        }
        // Leads: 1000 → 800 loses 200, 800 → 200 loses 600 (the biggest) at 25%, under 30%.
        let meeting = try #require(Self.edgeGroup("flow-stage-leads-qualify-stage-leads-meeting", in: svg))
        #expect(meeting.contains("low-conversion") && meeting.contains("biggest-drop-off"))
        #expect(meeting.contains(">⚠ 25% · ▼ −600</text>"))
        #expect(meeting.contains("stroke=\"#bf360c\""))
        let qualify = try #require(Self.edgeGroup("flow-stage-leads-new-stage-leads-qualify", in: svg))
        #expect(qualify.contains(">80%</text>"))
        #expect(!qualify.contains("low-conversion") && !qualify.contains("#bf360c"))
        // Deals: 200 → 150 loses 50 (the biggest), 150 → 120 loses 30; both convert over 30%.
        let offer = try #require(Self.edgeGroup("flow-stage-deals-new-stage-deals-offer", in: svg))
        #expect(offer.contains(">75% · ▼ −50</text>"))
        let won = try #require(Self.edgeGroup("flow-stage-deals-offer-stage-deals-won", in: svg))
        #expect(won.contains(">80%</text>") && !won.contains("▼"))
        // A lost exit is no step on: never a warning, even at 20% (30 of 150).
        let lost = try #require(Self.edgeGroup("flow-stage-deals-offer-stage-deals-lost", in: svg))
        #expect(!lost.contains("low-conversion"))
        let drawnMarks = svg.matches(of: /<text[^>]*>[^<]*▼ −/).count
        #expect(drawnMarks == 2, "one mark per block")
        // The legend explains all three, naming the journey's threshold.
        for text in ["Толщина — сколько дошло", "▼ Больше всего потерь", "⚠ Конверсия ниже 30%"] {
            #expect(svg.contains(text), "legend lacks \(text)")
        }
    }

    @Test(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
    func withoutCountsNoWidthMarkOrWarning() throws {
        let svg = try Self.svg(Self.uncounted)
        for (id, _) in Self.widths {
            let group = try #require(Self.edgeGroup(id, in: svg), "SVG lacks edge \(id)")
            #expect(Self.strokeWidth(group) == 1.2, "\(id) is drawn at the theme's width")
        }
        for absent in ["funnel-counted", "biggest-drop-off", "low-conversion", "▼", "⚠", "#bf360c", "Толщина"] {
            #expect(!svg.contains(absent), "SVG without counts has \(absent)")
        }
    }

    /// The warning stays readable in every theme: the label's ⚠ shows it everywhere, and its
    /// colour keeps the 4.5:1 contrast of body text on the map's background.
    @Test(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"), arguments: ThemeName.allCases)
    func theWarningReadsInEveryTheme(_ name: ThemeName) throws {
        let theme = Theme.named(name)
        #expect(Self.contrast(theme.lowConversion, theme.graph.background) >= 4.5)
        let svg = try Self.svg(Self.counted, theme: name)
        let meeting = try #require(Self.edgeGroup("flow-stage-leads-qualify-stage-leads-meeting", in: svg))
        #expect(meeting.contains("stroke=\"\(theme.lowConversion)\""))
        #expect(meeting.contains("fill=\"\(theme.lowConversion)\">⚠ 25%"))
    }

    /// WCAG 2 contrast ratio of two `#rrggbb` colours.
    static func contrast(_ one: String, _ other: String) -> Double {
        func luminance(_ hex: String) -> Double {
            let digits = Array(hex.dropFirst())
            let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0...$0 + 1]), radix: 16) ?? 0) / 255 }
                .map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        let (a, b) = (luminance(one), luminance(other))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
