import Foundation
import Testing

/// Every number `cjm stats` prints, for the spec example and both templates, in the table, JSON
/// and CSV, against figures worked out here from the counts each journey writes (copied by hand
/// below): counts and shares of channels and their total; each stage's count, step and
/// cumulative conversion and drop-off, and each block's biggest drop-off; each pipeline's deals,
/// won, lost, win rate, revenue, profit, average check and LTV; ads and queries per page;
/// touchpoints and mean emotion per phase. A number in the output that is not expected here
/// fails the test as much as a wrong or missing one.
@Suite("cjm stats: every number")
struct StatsFiguresTests {
    /// A stage as the journey writes it: its count, and the stage it comes from when that is not
    /// the working stage above it (`from:`).
    struct Stage {
        var id: String
        var count: Int?
        var end: String? = nil
        var from: String? = nil
    }

    struct Funnel {
        var key: String
        var path: String
        var stages: [Stage]
        var revenue: Double? = nil
        var profit: Double? = nil
        var averageCheck: Double? = nil
        var ltv: Double? = nil
    }

    struct Written {
        var file: String
        var channels: [(id: String, count: Int?)]
        var funnels: [Funnel]
        var pages: [(id: String, count: Int?, ads: Int, queries: Int)]
        var phases: [(id: String, emotions: [Int])]
    }

    static let specExample = Written(
        file: "Tests/Fixtures/spec-example.cjm",
        channels: [("telegram", nil), ("site_form", nil), ("email", nil), ("calls", 420), ("kufar", nil)],
        funnels: [
            Funnel(key: "leads", path: "leads", stages: [.init(id: "new", count: 900), .init(id: "qualify", count: 610),
                                                         .init(id: "junk", count: nil, end: "lost")]),
            Funnel(key: "pipeline:repair", path: "repair", stages: [
                .init(id: "new", count: 300), .init(id: "offer", count: nil), .init(id: "invoice", count: nil),
                .init(id: "done", count: nil), .init(id: "won", count: nil, end: "won"), .init(id: "lost", count: nil, end: "lost"),
            ], averageCheck: 350),
            Funnel(key: "pipeline:parts", path: "parts", stages: [
                .init(id: "new", count: nil), .init(id: "paid", count: nil), .init(id: "won", count: nil, end: "won"),
            ]),
        ],
        pages: [("site.home", nil, 0, 0), ("site.repair_page", nil, 1, 2), ("site.manual", nil, 0, 0)],
        phases: [("awareness", []), ("consideration", [-1]), ("purchase", []), ("retention", []), ("advocacy", [])])

    static let serviceCenter = Written(
        file: "templates/service-center.cjm",
        channels: [("telegram", 180), ("viber", 90), ("site_form", 160), ("site_chat", 70), ("instagram", 110), ("email", 60),
                   ("calls", 180), ("kufar", 50), ("expo", 25), ("referral", nil), ("sms", nil)],
        funnels: [
            Funnel(key: "leads", path: "leads", stages: [
                .init(id: "new", count: 900), .init(id: "qualify", count: 640), .init(id: "need", count: 520),
                .init(id: "junk", count: nil, end: "lost", from: "qualify"),
            ]),
            Funnel(key: "pipeline:repair", path: "repair", stages: [
                .init(id: "new", count: 300), .init(id: "diag", count: 270), .init(id: "offer", count: 240),
                .init(id: "invoice", count: 190), .init(id: "work", count: 170), .init(id: "done", count: 160),
                .init(id: "won", count: 155, end: "won"), .init(id: "lost", count: nil, end: "lost", from: "offer"),
            ], revenue: 1_850_000, profit: 640_000, averageCheck: 350, ltv: 2100),
            Funnel(key: "pipeline:parts", path: "parts", stages: [
                .init(id: "new", count: 170), .init(id: "check", count: 150), .init(id: "invoice", count: 120),
                .init(id: "paid", count: 100), .init(id: "shipped", count: 96), .init(id: "won", count: 94, end: "won"),
                .init(id: "lost", count: nil, end: "lost", from: "check"),
            ], revenue: 620_000, profit: 180_000, averageCheck: 85, ltv: 400),
            Funnel(key: "pipeline:contracts", path: "contracts", stages: [
                .init(id: "new", count: 50), .init(id: "audit", count: 42), .init(id: "proposal", count: 34),
                .init(id: "contract", count: 26), .init(id: "signed", count: 22), .init(id: "renewal", count: 19),
                .init(id: "won", count: 18, end: "won"), .init(id: "lost", count: nil, end: "lost", from: "contract"),
            ], revenue: 960_000, profit: 410_000, averageCheck: 2400, ltv: 7200),
        ],
        pages: [("web.home", 5200, 1, 2), ("web.repair_pg", 2100, 3, 7), ("web.prices", 1500, 1, 2), ("web.catalog", 1300, 1, 2),
                ("web.service_pg", 400, 1, 2), ("web.pay", nil, 0, 0), ("web.status", nil, 0, 0), ("web.manual", nil, 0, 0),
                ("web.reviews", nil, 0, 0), ("web.contacts", nil, 0, 0)],
        phases: [("awareness", [1, 0]), ("consideration", [-1, 0]), ("purchase", [-1, 1, -2]), ("retention", [1, 1]), ("advocacy", [2])])

