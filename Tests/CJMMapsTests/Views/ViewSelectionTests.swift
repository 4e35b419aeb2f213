import CJMModel
import Testing
@testable import CJMMaps

@Suite struct ViewSelectionTests {
    typealias S = ServiceCentreFixture
    let journey = S.journey()
    let p = BoardFixtures.path

    func select(show: [ViewDefinition.Item] = [], phases: [String] = [], personas: [String] = []) -> Journey {
        ViewSelection.apply(ViewDefinition(id: "v", label: "Вид", show: show, phases: phases.map(p), personas: personas.map(p),
                                           source: BoardFixtures.here), to: journey)
    }

    /// Every element path the journey holds, for comparing whole selections.
    func paths(_ journey: Journey) -> Set<String> {
        var result: Set<String> = []
        if let crm = journey.crm { result.insert(crm.path.description) }
        result.formUnion(journey.channels.map(\.path.description))
        if let leads = journey.leads { result.formUnion(([leads.path] + leads.stages.map(\.path)).map(\.description)) }
        for pipeline in journey.pipelines {
            result.insert(pipeline.path.description)
            for stage in pipeline.stages { result.formUnion(([stage.path] + stage.automations.map(\.path)).map(\.description)) }
        }
        for site in journey.sites { result.formUnion(([site.path] + site.pages.map(\.path)).map(\.description)) }
        for network in journey.adNetworks {
            result.insert(network.path.description)
            for campaign in network.campaigns {
                result.insert(campaign.path.description)
                for group in campaign.groups { result.formUnion(([group.path] + group.ads.map(\.path)).map(\.description)) }
            }
        }
        result.formUnion(journey.touchpoints.map(\.path.description))
        return result
    }

    func flows(_ journey: Journey) -> [String] { journey.flows.map { "\($0.from)->\($0.to)" } }

    @Test func emptyShowKeepsEverything() {
        let all = select()
        #expect(paths(all) == paths(journey))
        #expect(flows(all) == flows(journey))
        #expect(all.phases.count == 5 && all.personas.count == 2)
    }

    @Test func blockWordKeepsOnlyThatBlock() {
        let ads = select(show: [.block(.ads)])
        #expect(ads.adNetworks.count == 1 && ads.adNetworks[0].campaigns.count == 2)
        #expect(ads.crm == nil && ads.channels.isEmpty && ads.leads == nil && ads.pipelines.isEmpty)
        #expect(ads.sites.isEmpty && ads.touchpoints.isEmpty)
        #expect(ads.flows.isEmpty)  // the landing pages are gone
        #expect(ads.adNetworks[0].campaigns[0].groups[0].ads.allSatisfy { $0.landing == nil })
        #expect(ads.phases.count == 5)  // context stays
    }

    @Test func adsWithTheSiteKeepTheirLandingFlows() {
        let view = select(show: [.block(.site), .block(.ads)])
        #expect(flows(view) == ["search.brand.machines.fast->site.repair_page", "search.brand.machines.cheap->site.home"])
        #expect(view.adNetworks[0].campaigns[0].groups[0].ads[0].landing == p("site.repair_page"))
    }

    @Test func namedPipelineKeepsItsStagesAndNothingElse() {
        let view = select(show: [.element(p("repair"))])
        #expect(paths(view) == ["repair", "repair.new", "repair.invoice", "repair.invoice.remind", "repair.done", "repair.won"])
        #expect(flows(view) == ["repair.new->repair.invoice", "repair.invoice->repair.done", "repair.done->repair.won"])
        #expect(view.pipelines[0].crossSells.isEmpty)  // parts is not shown
    }

    @Test func namedInnerElementKeepsItsFramesOnly() {
        let view = select(show: [.element(p("repair.invoice")), .element(p("search.brand.machines.fast")), .element(p("site.manual"))])
        #expect(paths(view) == ["repair", "repair.invoice", "repair.invoice.remind", "search", "search.brand",
                                "search.brand.machines", "search.brand.machines.fast", "site", "site.manual"])
        #expect(view.flows.isEmpty)
    }

    @Test func namedAutomationKeepsItsStageAsAFrame() {
        let view = select(show: [.element(p("repair.invoice.remind"))])
        #expect(paths(view) == ["repair", "repair.invoice", "repair.invoice.remind"])
    }

    @Test func channelsAndCRMKeepTheirFlows() {
        let view = select(show: [.block(.channels), .block(.crm), .element(p("calls"))])
        #expect(Set(flows(view)) == ["telegram->bitrix", "calls->bitrix", "email->bitrix"])
    }

    @Test func phaseFilterKeepsOnlyElementsPlacedInThosePhases() {
        let view = select(phases: ["consideration"])
        #expect(view.phases.map(\.path) == [p("consideration")])
        #expect(view.channels.map(\.path) == [p("calls")])  // telegram is elsewhere, email has no phase
        #expect(view.touchpoints.map(\.path) == [p("first_call")])  // `loose` has no phase
        #expect(view.leads?.stages.map(\.path) == [p("leads.new"), p("leads.qualify")])
        #expect(view.pipelines.isEmpty)  // no repair or parts stage is in consideration
        #expect(view.sites.first?.pages.map(\.path) == [p("site.repair_page")])
        #expect(view.leads?.convertsTo.isEmpty == true)
        #expect(view.crm != nil && view.adNetworks.count == 1)  // cannot carry a phase
        #expect(Set(flows(view)) == ["calls->bitrix", "bitrix->leads.new", "leads.new->leads.qualify", "calls->first_call",
                                      "search.brand.machines.fast->site.repair_page"])
    }

    @Test func phaseNamedInShowKeepsWhatIsPlacedThere() {
        let view = select(show: [.element(p("retention"))])
        #expect(paths(view) == ["repair", "repair.done", "repair.won", "site", "site.manual", "letter"])
    }

    @Test func personaFilterKeepsThatPersonasTouchpointsAndUnassignedOnes() {
        let view = select(personas: ["owner"])
        #expect(view.touchpoints.map(\.path) == [p("first_call"), p("letter"), p("loose")])
        #expect(view.personas.map(\.path) == [p("owner")])
        #expect(!flows(view).contains("telegram->chat"))
        #expect(view.channels.count == 3)
    }

    @Test func personaNamedInShowKeepsItsTouchpoints() {
        let view = select(show: [.element(p("engineer"))])
        #expect(view.touchpoints.map(\.path) == [p("chat")])
        #expect(view.channels.isEmpty && view.touchpoints[0].channel == nil)
    }

    @Test func filtersCombine() {
        let view = select(show: [.block(.touchpoints), .block(.channels)], phases: ["awareness", "consideration"], personas: ["owner"])
        #expect(view.touchpoints.map(\.path) == [p("first_call")])
        #expect(view.channels.map(\.path) == [p("telegram"), p("calls")])
        #expect(flows(view) == ["calls->first_call"])
    }
}
