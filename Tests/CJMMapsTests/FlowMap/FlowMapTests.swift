import CJMModel
import CJMViewGraph
import Testing
@testable import CJMMaps

@Suite struct FlowMapTests {
    let theme = Theme.named(.default)
    var graph: ViewGraph { FlowMap.build(ServiceCenterJourney.journey(), theme: theme) }

    func node(_ graph: ViewGraph, _ id: String) -> Node? { graph.nodes.first { $0.id == id } }
    func text(_ node: Node?) -> String { node?.label.joined(separator: " ") ?? "" }
    func edges(_ graph: ViewGraph, from: String, to: String) -> [Edge] {
        graph.edges.filter { $0.from == from && $0.to == to && !$0.classes.contains("layout") }
    }

    @Test func titleAndLayoutComposedFromBlocks() {
        #expect(graph.title == "Сервисный центр «ТехноПлюс»")
        #expect(graph.layout == .pinned)
        #expect(graph.style.fontName == "DejaVu Sans")
        let draft = FlowMap.draft(ServiceCenterJourney.journey(), theme: theme)
        // Each block is laid out by `dot` on its own, left to right; stacks are only measured.
        #expect(draft.blocks.allSatisfy { $0.layout == .ranked(direction: .leftToRight) || $0.id == "channels" || $0.id == "site-site" || $0.id == "touchpoints" })
        #expect(draft.blocks.first { $0.id == "channels" }?.layout == .pinned)
        #expect(draft.blocks.map(\.id).contains("pipeline-repair") && draft.blocks.map(\.id).contains("campaign-search-brand"))
    }

    /// What a sheet prints is set by the smallest text, so nothing on the wall map (automations,
    /// funnel figures, the legend) is set smaller than the map's body text, in any theme.
    @Test func noTextIsSmallerThanTheBodyText() {
        for name in ThemeName.allCases {
            let graph = FlowMap.build(ServiceCenterJourney.journey(), theme: Theme.named(name))
            let sizes = graph.nodes.filter { !$0.label.isEmpty }.map { $0.style.fontSize ?? graph.style.fontSize }
            #expect(graph.nodes.contains { $0.classes.contains("auto") } && graph.nodes.contains { $0.classes.contains("legend") })
            #expect(sizes.min() == graph.style.fontSize, "\(name): \(sizes.min() ?? 0) pt under \(graph.style.fontSize) pt")
        }
    }

    @Test func everyElementLabelIsOnTheMap() {
        // Wrapped lines joined back, hanging indents dropped.
        let all = graph.nodes.map { $0.label.joined(separator: " ").replacing("\u{2007}", with: "").replacing("\u{2008}", with: "") }.joined(separator: "\n")
        let labels = ["Telegram", "Форма на сайте", "E-mail", "Входящие звонки", "kufar.by", "Битрикс24",
                      "Новый лид", "Квалификация", "Некачественный лид", "Новая сделка", "Коммерческое предложение",
                      "Счёт на предоплату", "Напоминание об оплате", "Ремонт выполнен", "Успешно", "Провал",
                      "Заявка", "Оплата", "Статус доставки", "Доставлено", "Главная", "Ремонт станков", "Инструкции",
                      "Ремонт за 24 часа", "ремонт станков минск", "сервис чпу", "Первый звонок"]
        for label in labels { #expect(all.contains(label), "missing \(label)") }
        let clusterLabels = graph.clusters.compactMap(\.label)
        for label in ["Каналы", "CRM", "Лиды", "Сделки", "Ремонт", "Запчасти", "Сайт", "Реклама в поиске", "Бренд",
                      "Ремонт станков", "Точки контакта"] {
            #expect(clusterLabels.contains(label), "missing cluster \(label)")
        }
    }

    @Test func blocksComeInReadingOrderWithTheirMembers() {
        let graph = graph
        let topLevel = graph.clusters.filter { $0.parent == nil }.map(\.id)
        #expect(topLevel == ["channels", "crm", "leads-leads", "pipelines", "site-site", "ads-search", "touchpoints", "legend"])
        #expect(graph.clusters.filter { $0.parent == "pipelines" }.map(\.id) == ["pipeline-repair", "pipeline-parts"])
        #expect(graph.clusters.first { $0.id == "campaign-search-brand" }?.parent == "ads-search")
        #expect(graph.clusters.first { $0.id == "group-search-brand-machines" }?.parent == "campaign-search-brand")
        #expect(graph.nodes.filter { $0.cluster == "channels" }.map(\.id)
                == ["channel-telegram", "channel-site_form", "channel-email", "channel-calls", "channel-kufar"])
        #expect(node(graph, "stage-repair-invoice")?.cluster == "pipeline-repair")
        #expect(node(graph, "auto-repair-invoice-auto1")?.cluster == "pipeline-repair")
        #expect(node(graph, "page-site-manual")?.cluster == "site-site")
        #expect(node(graph, "ad-search-brand-machines-fast")?.cluster == "group-search-brand-machines")
        #expect(node(graph, "touchpoint-first_call")?.cluster == "touchpoints")
        // One pipeline, one row: its stages (except the lost exit) share a group.
        #expect(node(graph, "stage-repair-new")?.group == "pipeline-repair")
        #expect(node(graph, "stage-repair-won")?.group == "pipeline-repair")
        #expect(node(graph, "stage-repair-lost")?.group == nil)
    }

