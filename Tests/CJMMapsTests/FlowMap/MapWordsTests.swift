import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// The words a map supplies itself are in the journey's language: block titles (a label
/// written wins), the legend, hover texts, the board's lanes and the default phases' names.
@Suite struct MapWordsTests {
    static let russian = """
        journey "Автосервис" {
          crm amo "amoCRM"
          channel calls "Звонки" kind: phone
          leads {
            stage new "Новая заявка"
            stage talk "Разговор"
          }
          pipeline repair "Ремонт" { stage new "Запись"; stage done "Выдан" won }
          site { page home "Главная" url: "/" }
          ads yandex kind: search {
            campaign brand "Бренд" { group all "Общее" { ad a "Ремонт авто" landing: home } }
          }
          touchpoint call "Звонок" channel: calls
          view deals "Сделки" show: pipelines, site
        }
        """

    static let english = """
        journey "Car service" {
          crm amo "amoCRM"
          channel calls "Calls" kind: phone
          leads {
            stage new "New request"
            stage talk "Call"
          }
          pipeline repair "Repair" { stage new "Booked"; stage done "Done" won }
          site { page home "Home" url: "/" }
          ads yandex kind: search {
            campaign brand "Brand" { group all "General" { ad a "Car repair" landing: home } }
          }
          touchpoint call "Call" channel: calls
          view deals "Deals only" show: pipelines, site
        }
        """

    static func journey(_ text: String) throws -> Journey {
        let result = Checker.check(SourceFile(path: "titles.cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    static func blockTitles(_ graph: ViewGraph) -> [String] {
        graph.clusters.filter { $0.classes.contains("block") && $0.parent == nil }.compactMap(\.label)
    }

    @Test func aCyrillicJourneyGetsRussianTitlesForEveryBlock() throws {
        let journey = try Self.journey(Self.russian)
        #expect(MapLanguage.of(journey) == .russian)
        #expect(Self.blockTitles(FlowMap.build(journey, theme: .named(.default))) ==
                ["Каналы", "CRM", "Лиды", "Сделки", "Сайт", "Реклама", "Точки контакта"])
    }

    @Test func aLatinJourneyGetsEnglishTitles() throws {
        let journey = try Self.journey(Self.english)
        #expect(MapLanguage.of(journey) == .english)
        #expect(Self.blockTitles(FlowMap.build(journey, theme: .named(.default))) ==
                ["Channels", "CRM", "Leads", "Deals", "Site", "Ads", "Touchpoints"])
    }

    @Test func aWrittenLabelAlwaysWins() throws {
        let text = Self.english.replacingOccurrences(of: "  leads {", with: "  leads \"Воронка\" {")
            .replacingOccurrences(of: "  site {", with: "  site \"Сайт\" {")
            .replacingOccurrences(of: "ads yandex kind", with: "ads yandex \"Яндекс Директ\" kind")
        let titles = Self.blockTitles(FlowMap.build(try Self.journey(text), theme: .named(.default)))
        #expect(titles == ["Channels", "CRM", "Воронка", "Deals", "Сайт", "Яндекс Директ", "Touchpoints"])
    }

    @Test func aViewIsTitledInItsWholeJourneysLanguage() throws {
        // The view shows only Latin page names, but the journey is Russian.
        let text = Self.russian.replacingOccurrences(of: "page home \"Главная\"", with: "page home \"Home page\"")
            .replacingOccurrences(of: "pipeline repair \"Ремонт\" { stage new \"Запись\"; stage done \"Выдан\" won }",
                                  with: "pipeline repair \"Repair\" { stage new \"Booked\"; stage done \"Done\" won }")
        let graph = try #require(MapCatalog.build(view: "deals", journey: try Self.journey(text), persona: nil, theme: .named(.default))).graph
        #expect(Self.blockTitles(graph) == ["Сделки", "Сайт"])
    }

    @Test(arguments: [
        ("", MapLanguage.english),
        ("journey \"Магазин\" { channel tg kind: messenger; channel vk kind: social }", .russian),   // ids do not vote
        ("journey \"Магазин\" { channel a \"Телеграм\" kind: messenger; channel b \"kufar.by\" kind: classified }", .russian),
        ("journey \"Shop\" { channel a \"Сайт technoplus.example\" kind: form }", .english),  // a tie is not "mostly"
        ("journey \"Shop\" { channel a \"Telegram\" kind: messenger }", .english),
    ])
    func mostTextsDecide(_ text: String, _ language: MapLanguage) throws {
        guard !text.isEmpty else {
            // No journey text at all: only the five default phases, which do not vote.
            let journey = try Self.journey("journey { }")
            #expect(journey.phases.allSatisfy(\.isDefault) && MapLanguage.of(journey) == language)
            return
        }
        #expect(MapLanguage.of(try Self.journey(text)) == language)
    }

