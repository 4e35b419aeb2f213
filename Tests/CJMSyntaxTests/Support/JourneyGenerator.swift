/// Builds a large, valid journey of about `bytes` UTF-8 bytes: pipelines with Cyrillic stages and
/// automations, pages, ads with queries, touchpoints and edges, in the shapes of the SPEC example.
func generatedJourney(bytes target: Int) -> String {
    var text = "journey \"Сгенерированная карта\" {\n  crm bitrix \"Битрикс24\"\n"
    text.reserveCapacity(target + 4096)
    var n = 0
    while text.utf8.count < target {
        n += 1
        text += """
          pipeline p\(n) "Воронка номер \(n)" avg_check: \(n * 10) revenue: 1.5 {
            stage new "Новая сделка" count: \(300 + n)
            stage offer "Коммерческое предложение" phase: consideration
            stage invoice "Счёт на предоплату" {
              auto "Напоминание об оплате" kind: email after: 5d
            }
            stage won "Успешно" won; stage lost "Провал" lost
          }
          site s\(n) "Сайт \(n)" { page home "Главная" url: "https://example.com/\(n)?q=\\u{41}" }
          ads a\(n) "Реклама" kind: search {
            campaign c "Бренд" { group g "Группа" { ad f "Объявление" landing: s\(n).home { query "ремонт станков минск" } } }
          }
          touchpoint t\(n) "Звонок" phase: purchase channel: calls emotion: -1 count: 40% {
            pain "Долго ждёт ответа" # комментарий
          }
          p\(n).won -> s\(n).home, a\(n) "после сделки" style: dashed

        """
    }
    return text + "}\n"
}