    static let onlineStore = Written(
        file: "templates/online-store.cjm",
        channels: [("instagram", 4200), ("vk", 1800), ("referral", 650), ("popup", 2300), ("bot", 900), ("email", nil),
                   ("order_form", 820), ("hotline", 300), ("support", 420), ("market", 800), ("vet", 120)],
        funnels: [
            Funnel(key: "leads", path: "leads", stages: [
                .init(id: "new", count: 2300), .init(id: "engaged", count: 1600), .init(id: "basket", count: 1100),
                .init(id: "junk", count: nil, end: "lost", from: "new"),
            ]),
            Funnel(key: "pipeline:orders", path: "orders", stages: [
                .init(id: "new", count: 820), .init(id: "paid", count: 760), .init(id: "shipped", count: 750),
                .init(id: "delivered", count: 735), .init(id: "won", count: 700, end: "won"),
                .init(id: "returned", count: nil, end: "lost", from: "delivered"), .init(id: "cancelled", count: nil, end: "lost", from: "new"),
            ], revenue: 2_400_000, profit: 720_000, averageCheck: 2900, ltv: 9800),
            Funnel(key: "pipeline:filters", path: "filters", stages: [
                .init(id: "new", count: 310), .init(id: "reorder", count: 290), .init(id: "charged", count: 270),
                .init(id: "won", count: 250, end: "won"), .init(id: "lost", count: nil, end: "lost", from: "reorder"),
            ], revenue: 540_000, profit: 260_000, averageCheck: 690, ltv: 4100),
            Funnel(key: "pipeline:wholesale", path: "wholesale", stages: [
                .init(id: "new", count: 45), .init(id: "quote", count: 38), .init(id: "invoice", count: 30),
                .init(id: "won", count: 26, end: "won"), .init(id: "lost", count: nil, end: "lost", from: "quote"),
            ], revenue: 860_000, profit: 190_000, averageCheck: 21_000, ltv: 64_000),
        ],
        pages: [("shop.home", 9100, 0, 0), ("shop.fountain", 5400, 2, 5), ("shop.compare", 1700, 1, 2), ("shop.reviews", 2100, 0, 0),
                ("shop.cart", 1400, 1, 1), ("shop.checkout", 900, 0, 0), ("shop.order", nil, 0, 0), ("shop.care", nil, 1, 1),
                ("shop.invite", nil, 0, 0), ("shop.opt", nil, 1, 1)],
        phases: [("awareness", [1, 2, 1]), ("consideration", [1, -1, -2]), ("purchase", [1, -2, 0]), ("retention", [2, -1, 1]),
                 ("advocacy", [2, 1])])

    /// `block|id|measure` (an empty id for a block's summary) → the number, nil where the output
    /// shows none.
    typealias Figures = [String: Double?]

