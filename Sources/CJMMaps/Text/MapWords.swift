import CJMModel

/// Every word a map supplies itself, in the journey's language (`MapLanguage.of`): block
/// titles, the legend, hover texts, the lines a box adds under its label, the board's lanes
/// and the names of the five default phases. What the journey writes is shown as written.
struct MapWords: Sendable {
    // MARK: Flow map: titles of the blocks the journey leaves unnamed
    var channels: String
    var leads: String
    var deals: String
    var site: String
    var ads: String
    var touchpoints: String

    // MARK: Flow map: what a hover names a box, and the lines boxes and flows add
    var channelKind: String
    var touchpointKind: String
    var adKind: String
    var pageKind: String
    var leadStageKind: String
    var dealStageKind: String
    var automationKind: String
    var figuresKind: String
    /// The hover text of an automation's dashed link: `%` stands for the stage's label.
    var automationOf: String
    var wonNote: String
    var lostNote: String
    /// A channel whose requests never reach the CRM: under its label and in the legend.
    var notConnected: String
    /// A channel whose requests reach the CRM by hand: its hover text.
    var manualNote: String
    var unpromotedNote: String
    /// On the flow of a manual channel, and on a cross-sell.
    var manualFlow: String
    var crossSellFlow: String
    var emotion: String
    var action: String
    var pain: String
    var idea: String
    var feedback: String
    var owner: String
    var revenue: String
    var profit: String
    var averageCheck: String
    /// `через` in `e-mail, через 5 дн.`
    var after: String
    var automationKinds: [Automation.Kind: String]
    var delayUnits: [Delay.Unit: String]

    // MARK: Flow map: the legend
    var legend: String
    /// Each sample box's description, by its key in `Legend` (`crm-none` reads `notConnected`).
    var legendBoxes: [String: String]
    /// Each sample line's description, by its key in `Legend`.
    var legendLines: [String: String]
    /// `⚠ Конверсия ниже 20%` without the mark and the figure.
    var conversionBelow: String

    // MARK: Board
    var laneTitles: [BoardLane: String]
    var personas: String
    var phases: String
    var noPhase: String
    var channelLine: String
    var personaLine: String
    var contactsLine: String
    var goals: String
    var needs: String
    var motivations: String
    /// `— персона: …` in the title of a board narrowed to one persona.
    var persona: String

    /// The names of the five phases the checker adds when a journey declares none, by id
    /// (none in Russian: the checker's own names are Russian).
    var defaultPhases: [String: String]

    /// What stands between a number's whole part and its fraction: `3,5` or `3.5`. Digits
    /// stay grouped by a no-break space in both languages (`12 500`).
    var decimalMark: String
}

extension MapWords {
    /// The words for maps in `language`.
    init(_ language: MapLanguage) {
        self = language == .english ? .english : .russian
    }

    /// The product's own language.
    static let russian = MapWords(
        channels: "Каналы", leads: "Лиды", deals: "Сделки", site: "Сайт", ads: "Реклама", touchpoints: "Точки контакта",
        channelKind: "Канал", touchpointKind: "Точка контакта", adKind: "Объявление", pageKind: "Страница",
        leadStageKind: "Этап лида", dealStageKind: "Этап сделки", automationKind: "Автоматизация", figuresKind: "Показатели воронки",
        automationOf: "Автоматизация этапа «%»",
        wonNote: "успешное завершение", lostNote: "провал / отказ", notConnected: "не подключён к CRM", manualNote: "в CRM вручную",
        unpromotedNote: "ни одно объявление не ведёт сюда", manualFlow: "вручную", crossSellFlow: "кросс-продажа",
        emotion: "эмоция", action: "действие", pain: "боль", idea: "идея", feedback: "обратная связь", owner: "владелец",
        revenue: "Выручка", profit: "Прибыль", averageCheck: "Средний чек", after: "через",
        automationKinds: [.email: "e-mail", .sms: "SMS", .call: "звонок", .task: "задача", .message: "сообщение", .webhook: "вебхук"],
        delayUnits: [.minutes: "мин", .hours: "ч", .days: "дн.", .weeks: "нед."],
        legend: "Легенда",
        legendBoxes: [
            "channel": "Канал", "crm": "CRM", "stage": "Этап", "won": "Успешное завершение", "lost": "Провал",
            "auto": "Автоматизация", "page": "Страница сайта", "unpromoted": "Страница без рекламы", "ad": "Объявление",
            "touchpoint": "Точка контакта",
        ],
        legendLines: [
            "flow": "Переход", "manual": "В CRM вручную", "cross-sell": "Кросс-продажа", "landing": "Переход с объявления",
            "touchpoint": "Канал точки контакта", "funnel-counted": "Толщина — сколько дошло",
            "biggest-drop-off": "Больше всего потерь", "dashed": "Связь (пунктир)", "dotted": "Связь (точки)", "bold": "Связь (жирная)",
        ],
        conversionBelow: "Конверсия ниже",
        laneTitles: [.touchpoints: "Точки контакта и каналы", .actions: "Действия клиента", .emotion: "Эмоции", .pains: "Боли",
                     .ideas: "Идеи, зоны роста", .feedback: "Обратная связь", .owners: "Ответственные"],
        personas: "Персоны", phases: "Фазы", noPhase: "Без фазы", channelLine: "Канал", personaLine: "Персона",
        contactsLine: "Контактов", goals: "Цели:", needs: "Потребности:", motivations: "Мотивы:", persona: "персона",
        defaultPhases: [:], decimalMark: ",")

