import CJMModel
import CJMSyntax

/// The SPEC's complete example ("ТехноПлюс") as the checker would hand it over, built by hand so
/// the flow map is tested without the parser: every element, and every flow the SPEC implies.
enum ServiceCenterJourney {
    static let here = SourceRange(file: FileID(0), startOffset: 0, endOffset: 0)

    static func path(_ dotted: String) -> ElementPath {
        ElementPath(dotted.split(separator: ".").map(String.init))
    }

    static func flow(_ from: String, _ to: String, _ origin: Flow.Origin, label: String? = nil, style: Flow.LineStyle = .solid) -> Flow {
        Flow(from: path(from), to: path(to), origin: origin, label: label, style: style, source: here)
    }

    /// `kufar` integration, so a test can flip it to `none`.
    static func journey(kufar: Channel.Integration = .manual) -> Journey {
        var journey = Journey(title: "Сервисный центр «ТехноПлюс»", source: here)
        journey.crm = CRM(path: path("bitrix"), label: "Битрикс24", source: here)
        journey.phases = ["awareness", "consideration", "purchase", "retention", "advocacy"].map {
            Phase(path: path($0), label: $0, source: here)
        }
        journey.personas = [Persona(path: path("owner"), label: "Владелец мастерской", goals: ["Починить станок без простоя"], source: here)]
        journey.channels = [
            Channel(path: path("telegram"), label: "Telegram", kind: .messenger, source: here),
            Channel(path: path("site_form"), label: "Форма на сайте", kind: .form, source: here),
            Channel(path: path("email"), label: "E-mail", kind: .email, source: here),
            Channel(path: path("calls"), label: "Входящие звонки", kind: .phone, count: 420, source: here),
            Channel(path: path("kufar"), label: "kufar.by", kind: .classified, crm: kufar, source: here),
        ]
        journey.leads = Leads(path: path("leads"), label: "Лиды", stages: [
            Stage(path: path("leads.new"), label: "Новый лид", count: 900, source: here),
            Stage(path: path("leads.qualify"), label: "Квалификация", count: 610, source: here),
            Stage(path: path("leads.junk"), label: "Некачественный лид", end: .lost, source: here),
        ], convertsTo: [path("repair"), path("parts")], source: here)
        journey.pipelines = [
            Pipeline(path: path("repair"), label: "Ремонт", averageCheck: Figure(350), stages: [
                Stage(path: path("repair.new"), label: "Новая сделка", count: 300, source: here),
                Stage(path: path("repair.offer"), label: "Коммерческое предложение", source: here),
                Stage(path: path("repair.invoice"), label: "Счёт на предоплату", automations: [
                    Automation(path: path("repair.invoice.auto1"), label: "Напоминание об оплате", kind: .email,
                               after: Delay(5, .days), source: here),
                ], source: here),
                Stage(path: path("repair.done"), label: "Ремонт выполнен", source: here),
                Stage(path: path("repair.won"), label: "Успешно", end: .won, source: here),
                Stage(path: path("repair.lost"), label: "Провал", end: .lost, source: here),
            ], crossSells: [path("parts")], source: here),
            Pipeline(path: path("parts"), label: "Запчасти", stages: [
                Stage(path: path("parts.new"), label: "Заявка", source: here),
                Stage(path: path("parts.paid"), label: "Оплата", automations: [
                    Automation(path: path("parts.paid.auto1"), label: "Статус доставки", kind: .sms, after: Delay(1, .days), source: here),
                ], source: here),
                Stage(path: path("parts.won"), label: "Доставлено", end: .won, source: here),
            ], source: here),
        ]
        journey.sites = [Site(path: path("site"), label: "Сайт", pages: [
            Page(path: path("site.home"), label: "Главная", url: "https://technoplus.example/", source: here),
            Page(path: path("site.repair_page"), label: "Ремонт станков", url: "/repair", source: here),
            Page(path: path("site.manual"), label: "Инструкции", url: "/manual", source: here),
        ], source: here)]
        journey.adNetworks = [AdNetwork(path: path("search"), label: "Реклама в поиске", kind: .search, campaigns: [
            Campaign(path: path("search.brand"), label: "Бренд", groups: [
                AdGroup(path: path("search.brand.machines"), label: "Ремонт станков", ads: [
                    Ad(path: path("search.brand.machines.fast"), label: "Ремонт за 24 часа", landing: path("site.repair_page"), queries: [
                        Query(label: "ремонт станков минск", count: 1200, source: here),
                        Query(label: "сервис чпу", source: here),
                    ], source: here),
                ], source: here),
            ], source: here),
        ], source: here)]
        journey.touchpoints = [Touchpoint(
            path: path("first_call"), label: "Первый звонок", phase: path("consideration"), channel: path("calls"),
            persona: path("owner"), emotion: -1, actions: ["Звонит, чтобы узнать цену"], pains: ["Долго ждёт ответа менеджера"],
            ideas: ["Обратный звонок за 5 минут"], feedback: ["CSAT после звонка"], owners: ["Отдел продаж"], source: here)]

        var flows: [Flow] = []
        for channel in journey.channels where channel.crm != .none {
            flows.append(flow(channel.path.description, "bitrix", .channelToCRM, style: channel.crm == .manual ? .dashed : .solid))
        }
        flows += [
            flow("bitrix", "leads.new", .crmToLeads),
            flow("leads.new", "leads.qualify", .stageChain),
            flow("leads.qualify", "leads.junk", .terminal),
            flow("leads.qualify", "repair.new", .conversion),
            flow("leads.qualify", "parts.new", .conversion),
            flow("repair.new", "repair.offer", .stageChain),
            flow("repair.offer", "repair.invoice", .stageChain),
            flow("repair.invoice", "repair.done", .stageChain),
            flow("repair.done", "repair.won", .terminal),
            flow("repair.done", "repair.lost", .terminal),
            flow("repair", "parts", .crossSell),
            flow("parts.new", "parts.paid", .stageChain),
            flow("parts.paid", "parts.won", .terminal),
            flow("search.brand.machines.fast", "site.repair_page", .landing),
            flow("calls", "first_call", .touchpoint),
            flow("email", "site.manual", .explicit, label: "ссылка в письме"),
            flow("repair.done", "site.manual", .explicit, label: "инструкция после ремонта"),
        ]
        journey.flows = flows
        return journey
    }
}