    /// The numbers worked out from `written`, and each block's biggest drop-off as text.
    static func expected(_ written: Written) -> (numbers: Figures, biggest: [String: String]) {
        var numbers: Figures = [:]
        var biggest: [String: String] = [:]
        // `updateValue`, since assigning nil through the subscript would remove the key.
        func put(_ key: String, _ value: Double?) { numbers.updateValue(value, forKey: key) }
        func percent(_ part: Int?, _ whole: Int?) -> Double? {
            guard let part, let whole, whole > 0 else { return nil }
            return Double(part) * 100 / Double(whole)
        }
        let counted = written.channels.compactMap(\.count)
        let total = counted.isEmpty ? nil : counted.reduce(0, +)
        for channel in written.channels {
            put("channels|\(channel.id)|count", channel.count.map(Double.init))
            put("channels|\(channel.id)|share", percent(channel.count, total))
        }
        put("channels||total", total.map(Double.init))
        for funnel in written.funnels {
            let block = funnel.key
            let entry = funnel.stages.first { $0.end == nil }
            var previous: Stage?
            var loss: (from: String, to: String, count: Int)?
            for stage in funnel.stages {
                put("\(block)|\(stage.id)|count", stage.count.map(Double.init))
                let from = stage.from.flatMap { id in funnel.stages.first { $0.id == id } } ?? previous
                var conversion: Double?, cumulative: Double?, dropOff: Double?
                if let from, stage.end != "lost", let to = stage.count, let whole = from.count {
                    conversion = percent(to, whole)
                    cumulative = percent(to, entry?.count)
                    dropOff = Double(whole - to)
                    if whole - to > 0, whole - to > (loss?.count ?? 0) { loss = (from.id, stage.id, whole - to) }
                }
                put("\(block)|\(stage.id)|conversion", conversion)
                put("\(block)|\(stage.id)|cumulative", cumulative)
                put("\(block)|\(stage.id)|drop_off", dropOff)
                if stage.end == nil { previous = stage }
            }
            biggest[block] = loss.map { "\(funnel.path).\($0.from) → \(funnel.path).\($0.to): −\($0.count)" } ?? ""
            guard block.hasPrefix("pipeline:") else { continue }
            func sum(_ end: String) -> Int? {
                let counts = funnel.stages.filter { $0.end == end }.compactMap(\.count)
                return counts.isEmpty ? nil : counts.reduce(0, +)
            }
            let deals = entry?.count
            put("\(block)||deals", deals.map(Double.init))
            put("\(block)||won", sum("won").map(Double.init))
            put("\(block)||lost", sum("lost").map(Double.init))
            put("\(block)||win_rate", percent(sum("won"), deals))
            put("\(block)||revenue", funnel.revenue)
            put("\(block)||profit", funnel.profit)
            var average = funnel.averageCheck
            if average == nil, let revenue = funnel.revenue, let won = sum("won"), won > 0 { average = revenue / Double(won) }
            put("\(block)||average_check", average)
            // LTV only where given: the output leaves the line out otherwise.
            if let ltv = funnel.ltv { put("\(block)||ltv", ltv) }
        }
        for page in written.pages {
            put("pages|\(page.id)|count", page.count.map(Double.init))
            put("pages|\(page.id)|ads", Double(page.ads))
            put("pages|\(page.id)|queries", Double(page.queries))
        }
        for phase in written.phases {
            put("phases|\(phase.id)|touchpoints", Double(phase.emotions.count))
            put("phases|\(phase.id)|mean_emotion", phase.emotions.isEmpty ? nil : Double(phase.emotions.reduce(0, +)) / Double(phase.emotions.count))
        }
        return (numbers, biggest)
    }

    /// The hand-worked anchors the computation above must agree with (a check on the check).
    @Test func theWorkedFiguresAgreeWithHandArithmetic() {
        let online = Self.expected(Self.onlineStore)
        #expect(online.numbers["channels||total"] == 12_310)                       // 4200+1800+650+2300+900+820+300+420+800+120
        #expect(Self.rounded(online.numbers["channels|instagram|share"]!) == 34.12) // 4200 / 12310
        #expect(Self.rounded(online.numbers["leads|basket|cumulative"]!) == 47.83)  // 1100 / 2300
        #expect(online.numbers["pipeline:orders|returned|conversion"]! == nil)      // a lost exit is no step on
        #expect(Self.rounded(online.numbers["pipeline:wholesale||win_rate"]!) == 57.78)  // 26 / 45
        #expect(online.biggest["leads"] == "leads.new → leads.engaged: −700")
        #expect(Self.rounded(online.numbers["phases|consideration|mean_emotion"]!) == -0.67)  // (1 − 1 − 2) / 3
        let service = Self.expected(Self.serviceCenter)
        #expect(Self.rounded(service.numbers["pipeline:contracts|won|cumulative"]!) == 36)  // 18 / 50
        #expect(service.biggest["pipeline:repair"] == "repair.offer → repair.invoice: −50")
        let spec = Self.expected(Self.specExample)
        #expect(spec.numbers["pipeline:repair|offer|conversion"]! == nil)  // no count written
        #expect(spec.biggest["pipeline:repair"] == "")
    }