    /// For journeys written in English.
    static let english = MapWords(
        channels: "Channels", leads: "Leads", deals: "Deals", site: "Site", ads: "Ads", touchpoints: "Touchpoints",
        channelKind: "Channel", touchpointKind: "Touchpoint", adKind: "Ad", pageKind: "Page",
        leadStageKind: "Lead stage", dealStageKind: "Deal stage", automationKind: "Automation", figuresKind: "Pipeline figures",
        automationOf: "Automation of the stage “%”",
        wonNote: "won", lostNote: "lost / refused", notConnected: "not connected to the CRM", manualNote: "into the CRM by hand",
        unpromotedNote: "no ad leads here", manualFlow: "by hand", crossSellFlow: "cross-sell",
        emotion: "emotion", action: "action", pain: "pain", idea: "idea", feedback: "feedback", owner: "owner",
        revenue: "Revenue", profit: "Profit", averageCheck: "Average check", after: "after",
        automationKinds: [.email: "e-mail", .sms: "SMS", .call: "call", .task: "task", .message: "message", .webhook: "webhook"],
        delayUnits: [.minutes: "min", .hours: "h", .days: "d", .weeks: "wk"],
        legend: "Legend",
        legendBoxes: [
            "channel": "Channel", "crm": "CRM", "stage": "Stage", "won": "Won", "lost": "Lost",
            "auto": "Automation", "page": "Site page", "unpromoted": "Page without ads", "ad": "Ad",
            "touchpoint": "Touchpoint",
        ],
        legendLines: [
            "flow": "Flow", "manual": "Into the CRM by hand", "cross-sell": "Cross-sell", "landing": "Click from an ad",
            "touchpoint": "Touchpoint's channel", "funnel-counted": "Thickness: how many got there",
            "biggest-drop-off": "Biggest drop-off", "dashed": "Link (dashed)", "dotted": "Link (dotted)", "bold": "Link (bold)",
        ],
        conversionBelow: "Conversion below",
        laneTitles: [.touchpoints: "Touchpoints and channels", .actions: "Customer actions", .emotion: "Emotions", .pains: "Pains",
                     .ideas: "Ideas, room to grow", .feedback: "Feedback", .owners: "Owners"],
        personas: "Personas", phases: "Phases", noPhase: "No phase", channelLine: "Channel", personaLine: "Persona",
        contactsLine: "Contacts", goals: "Goals:", needs: "Needs:", motivations: "Motives:", persona: "persona",
        defaultPhases: ["awareness": "Awareness", "consideration": "Consideration", "purchase": "Purchase",
                        "retention": "Retention", "advocacy": "Advocacy"],
        decimalMark: ".")

    /// A phase's name as the map shows it: a default phase in the map's language, any other as written.
    func phaseTitle(_ phase: Phase) -> String {
        phase.isDefault ? defaultPhases[phase.path.description] ?? phase.label : phase.label
    }

    /// The title of the board's lane `lane`.
    func laneTitle(_ lane: BoardLane) -> String {
        laneTitles[lane] ?? lane.rawValue
    }

    /// The hover text of the dashed link from the stage `stage` to one of its automations.
    func automationLink(of stage: String) -> String {
        automationOf.replacing("%", with: stage, maxReplacements: 1)
    }
}
