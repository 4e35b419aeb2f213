import CJMModel

/// The service-centre journey of SPEC §2, built by hand with the flows the checker implies.
enum ServiceCentreFixture {
    typealias F = BoardFixtures
    static let p = F.path

    static func stage(_ path: String, _ label: String, end: Stage.End? = nil, phase: String? = nil, automations: [Automation] = []) -> Stage {
        Stage(path: p(path), label: label, end: end, phase: phase.map(p), automations: automations, source: F.here)
    }

    static func flow(_ from: String, _ to: String, _ origin: Flow.Origin) -> Flow {
        Flow(from: p(from), to: p(to), origin: origin, source: F.here)
    }

    static func journey() -> Journey {
        Journey(
            title: "Сервисный центр «ТехноПлюс»",
            crm: CRM(path: p("bitrix"), label: "Битрикс24", source: F.here),
            phases: F.defaultPhases,
            personas: [
                Persona(path: p("owner"), label: "Владелец мастерской", source: F.here),
                Persona(path: p("engineer"), label: "Инженер", source: F.here),
            ],
            channels: [
                Channel(path: p("telegram"), label: "Telegram", kind: .messenger, phase: p("awareness"), source: F.here),
                Channel(path: p("calls"), label: "Входящие звонки", kind: .phone, phase: p("consideration"), source: F.here),
                Channel(path: p("email"), label: "E-mail", kind: .email, source: F.here),
            ],
            leads: Leads(path: p("leads"), label: "Лиды", stages: [
                stage("leads.new", "Новый лид", phase: "consideration"), stage("leads.qualify", "Квалификация", phase: "consideration"),
                stage("leads.junk", "Некачественный лид", end: .lost),
            ], convertsTo: [p("repair"), p("parts")], source: F.here),
            pipelines: [
                Pipeline(path: p("repair"), label: "Ремонт", stages: [
                    stage("repair.new", "Новая сделка", phase: "purchase"),
                    stage("repair.invoice", "Счёт на предоплату", phase: "purchase", automations: [
                        Automation(path: p("repair.invoice.remind"), label: "Напоминание об оплате", kind: .email, source: F.here),
                    ]),
                    stage("repair.done", "Ремонт выполнен", phase: "retention"),
                    stage("repair.won", "Успешно", end: .won, phase: "retention"),
                ], crossSells: [p("parts")], source: F.here),
                Pipeline(path: p("parts"), label: "Запчасти", stages: [
                    stage("parts.new", "Заявка", phase: "purchase"), stage("parts.won", "Доставлено", end: .won),
                ], source: F.here),
            ],
            sites: [Site(path: p("site"), label: "Сайт", pages: [
                Page(path: p("site.home"), label: "Главная", url: "https://technoplus.example/", phase: p("awareness"), source: F.here),
                Page(path: p("site.repair_page"), label: "Ремонт станков", url: "/repair", phase: p("consideration"), source: F.here),
                Page(path: p("site.manual"), label: "Инструкции", url: "/manual", phase: p("retention"), source: F.here),
            ], source: F.here)],
            adNetworks: [AdNetwork(path: p("search"), label: "Реклама в поиске", kind: .search, campaigns: [
                Campaign(path: p("search.brand"), label: "Бренд", groups: [
                    AdGroup(path: p("search.brand.machines"), label: "Ремонт станков", ads: [
                        Ad(path: p("search.brand.machines.fast"), label: "Ремонт за 24 часа", landing: p("site.repair_page"),
                           queries: [Query(label: "ремонт станков минск", source: F.here)], source: F.here),
                        Ad(path: p("search.brand.machines.cheap"), label: "Недорого", landing: p("site.home"), source: F.here),
                    ], source: F.here),
                ], source: F.here),
                Campaign(path: p("search.generic"), label: "Общие", source: F.here),
            ], source: F.here)],
            touchpoints: [
                F.touchpoint("first_call", "Первый звонок", phase: "consideration", channel: "calls", persona: "owner", emotion: -1),
                F.touchpoint("chat", "Вопрос в Telegram", phase: "awareness", channel: "telegram", persona: "engineer", emotion: 1),
                F.touchpoint("letter", "Письмо с инструкцией", phase: "retention", channel: "email", emotion: 2),
                F.touchpoint("loose", "Отзыв без фазы", persona: "owner"),
            ],
            views: [
                ViewDefinition(id: "ads_only", label: "Только реклама", show: [.block(.ads)], source: F.here),
                ViewDefinition(id: "repair_view", label: "Ремонт", show: [.element(p("repair"))], source: F.here),
            ],
            flows: [
                flow("telegram", "bitrix", .channelToCRM), flow("calls", "bitrix", .channelToCRM), flow("email", "bitrix", .channelToCRM),
                flow("bitrix", "leads.new", .crmToLeads), flow("leads.new", "leads.qualify", .stageChain),
                flow("leads.qualify", "leads.junk", .terminal),
                flow("leads.qualify", "repair.new", .conversion), flow("leads.qualify", "parts.new", .conversion),
                flow("repair.new", "repair.invoice", .stageChain), flow("repair.invoice", "repair.done", .stageChain),
                flow("repair.done", "repair.won", .terminal), flow("parts.new", "parts.won", .terminal),
                flow("repair", "parts", .crossSell),
                flow("search.brand.machines.fast", "site.repair_page", .landing),
                flow("search.brand.machines.cheap", "site.home", .landing),
                flow("calls", "first_call", .touchpoint), flow("telegram", "chat", .touchpoint), flow("email", "letter", .touchpoint),
                flow("email", "site.manual", .explicit), flow("repair.done", "site.manual", .explicit),
            ],
            source: F.here)
    }
}
