import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// Blocks the journey leaves unnamed are titled in the journey's language; a label written wins.
@Suite struct BlockTitlesTests {
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
}