    /// Every construct that makes a map add words of its own, written in English.
    static let everyWord = """
        journey "Repair shop" {
          crm hub "HubSpot"
          persona owner "Workshop owner" {
            goal "Fix the machine fast"
            need "A clear price"
          }
          persona buyer "Purchasing manager"
          channel calls "Phone calls" kind: phone count: 4200
          channel board "Classifieds" kind: classified crm: manual
          channel fair "Trade fair" kind: offline crm: none
          leads {
            stage new "New lead" count: 900
            stage qualify "Qualified" count: 120
            stage junk "Junk" lost
            convert -> repair
          }
          pipeline repair "Repair" revenue: 125000 profit: 40000 avg_check: 350.5 ltv: 900 {
            stage new "New deal" count: 300
            stage invoice "Invoice" count: 200 {
              auto "Payment reminder" kind: email after: 5d
              auto "Call back" kind: call after: 1.5h
            }
            stage done "Done" won
            stage lost "Lost" lost
            cross_sell parts
          }
          pipeline parts "Parts" { stage new "Order"; stage paid "Paid" won }
          site "Site" {
            page home "Home" url: "https://shop.example/"
            page manual "Manuals" url: "/manual"
          }
          ads search kind: search {
            campaign brand "Brand" { group all "General" { ad fast "Repair in 24 hours" landing: home { query "machine repair" } } }
          }
          touchpoint call "Calls the shop" channel: calls persona: owner emotion: -1 count: 1500 {
            action "Asks for the price"
            pain "Long wait"
            idea "Call back in 5 minutes"
            feedback "CSAT after the call"
            owner "Sales"
          }
          touchpoint visit "Visits the site" phase: purchase channel: calls persona: buyer emotion: 2
          calls -> manual "link in the message"
        }
        """

    static func texts(_ graph: ViewGraph) -> [String] {
        graph.nodes.flatMap { $0.label + [$0.tooltip ?? ""] } + graph.clusters.compactMap(\.label)
            + graph.edges.flatMap { [$0.label ?? "", $0.tooltip ?? ""] } + [graph.title ?? ""]
    }

    @Test func anEnglishJourneysMapsHaveNoRussianWord() throws {
        let journey = try Self.journey(Self.everyWord)
        #expect(MapLanguage.of(journey) == .english)
        let flow = FlowMap.build(journey, theme: .named(.default))
        let board = BoardMap.build(journey, theme: .named(.default), persona: nil)
        for (name, graph) in [("flow", flow), ("board", board)] {
            let russian = Self.texts(graph).filter { $0.unicodeScalars.contains { ("\u{0400}"..."\u{04FF}").contains($0) } }
            #expect(russian.isEmpty, "\(name): \(russian)")
        }
        let flowTexts = Self.texts(flow).joined(separator: "\n")
        for word in ["Legend: Automation", "e-mail, after 5\u{00A0}d", "call, after 1.5\u{00A0}h", "Revenue: 125\u{00A0}000", "Average check: 350.5",
                     "emotion: \u{2212}1", "pain: Long wait", "not connected to the CRM", "by hand", "cross-sell",
                     "no ad leads here", "Automation of the stage “Invoice”", "Thickness: how many got there"] {
            #expect(flowTexts.contains(word), "no \(word) on the flow map")
        }
        let boardTexts = Self.texts(board).joined(separator: "\n")
        for word in ["Customer actions", "Awareness", "Purchase", "Personas", "Goals:", "Contacts: 1\u{00A0}500", "\u{2212}1"] {
            #expect(boardTexts.contains(word), "no \(word) on the board")
        }
    }

    @Test func aRussianJourneyKeepsItsWords() throws {
        let text = Self.russian.replacingOccurrences(of: "touchpoint call \"Звонок\" channel: calls",
                                                     with: "touchpoint call \"Звонок\" channel: calls emotion: -2 count: 1500")
        let journey = try Self.journey(text)
        let board = Self.texts(BoardMap.build(journey, theme: .named(.default), persona: nil)).joined(separator: "\n")
        for word in ["Действия клиента", "Осведомлённость", "Контактов: 1\u{00A0}500", "\u{2212}2", "Фазы"] {
            #expect(board.contains(word), "no \(word) on the board")
        }
        let flow = Self.texts(FlowMap.build(journey, theme: .named(.default))).joined(separator: "\n")
        #expect(flow.contains("эмоция: \u{2212}2") && flow.contains("Легенда: Точка контакта"))
    }
}
