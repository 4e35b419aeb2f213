import CJMModel
import CJMSyntax

/// Journeys built by hand for the board and view tests.
enum BoardFixtures {
    static let here = SourceRange(file: FileID(0), startOffset: 0, endOffset: 0)

    static func path(_ text: String) -> ElementPath { ElementPath(text.split(separator: ".").map(String.init)) }

    static func phase(_ id: String, _ label: String) -> Phase { Phase(path: path(id), label: label, source: here) }

    static let defaultPhases = [
        phase("awareness", "Осведомлённость"), phase("consideration", "Рассмотрение"), phase("purchase", "Покупка"),
        phase("retention", "Удержание"), phase("advocacy", "Рекомендация"),
    ]

    static func touchpoint(_ id: String, _ label: String, phase: String? = nil, channel: String? = nil, persona: String? = nil,
                           emotion: Int? = nil, actions: [String] = [], pains: [String] = [], ideas: [String] = [],
                           feedback: [String] = [], owners: [String] = []) -> Touchpoint {
        Touchpoint(path: path(id), label: label, phase: phase.map(path), channel: channel.map(path), persona: persona.map(path),
                   emotion: emotion, actions: actions, pains: pains, ideas: ideas, feedback: feedback, owners: owners, source: here)
    }

    /// Sentences of realistic length, cycled to make long cells.
    static let longTexts = [
        "Клиент долго ищет на сайте страницу с ценами на ремонт станков с ЧПУ и не находит её с телефона",
        "Менеджер перезванивает только на следующий день, когда клиент уже договорился с конкурентами",
        "Автоматическое SMS-подтверждение заявки с номером заказа и именем ответственного инженера",
        "Электронная почта с инструкцией по подготовке оборудования к транспортировке в сервисный центр",
        "Опрос удовлетворённости (CSAT) через два дня после завершения ремонта и отдельный вопрос NPS",
        "Руководитель отдела продаж совместно с коммерческим директором и службой качества",
        "Сравнивает предложения трёх-четырёх мастерских по срокам, гарантийным обязательствам и стоимости",
        "Высокоскоростнойпрецизионныйфрезерныйобрабатывающийцентр",
    ]

    /// 30 touchpoints over the five default phases, three personas, long Russian texts in
    /// every lane, emotions cycling through −2…+2.
    static func largeJourney() -> Journey {
        var touchpoints: [Touchpoint] = []
        for index in 0..<30 {
            let phase = defaultPhases[index % 5].path.description
            func text(_ offset: Int) -> String { longTexts[(index + offset) % longTexts.count] }
            touchpoints.append(touchpoint(
                "tp\(index + 1)", "Точка контакта номер \(index + 1): \(text(0))", phase: phase, channel: ["calls", "site_form", "telegram"][index % 3],
                persona: ["owner", "engineer", nil][index % 3], emotion: (index / 5 + index % 5) % 5 - 2,
                actions: [text(1), text(2)], pains: [text(3)], ideas: [text(4), text(5)], feedback: [text(6)], owners: [text(7)]))
        }
        return Journey(
            title: "Сервисный центр «ТехноПлюс»: полная карта пути клиента",
            phases: defaultPhases,
            personas: [
                Persona(path: path("owner"), label: "Владелец мастерской", goals: ["Починить станок без простоя производства"],
                        needs: ["Понятная и заранее известная цена ремонта"], motivations: ["Сохранить контракты с заказчиками"], source: here),
                Persona(path: path("engineer"), label: "Главный инженер завода", goals: [longTexts[0]], needs: [longTexts[1]], source: here),
                Persona(path: path("buyer"), label: "Закупщик", motivations: [longTexts[6]], source: here),
            ],
            channels: [
                Channel(path: path("calls"), label: "Входящие звонки", kind: .phone, source: here),
                Channel(path: path("site_form"), label: "Форма на сайте", kind: .form, source: here),
                Channel(path: path("telegram"), label: "Telegram", kind: .messenger, source: here),
            ],
            touchpoints: touchpoints, source: here)
    }
}