    static func rounded(_ value: Double?, digits: Int = 2) -> Double? {
        guard let value else { return nil }
        let scale = digits == 1 ? 10.0 : 100.0
        return (value * scale).rounded() / scale
    }

    /// Measures whose values are numbers (the others are text: kind, crm, end, from).
    static let numericMeasures: Set<String> = [
        "count", "share", "total", "conversion", "cumulative", "drop_off", "deals", "won", "lost", "win_rate", "revenue", "profit",
        "average_check", "ltv", "ads", "queries", "touchpoints", "mean_emotion",
    ]

    static let journeys: [String] = ["spec-example", "service-center", "online-store"]

    static func written(_ name: String) -> Written {
        switch name {
        case "spec-example": specExample
        case "service-center": serviceCenter
        default: onlineStore
        }
    }

    static func compare(_ got: Figures, _ want: Figures, _ format: String, digits: Int = 2) {
        for (key, value) in want.sorted(by: { $0.key < $1.key }) {
            guard let shown = got[key] else {
                Issue.record("\(format): \(key) missing")
                continue
            }
            #expect(shown == rounded(value, digits: digits), "\(format): \(key) shows \(String(describing: shown)), worked out \(String(describing: value))")
        }
        for key in got.keys where want[key] == nil {
            Issue.record("\(format): \(key) is not worked out by the test")
        }
    }

