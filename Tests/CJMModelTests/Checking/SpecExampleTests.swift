import CJMSyntax
import Testing
import CJMModel

@Suite struct SpecExampleTests {
    @Test func checksCleanly() {
        let result = check(specExample)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey != nil)
        #expect(result.journey?.title == "Сервисный центр «ТехноПлюс»")
    }

    @Test func yieldsExactlyTheFlowsOfTheSpec() {
        let result = check(specExample)
        #expect(flowLines(result.journey) == [
            // channel → CRM (kufar is crm: manual, so dashed)
            "telegram -> bitrix channelToCRM",
            "site_form -> bitrix channelToCRM",
            "email -> bitrix channelToCRM",
            "calls -> bitrix channelToCRM",
            "kufar -> bitrix channelToCRM dashed",
            // CRM → first lead stage
            "bitrix -> leads.new crmToLeads",
            // lead stages chain, junk (lost) hangs off qualify
            "leads.new -> leads.qualify stageChain",
            "leads.qualify -> leads.junk terminal",
            // repair chain; won and lost hang off done
            "repair.new -> repair.offer stageChain",
            "repair.offer -> repair.invoice stageChain",
            "repair.invoice -> repair.done stageChain",
            "repair.done -> repair.won terminal",
            "repair.done -> repair.lost terminal",
            // parts chain
            "parts.new -> parts.paid stageChain",
            "parts.paid -> parts.won terminal",
            // last non-terminal lead stage → first stage of each converted pipeline
            "leads.qualify -> repair.new conversion",
            "leads.qualify -> parts.new conversion",
            "repair -> parts crossSell",
            "search.brand.machines.fast -> site.repair_page landing",
            "calls -> first_call touchpoint",
            // written edges, last
            "email -> site.manual explicit \"ссылка в письме\"",
            "repair.done -> site.manual explicit \"инструкция после ремонта\"",
        ])
    }

    @Test func buildsTheModel() throws {
        let journey = try #require(check(specExample).journey)
        #expect(journey.crm?.path == ElementPath("bitrix"))
        #expect(journey.crm?.label == "Битрикс24")
        #expect(journey.phases.map(\.label) == ["Осведомлённость", "Рассмотрение", "Покупка", "Удержание", "Рекомендация"])
        #expect(journey.phases.allSatisfy { !$0.isDefault })
        #expect(journey.personas.first?.goals == ["Починить станок без простоя"])
        #expect(journey.channels.map(\.crm) == [.auto, .auto, .auto, .auto, .manual])
        #expect(journey.channels[3].count == 420)
        #expect(journey.leads?.path == ElementPath("leads"))
        #expect(journey.leads?.convertsTo == [ElementPath("repair"), ElementPath("parts")])
        #expect(journey.pipelines[0].averageCheck == Figure(350))
        #expect(journey.pipelines[0].stages[2].automations.first?.path == ElementPath(["repair", "invoice", "auto1"]))
        #expect(journey.pipelines[0].stages[2].automations.first?.after == Delay(5, .days))
        #expect(journey.pipelines[0].crossSells == [ElementPath("parts")])
        #expect(journey.sites.first?.pages.map(\.url) == ["https://technoplus.example/", "/repair", "/manual"])
        let ad = journey.adNetworks.first?.campaigns.first?.groups.first?.ads.first
        #expect(ad?.landing == ElementPath(["site", "repair_page"]))
        #expect(ad?.queries.map(\.label) == ["ремонт станков минск", "сервис чпу"])
        let touchpoint = try #require(journey.touchpoints.first)
        #expect(touchpoint.phase == ElementPath("consideration"))
        #expect(touchpoint.channel == ElementPath("calls"))
        #expect(touchpoint.persona == ElementPath("owner"))
        #expect(touchpoint.emotion == -1)
        #expect(touchpoint.owners == ["Отдел продаж"])
    }
}
