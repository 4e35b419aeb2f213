import CJMModel
import CJMSyntax
import CJMViewGraph
import Testing
@testable import CJMMaps

/// The SPEC's complete example through the real parser and checker: the map drawn from it has
/// the same boxes and arrows as the hand-built fixture the other flow-map tests use.
@Suite struct FlowMapSpecExampleTests {
    static let text = #"""
journey "Сервисный центр «ТехноПлюс»" {
  crm bitrix "Битрикс24"

  phase awareness     "Осведомлённость"
  phase consideration "Рассмотрение"
  phase purchase      "Покупка"
  phase retention     "Удержание"
  phase advocacy      "Рекомендация"

  persona owner "Владелец мастерской" {
    goal "Починить станок без простоя"
    need "Понятная цена ремонта"
  }

  channel telegram  "Telegram"        kind: messenger
  channel site_form "Форма на сайте"  kind: form
  channel email     "E-mail"          kind: email
  channel calls     "Входящие звонки" kind: phone    count: 420
  channel kufar     "kufar.by"        kind: classified crm: manual

  leads "Лиды" {
    stage new     "Новый лид"     count: 900
    stage qualify "Квалификация"  count: 610
    stage junk    "Некачественный лид" lost
    convert -> repair, parts
  }

  pipeline repair "Ремонт" avg_check: 350 {
    stage new     "Новая сделка"       count: 300
    stage offer   "Коммерческое предложение"
    stage invoice "Счёт на предоплату" {
      auto "Напоминание об оплате" kind: email after: 5d
    }
    stage done    "Ремонт выполнен"
    stage won     "Успешно"  won
    stage lost    "Провал"   lost
    cross_sell parts
  }

  pipeline parts "Запчасти" {
    stage new  "Заявка"
    stage paid "Оплата" {
      auto "Статус доставки" kind: sms after: 1d
    }
    stage won  "Доставлено" won
  }

  site "Сайт" {
    page home   "Главная"    url: "https://technoplus.example/"
    page repair_page "Ремонт станков" url: "/repair"
    page manual "Инструкции" url: "/manual"
  }

  ads search "Реклама в поиске" kind: search {
    campaign brand "Бренд" {
      group machines "Ремонт станков" {
        ad fast "Ремонт за 24 часа" landing: repair_page {
          query "ремонт станков минск"
          query "сервис чпу"
        }
      }
    }
  }

  touchpoint first_call "Первый звонок" phase: consideration channel: calls persona: owner emotion: -1 {
    action   "Звонит, чтобы узнать цену"
    pain     "Долго ждёт ответа менеджера"
    idea     "Обратный звонок за 5 минут"
    feedback "CSAT после звонка"
    owner    "Отдел продаж"
  }

  email -> manual "ссылка в письме"
  repair.done -> manual "инструкция после ремонта"
}
"""#

    @Test func checkedSpecExampleDrawsTheFixturesMap() throws {
        let result = Checker.check(SourceFile(path: "technoplus.cjm", text: Self.text))
        let journey = try #require(result.journey, "\(result.diagnostics)")
        let theme = Theme.named(.default)
        let checked = FlowMap.build(journey, theme: theme)
        let fixture = FlowMap.build(ServiceCenterJourney.journey(), theme: theme)
        #expect(checked.nodes.map(\.id) == fixture.nodes.map(\.id))
        #expect(checked.clusters.map(\.id) == fixture.clusters.map(\.id))
        let arrows = { (graph: ViewGraph) in graph.edges.map { "\($0.from) -> \($0.to) \($0.classes) \($0.style.line)" }.sorted() }
        #expect(arrows(checked) == arrows(fixture))
        #expect(checked.sameRank == fixture.sameRank)
    }
}