    @Test func parentsPrecedeChildrenAndEveryReferenceResolves() {
        let graph = graph
        var seen: Set<String> = []
        for cluster in graph.clusters {
            if let parent = cluster.parent { #expect(seen.contains(parent)) }
            seen.insert(cluster.id)
        }
        let nodeIDs = Set(graph.nodes.map(\.id))
        for node in graph.nodes { if let cluster = node.cluster { #expect(seen.contains(cluster)) } }
        for edge in graph.edges { #expect(nodeIDs.contains(edge.from) && nodeIDs.contains(edge.to)) }
        for set in graph.sameRank { for id in set { #expect(nodeIDs.contains(id)) } }
    }

    @Test func channelsJoinTheCRMSolidOrDashed() {
        let graph = graph
        for channel in ["telegram", "site_form", "email", "calls"] {
            let edge = edges(graph, from: "channel-\(channel)", to: "crm-bitrix")
            #expect(edge.count == 1)
            #expect(edge.first?.style.line == .solid)
            #expect(edge.first?.classes.contains("channel-to-crm") == true)
        }
        let manual = edges(graph, from: "channel-kufar", to: "crm-bitrix")
        #expect(manual.first?.style.line == .dashed)
        #expect(manual.first?.label == "вручную")
        #expect(node(graph, "channel-kufar")?.classes == ["channel", "crm-manual"])
    }

    @Test func channelOutsideTheCRMIsNotJoinedButSaysSo() {
        let graph = FlowMap.build(ServiceCenterJourney.journey(kufar: .none), theme: theme)
        #expect(graph.edges.filter { $0.from == "channel-kufar" && !$0.classes.contains("layout") }.isEmpty)
        let kufar = node(graph, "channel-kufar")
        #expect(kufar?.classes.contains("crm-none") == true)
        #expect(kufar?.style.dashed == true)
        #expect(text(kufar).contains("не подключён к CRM"))
        #expect(kufar?.tooltip?.contains("не подключён к CRM") == true)
    }

    @Test func stagesChainWithConversionPercent() {
        let graph = graph
        #expect(edges(graph, from: "crm-bitrix", to: "stage-leads-new").count == 1)
        let chain = edges(graph, from: "stage-leads-new", to: "stage-leads-qualify")
        // 900 → 610 is the lead funnel's one loss, so its biggest drop-off.
        #expect(chain.first?.label == "68% · ▼ \u{2212}290")
        #expect(chain.first?.classes.contains("stage-chain") == true)
        let conversion = edges(graph, from: "stage-leads-qualify", to: "stage-repair-new")
        #expect(conversion.first?.label == "49%")
        #expect(conversion.first?.classes.contains("conversion") == true)
        // No counts on both ends, no percentage.
        #expect(edges(graph, from: "stage-leads-qualify", to: "stage-parts-new").first?.label == nil)
        #expect(edges(graph, from: "stage-repair-new", to: "stage-repair-offer").first?.label == nil)
    }

    @Test func countsAreASecondLine() {
        let graph = graph
        #expect(node(graph, "stage-leads-new")?.label == ["Новый лид", "900"])
        #expect(node(graph, "channel-calls")?.label == ["Входящие звонки", "420"])
        #expect(node(graph, "ad-search-brand-machines-fast")?.label
                == ["Ремонт за 24 часа", "• ремонт станков", "\u{2007}\u{2008}минск\u{00A0}—\u{00A0}1\u{00A0}200", "• сервис чпу"])
    }

    @Test func terminalsAreStyledApartAndHangOffTheirStage() {
        let graph = graph
        #expect(node(graph, "stage-repair-won")?.style == withMinWidth(theme.wonStage))
        #expect(node(graph, "stage-repair-lost")?.style == withMinWidth(theme.lostStage))
        #expect(node(graph, "stage-repair-won")?.classes == ["stage", "won"])
        #expect(node(graph, "stage-leads-junk")?.classes == ["stage", "lost"])
        #expect(edges(graph, from: "stage-repair-done", to: "stage-repair-won").first?.style.color == theme.wonStage.stroke)
        #expect(edges(graph, from: "stage-repair-done", to: "stage-repair-lost").first?.style.color == theme.lostStage.stroke)
    }

    func withMinWidth(_ style: NodeStyle) -> NodeStyle {
        var style = style
        style.minWidth = style.minWidth ?? 1.5
        return style
    }

    @Test func automationIsYellowBesideItsStage() {
        let graph = graph
        let auto = node(graph, "auto-repair-invoice-auto1")
        #expect(auto?.style == theme.automation)
        #expect(auto?.style.fill == "#fff176")
        #expect(auto?.classes == ["auto", "auto-email"])
        #expect(text(auto).contains("e-mail, через 5\u{00A0}дн."))
        #expect(graph.sameRank.contains(["stage-repair-invoice", "auto-repair-invoice-auto1"]))
        let link = edges(graph, from: "stage-repair-invoice", to: "auto-repair-invoice-auto1").first
        #expect(link?.style.line == .dashed)
        #expect(link?.style.arrowHead == EdgeStyle.Arrow.none)
        #expect(link?.classes == ["automation-link"])
    }

    @Test func adsPointLeftIntoTheirLandingPage() {
        let landing = edges(graph, from: "ad-search-brand-machines-fast", to: "page-site-repair_page")
        #expect(landing.count == 1)
        #expect(landing.first?.rankedBackward == true)
        #expect(landing.first?.classes.contains("landing") == true)
    }

    @Test func pagesCarryTheirURLAndSitInOneColumnRightOfThePipelines() {
        let graph = graph
        let home = node(graph, "page-site-home")
        #expect(home?.url == "https://technoplus.example/")
        #expect(home?.label == ["Главная", "technoplus.example"])
        #expect(node(graph, "page-site-manual")?.label == ["Инструкции", "/manual"])
        #expect(graph.sameRank.contains(["page-site-home", "page-site-repair_page", "page-site-manual"]))
        // No page links to another, so the site is a stack of pages the composition places.
        let draft = FlowMap.draft(ServiceCenterJourney.journey(), theme: theme)
        let site = draft.blocks.first { $0.id == "site-site" }
        #expect(site?.edges.isEmpty == true && site?.nodes.count == 3)
    }

    @Test func pagesNoAdLandsOnStandOut() {
        let graph = graph
        let home = node(graph, "page-site-home")
        #expect(home?.classes == ["page", "unpromoted"])
        #expect(home?.style.dashed == true)
        #expect(home?.tooltip?.contains("ни одно объявление не ведёт сюда") == true)
        #expect(node(graph, "page-site-repair_page")?.classes == ["page"])
        #expect(node(graph, "legend-unpromoted") != nil)
        // Without ads on the map there is nothing to compare with: no page is marked.
        var journey = ServiceCenterJourney.journey()
        journey.adNetworks = []
        let plain = FlowMap.build(journey, theme: theme)
        #expect(plain.nodes.filter { $0.classes.contains("unpromoted") }.isEmpty)
    }

    @Test func explicitEdgesKeepTheirLabel() {
        let graph = graph
        #expect(edges(graph, from: "channel-email", to: "page-site-manual").first?.label == "ссылка в письме")
        let manual = edges(graph, from: "stage-repair-done", to: "page-site-manual").first
        #expect(manual?.label == "инструкция после ремонта")
        #expect(manual?.classes == ["flow", "explicit"])
    }

    @Test func crossSellRunsFromLastOpenStageToTheOtherPipeline() {
        let edge = edges(graph, from: "stage-repair-done", to: "stage-parts-new").first
        #expect(edge?.tooltip == "repair → parts: кросс-продажа")
        #expect(edge?.style.line == .dashed)
        #expect(edge?.constraint == false)
        #expect(edge?.label == "кросс-продажа")
        #expect(edge?.style.penWidth == FlowEdges.crossSellPenWidth)
        #expect(graph.nodes.contains { $0.id == "legend-line-cross-sell" && $0.label == ["Кросс-продажа"] })
    }

    @Test func linkedPagesFollowTheColumnAndKeepTheirLabels() {
        var journey = ServiceCenterJourney.journey()
        journey.flows += [
            ServiceCenterJourney.flow("site.home", "site.repair_page", .explicit, label: "баннер"),
            ServiceCenterJourney.flow("site.repair_page", "site.home", .explicit, label: "назад"),
        ]
        let graph = FlowMap.build(journey, theme: theme)
        // home and repair_page link to each other; manual is linked only from outside the site.
        #expect(graph.sameRank.contains { $0.contains("page-site-home") } == false)
        #expect(edges(graph, from: "page-site-home", to: "page-site-repair_page").first?.label == "баннер")
        #expect(edges(graph, from: "page-site-repair_page", to: "page-site-home").first?.label == "назад")
        // Pages that link to each other make the site one block that `dot` lays out with its links.
        let site = FlowMap.draft(journey, theme: theme).blocks.first { $0.id == "site-site" }
        #expect(site?.edges.map(\.label) == ["баннер", "назад"])
    }

    @Test func sitePlacementPutsUnlinkedPagesInTheColumn() {
        let pages = ["a", "b", "c", "d"].map { ElementPath(["shop", $0]) }
        let flows = [ServiceCenterJourney.flow("shop.a", "shop.b", .explicit), ServiceCenterJourney.flow("shop.b", "shop.c", .explicit)]
        #expect(SiteBlock.column(pages, flows: flows) == [0, 3])
        #expect(SiteBlock.column(Array(pages[0...1]), flows: [flows[0], ServiceCenterJourney.flow("shop.b", "shop.a", .explicit)]) == [0])
    }

    @Test func pipelineFiguresSitAboveTheFirstStage() {
        let graph = graph
        let figures = node(graph, "figures-repair")
        #expect(figures?.label == ["Средний чек: 350"])
        #expect(figures?.cluster == "pipeline-repair")
        #expect(graph.sameRank.contains(["figures-repair", "stage-repair-new"]))
        #expect(node(graph, "figures-parts") == nil)
    }

    @Test func touchpointSitsLeftOfItsChannel() {
        let graph = graph
        let link = edges(graph, from: "channel-calls", to: "touchpoint-first_call").first
        #expect(link?.rankedBackward == true)
        #expect(link?.style.line == .dotted)
        #expect(text(node(graph, "touchpoint-first_call")).contains("эмоция: \u{2212}1"))
        #expect(node(graph, "touchpoint-first_call")?.tooltip?.contains("боль: Долго ждёт ответа менеджера") == true)
    }

    @Test func idsAreUniqueAndNodesHaveClassesAndTooltips() {
        let graph = graph
        let ids = graph.nodes.map(\.id) + graph.edges.map(\.id) + graph.clusters.map(\.id)
        #expect(Set(ids).count == ids.count)
        for node in graph.nodes where !node.classes.contains("legend-line-end") {
            #expect(!node.classes.isEmpty)
            #expect(node.tooltip?.isEmpty == false, "no tooltip on \(node.id)")
        }
        #expect(node(graph, "stage-repair-invoice")?.tooltip == "Этап сделки: Счёт на предоплату (repair.invoice)")
        for id in ids { #expect(id == SafeIdentifier.make(id)) }
    }

    @Test func idsKeepCyrillicAndStayUniqueAfterSanitising() {
        var ids = GraphIdentifiers()
        #expect(ids.make("stage", ElementPath(["ремонт", "счёт"])) == "stage-ремонт-счёт")
        #expect(ids.make("page", ElementPath(["a.b", "c"])) == "page-a-b-c")
        #expect(ids.make("page", ElementPath(["a", "b.c"])) == "page-a-b-c-2")
    }

    @Test func legendListsOnlyWhatTheMapUses() {
        let full = graph.nodes.filter { $0.cluster == "legend" }.map(\.id)
        #expect(full.contains("legend-auto"))
        #expect(full.contains("legend-ad"))
        #expect(full.contains("legend-line-manual"))
        #expect(full.contains("legend-line-cross-sell"))
        #expect(!full.contains("legend-crm-none"))
        // Laid out as strips, each a grid a few entries high: columns ranked one after another.
        let strips = FlowMap.draft(ServiceCenterJourney.journey(), theme: theme).blocks.filter { $0.id == "legend" }
        #expect(strips.count == 5, "four bottom strips (1…4 rows) and one right column for legend: auto")
        for strip in strips {
            #expect(strip.layout == .ranked(direction: .leftToRight))
            #expect(Set(strip.nodes.map(\.id)) == Set(full))
            let columns = strip.sameRank
            let ordered = Set(strip.edges.filter { $0.classes == ["layout"] }.map(\.to))
            // Every entry is in a column, or alone in one that an ordering edge places (or the first).
            #expect(Set(columns.flatMap { $0 }).union(ordered).union([full[0]]).isSuperset(of: full.filter { !$0.hasSuffix("-end") }))
        }
        let heights = strips.map { strip in strip.sameRank.map(\.count).max() ?? 1 }
        #expect(heights.min() == 1 && heights.contains(4))
        #expect(!full.contains("legend-line-bold"))

        var bare = ServiceCenterJourney.journey()
        bare.adNetworks = []
        bare.touchpoints = []
        bare.channels.removeLast()
        let legend = FlowMap.build(bare, theme: theme).nodes.filter { $0.cluster == "legend" }.map(\.id)
        #expect(!legend.contains("legend-ad"))
        #expect(!legend.contains("legend-touchpoint"))
        #expect(!legend.contains("legend-line-landing"))
        #expect(!legend.contains("legend-line-manual"))
        #expect(legend.contains("legend-page"))
    }

    @Test func flowsToElementsNotOnTheMapAreDropped() {
        var journey = ServiceCenterJourney.journey()
        journey.sites = []
        let graph = FlowMap.build(journey, theme: theme)
        let nodeIDs = Set(graph.nodes.map(\.id))
        #expect(!nodeIDs.contains("page-site-manual"))
        for edge in graph.edges { #expect(nodeIDs.contains(edge.from) && nodeIDs.contains(edge.to)) }
        #expect(graph.edges.filter { $0.classes.contains("landing") }.isEmpty)
    }

    @Test func monoThemeUsesOnlyGrays() {
        let graph = FlowMap.build(ServiceCenterJourney.journey(kufar: .none), theme: .named(.mono))
        var colours = [graph.style.background, graph.style.fontColor]
        for node in graph.nodes { colours += [node.style.fill, node.style.stroke, node.style.fontColor].compactMap { $0 } }
        for edge in graph.edges { colours += [edge.style.color, edge.style.fontColor] }
        for cluster in graph.clusters { colours += [cluster.fill, cluster.stroke, cluster.fontColor].compactMap { $0 } }
        for colour in colours { #expect(isGray(colour), "\(colour) is not gray") }
    }

    func isGray(_ colour: String) -> Bool {
        let hex = Array(colour.dropFirst())
        guard colour.hasPrefix("#"), hex.count == 6 else { return false }
        return hex[0...1] == hex[2...3] && hex[2...3] == hex[4...5]
    }

    @Test(arguments: ThemeName.allCases)
    func everyThemeBuildsTheSameStructure(_ name: ThemeName) {
        let themed = FlowMap.build(ServiceCenterJourney.journey(), theme: .named(name))
        #expect(themed.nodes.map(\.id) == graph.nodes.map(\.id))
        #expect(themed.edges.map(\.id) == graph.edges.map(\.id))
        #expect(themed.nodes.first { $0.classes.contains("auto") }?.style == Theme.named(name).automation)
    }

    @Test func styleRulesReachTheNodes() {
        let rule = StyleRule(kind: .stage, fill: "#123456", source: ServiceCenterJourney.here)
        let styled = FlowMap.build(ServiceCenterJourney.journey(), theme: .named(.default, styles: [rule]))
        #expect(node(styled, "stage-repair-offer")?.style.fill == "#123456")
        #expect(node(styled, "legend-stage")?.style.fill == "#123456")
    }

    @Test func sameJourneyGivesAnEqualGraph() {
        #expect(FlowMap.build(ServiceCenterJourney.journey(), theme: theme) == FlowMap.build(ServiceCenterJourney.journey(), theme: theme))
    }
}