    @Test(arguments: journeys) func csvShowsEveryNumberWorkedOut(_ name: String) throws {
        let written = Self.written(name)
        let outcome = try CJMProcess.run(["stats", repositoryRoot.appendingPathComponent(written.file).path, "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        var got: Figures = [:]
        var biggest: [String: String] = [:]
        for line in outcome.stdoutText.split(separator: "\n").dropFirst() {
            // Labels hold no commas in these journeys; a quoted value (a list) comes last.
            let cells = line.split(separator: ",", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
            guard cells.count == 5 else { Issue.record("not 5 cells: \(line)"); continue }
            if cells[3] == "biggest_drop_off" { biggest[cells[0]] = cells[4] }
            guard Self.numericMeasures.contains(cells[3]) else { continue }
            got["\(cells[0])|\(cells[1])|\(cells[3])"] = cells[4].isEmpty ? Double?.none : Double(cells[4])
        }
        let want = Self.expected(written)
        Self.compare(got, want.numbers, "csv")
        #expect(biggest == want.biggest)
    }

    @Test(arguments: journeys) func jsonShowsEveryNumberWorkedOut(_ name: String) throws {
        let written = Self.written(name)
        let outcome = try CJMProcess.run(["stats", repositoryRoot.appendingPathComponent(written.file).path, "--format", "json"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdoutText.utf8)) as? [String: Any])
        let sections = try #require(root["sections"] as? [[String: Any]])
        var got: Figures = [:]
        var biggest: [String: String] = [:]
        func take(_ block: String, _ id: String, _ object: [String: Any]) {
            for (measure, value) in object where Self.numericMeasures.contains(measure) {
                got["\(block)|\(id)|\(measure)"] = value is NSNull ? Double?.none : (value as? NSNumber)?.doubleValue
            }
        }
        for section in sections {
            let block = try #require(section["key"] as? String)
            for row in section["rows"] as? [[String: Any]] ?? [] { take(block, row["id"] as? String ?? "", row) }
            let summary = section["summary"] as? [String: Any] ?? [:]
            take(block, "", summary)
            if let text = summary["biggest_drop_off"] { biggest[block] = text as? String ?? "" }
        }
        let want = Self.expected(written)
        Self.compare(got, want.numbers, "json")
        #expect(biggest == want.biggest)
    }

    /// A table cell as a number: `1 200` → 1200, `67,8%` → 67.8, `+1,33` → 1.33, `−` / `-`
    /// as minus, a currency mark after a sum ignored; `—` → nil.
    static func number(_ cell: Substring) -> Double?? {
        if cell == "—" { return .some(nil) }
        var text = ""
        for scalar in cell.unicodeScalars {
            switch scalar {
            case "0"..."9", ".": text.unicodeScalars.append(scalar)
            case ",": text += "."
            case "-", "\u{2212}": text += "-"
            default: continue
            }
        }
        return Double(text).map { .some($0) }
    }

    /// The table's sections by block: each section's lines under its heading, up to the blank line.
    static func tableSections(_ table: String) -> [String: [Substring]] {
        var sections: [String: [Substring]] = [:]
        var current: String?
        for line in table.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.isEmpty { current = nil; continue }
            if !line.hasPrefix(" ") {
                if line == "Channels" { current = "channels" }
                else if line.hasPrefix("Leads") { current = "leads" }
                else if line.hasPrefix("Pipeline `") { current = "pipeline:" + line.dropFirst("Pipeline `".count).prefix { $0 != "`" } }
                else if line.hasPrefix("Site pages") { current = "pages" }
                else if line.hasPrefix("Touchpoints per phase") { current = "phases" }
                else { current = nil }
                continue
            }
            if let current { sections[current, default: []].append(line) }
        }
        return sections
    }

    @Test(arguments: journeys) func tableShowsEveryNumberWorkedOut(_ name: String) throws {
        let written = Self.written(name)
        let outcome = try CJMProcess.run(["stats", repositoryRoot.appendingPathComponent(written.file).path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let sections = Self.tableSections(outcome.stdoutText)
        var got: Figures = [:]
        var biggest: [String: String] = [:]
        // Where each block's numbers sit, counted from the row's end (labels may hold spaces).
        let columns: [String: [(measure: String, fromEnd: Int)]] = [
            "channels": [("count", 2), ("share", 1)],
            "funnel": [("count", 5), ("conversion", 3), ("cumulative", 2), ("drop_off", 1)],
            "pages": [("count", 3), ("ads", 2), ("queries", 1)],
            "phases": [("touchpoints", 2), ("mean_emotion", 1)],
        ]
        let summaries: [(prefix: String, measure: String)] = [
            ("Total:", "total"), ("Deals:", "deals"), ("Won:", "won"), ("Lost:", "lost"), ("Win rate", "win_rate"),
            ("Revenue:", "revenue"), ("Profit:", "profit"), ("Average check", "average_check"), ("LTV:", "ltv"),
        ]
        for (block, lines) in sections {
            let layout = columns[block] ?? columns["funnel"]!
            for line in lines.dropFirst() {  // the first line holds the column names
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("Biggest drop-off: ") {
                    biggest[block] = String(trimmed.dropFirst("Biggest drop-off: ".count))
                    continue
                }
                if let summary = summaries.first(where: { trimmed.hasPrefix($0.prefix) }) {
                    let value = try #require(trimmed.range(of: ": ", options: .backwards).map { trimmed[$0.upperBound...] })
                    got["\(block)||\(summary.measure)"] = try #require(Self.number(value), "\(line)")
                    continue
                }
                if trimmed.hasPrefix("Pages no ad reaches") { continue }
                let cells = trimmed.split(separator: " ")
                for (measure, fromEnd) in layout {
                    got["\(block)|\(cells[0])|\(measure)"] = try #require(Self.number(cells[cells.count - fromEnd]), "\(line)")
                }
            }
        }
        let want = Self.expected(written)
        // The table rounds percentages and shares to one decimal; the other numbers to two.
        let oneDecimal: Set<String> = ["share", "conversion", "cumulative", "win_rate"]
        Self.compare(got.filter { key, _ in oneDecimal.contains(String(key.split(separator: "|").last!)) },
                     want.numbers.filter { key, _ in oneDecimal.contains(String(key.split(separator: "|").last!)) }, "table", digits: 1)
        Self.compare(got.filter { key, _ in !oneDecimal.contains(String(key.split(separator: "|").last!)) },
                     want.numbers.filter { key, _ in !oneDecimal.contains(String(key.split(separator: "|").last!)) }, "table")
        #expect(biggest == want.biggest.mapValues { $0.isEmpty ? "—" : $0 })
    }
}
