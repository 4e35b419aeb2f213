import CJMModel
import CJMViewGraph
import Testing
@testable import CJMMaps

@Suite struct BoardMapTests {
    typealias F = BoardFixtures
    let theme = Theme.named(.default)

    /// Text without spaces and indents, so text wrapped or cut inside a long word still matches.
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    static func contains(_ graph: ViewGraph, _ text: String) -> Bool {
        let wanted = squeezed(text)
        return graph.nodes.contains { squeezed($0.label.joined()).contains(wanted) }
    }

    static func smallJourney() -> Journey {
        Journey(
            title: "Магазин", phases: [F.phase("look", "Поиск"), F.phase("buy", "Покупка"), F.phase("again", "Повтор")],
            personas: [Persona(path: F.path("mom"), label: "Молодая мама", goals: ["Купить быстро"], needs: ["Доставка"],
                               motivations: ["Экономия времени"], source: F.here)],
            channels: [Channel(path: F.path("tg"), label: "Telegram-бот", source: F.here)],
            touchpoints: [
                F.touchpoint("ask", "Вопрос в чате", phase: "look", channel: "tg", emotion: -1, actions: ["Пишет в чат"],
                             pains: ["Ждёт ответа"], ideas: ["Автоответ"], feedback: ["CSAT"], owners: ["Поддержка"]),
                F.touchpoint("pay", "Оплата", phase: "buy", emotion: 2, actions: ["Платит картой"], pains: ["Ошибка банка"],
                             ideas: ["СБП"], feedback: ["NPS"], owners: ["Финансы"]),
                F.touchpoint("cart", "Корзина", phase: "buy", emotion: -2, actions: ["Кладёт в корзину"]),
                F.touchpoint("repeat", "Повторный заказ", phase: "again", emotion: 0, actions: ["Заказывает снова"]),
                F.touchpoint("promo", "Промокод", phase: "look", emotion: 1),
            ],
            source: F.here)
    }

    @Test func phaseTitlesRunLeftToRightInWrittenOrder() throws {
        let graph = BoardMap.build(Self.smallJourney(), theme: theme, persona: nil)
        #expect(graph.layout == .pinned)
        let phases = graph.nodes(withClass: "phase")
        #expect(phases.map { $0.label.joined(separator: " ") } == ["Поиск", "Покупка", "Повтор"])
        let xs = phases.map { $0.position?.x ?? -1 }
        #expect(xs == xs.sorted() && Set(xs).count == 3)
    }

    @Test func everyTouchpointTextAppearsInSomeLabel() {
        let journey = Self.smallJourney()
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        for touchpoint in journey.touchpoints {
            for text in [touchpoint.label] + touchpoint.actions + touchpoint.pains + touchpoint.ideas + touchpoint.feedback + touchpoint.owners {
                #expect(Self.contains(graph, text), "missing \(text)")
            }
        }
        #expect(Self.contains(graph, "Канал: Telegram-бот"))
        for persona in ["Молодая мама", "Купить быстро", "Доставка", "Экономия времени"] { #expect(Self.contains(graph, persona)) }
        for lane in BoardLane.allCases { #expect(Self.contains(graph, MapWords.russian.laneTitles[lane]!)) }
    }

    @Test func laneAndPhaseTitlesKeepTheirWordsWhole() {
        let graph = BoardMap.build(F.largeJourney(), theme: theme, persona: nil)
        let titles = graph.nodes(withClass: "lane-title") + graph.nodes(withClass: "phase")
        #expect(titles.count == BoardLane.allCases.count + 2 + 5)
        for node in titles {
            let words = Set(node.label.flatMap { $0.split(separator: " ").map(String.init) })
            let lanes = MapWords.russian.laneTitles.values
            let written = node.tooltip ?? lanes.first { Self.squeezed($0) == Self.squeezed(node.label.joined()) } ?? node.label.joined(separator: " ")
            for word in written.split(separator: " ") { #expect(words.contains(String(word)), "\(node.id): \(word)") }
        }
    }

    @Test func wrappedLaneEntriesContinueUnderTheirFirstWord() {
        let text = TextMeasure(fontSize: 14)
        for number in [7, 12, 305] {
            let digits = String(number).count
            #expect(abs(text.width(of: BoardLayout.entryIndent(digits: digits)) - text.width(of: "\(number) · ")) < 0.01)
        }
    }

    @Test func everyNodeIsPinnedWithAFixedSize() {
        let graph = BoardMap.build(Self.smallJourney(), theme: theme, persona: nil)
        #expect(graph.nodes.allSatisfy { $0.position != nil && $0.style.fixedSize != nil })
        #expect(Set(graph.nodes.map(\.id)).count == graph.nodes.count)
    }

    @Test func emotionsAreAValueOrderedLineInReadingOrder() throws {
        let graph = BoardMap.build(Self.smallJourney(), theme: theme, persona: nil)
        let points = graph.nodes(withClass: "emotion")
        // Reading order: Поиск (ask −1, promo +1), Покупка (pay +2, cart −2), Повтор (repeat 0).
        // Signed with a true minus, as the flow map writes emotions.
        #expect(points.map { $0.label } == [["\u{2212}1"], ["+1"], ["+2"], ["\u{2212}2"], ["0"]])
        let xs = points.map { $0.position!.x }
        #expect(xs == xs.sorted() && Set(xs).count == xs.count)
        func value(_ node: Node) -> Int { Int(node.label[0].replacing("\u{2212}", with: "-"))! }
        let byValue = points.sorted { value($0) < value($1) }.map { $0.position!.y }
        #expect(byValue == byValue.sorted() && Set(byValue).count == 5)
        let joined = graph.edges.filter { $0.classes.contains("emotion-line") }
        #expect(joined.map { [$0.from, $0.to] } == zip(points, points.dropFirst()).map { [$0.id, $1.id] })
        #expect(joined.allSatisfy { $0.style.arrowHead == .none })
    }

    @Test func emotionColoursRunFromRedToGreen() throws {
        let palette = BoardPalette(theme: theme, fontSize: 14)
        let colours = (-2...2).map { rgb(palette.emotionFill(Double($0))) }
        for (lower, higher) in zip(colours, colours.dropFirst()) {
            #expect(lower.red >= higher.red && lower.green <= higher.green)
        }
        #expect(colours[0].red > 200 && colours[0].green < 80)
        #expect(colours[4].green > 200 && colours[4].red < 80)
        let graph = BoardMap.build(Self.smallJourney(), theme: theme, persona: nil)
        let minus2 = try #require(graph.nodes(withClass: "emotion").first { $0.label == ["\u{2212}2"] })
        #expect(minus2.style.fill == palette.emotionFill(-2))
    }

    private func rgb(_ hex: String) -> (red: Int, green: Int, blue: Int) {
        let value = Int(hex.dropFirst(), radix: 16)!
        return (value >> 16, (value >> 8) & 0xff, value & 0xff)
    }

    @Test func touchpointsOfOnePhaseStackInWrittenOrder() throws {
        let graph = BoardMap.build(Self.smallJourney(), theme: theme, persona: nil)
        let pay = try #require(graph.node("touchpoint-pay"))
        let cart = try #require(graph.node("touchpoint-cart"))
        #expect(pay.position!.x == cart.position!.x)
        #expect(pay.position!.y > cart.position!.y)  // Graphviz y grows upwards: written first sits higher
        #expect(pay.label.first?.hasPrefix("3. ") == true && cart.label.first?.hasPrefix("4. ") == true)
        let buy = try #require(graph.node("phase-buy"))
        #expect(pay.position!.x == buy.position!.x)
    }

    @Test func touchpointsWithoutAPhaseGetATrailingColumn() throws {
        var journey = Self.smallJourney()
        journey.touchpoints.append(F.touchpoint("lost", "Потерянный звонок", pains: ["Никто не ответил"]))
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        let phases = graph.nodes(withClass: "phase")
        #expect(phases.last?.label == ["Без фазы"])
        let lost = try #require(graph.node("touchpoint-lost"))
        #expect(lost.position!.x == phases.last!.position!.x)
        #expect(phases.dropLast().allSatisfy { $0.position!.x < lost.position!.x })
        #expect(!BoardMap.build(Self.smallJourney(), theme: theme, persona: nil).labelTexts.contains("Без фазы"))
    }

    @Test func personaNarrowsTouchpointsAndHeader() {
        let journey = F.largeJourney()
        let graph = BoardMap.build(journey, theme: theme, persona: F.path("owner"))
        let shown = Set(graph.nodes(withClass: "touchpoint").map(\.id))
        for touchpoint in journey.touchpoints {
            let expected = touchpoint.persona == nil || touchpoint.persona == F.path("owner")
            #expect(shown.contains("touchpoint-\(touchpoint.path)") == expected)
        }
        #expect(graph.nodes(withClass: "persona").map(\.id) == ["persona-owner"])
        #expect(BoardMap.build(journey, theme: theme, persona: nil).nodes(withClass: "persona").count == 3)
    }

    @Test func channelsPlacedInAPhaseJoinTheTouchpointLane() throws {
        var journey = Self.smallJourney()
        journey.channels.append(Channel(path: F.path("kufar"), label: "kufar.by", kind: .classified, phase: F.path("again"), source: F.here))
        journey.channels[0].phase = F.path("look")  // already named by a touchpoint there
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        let channels = graph.nodes(withClass: "channel")
        #expect(channels.map(\.label) == [["Канал: kufar.by"]])
        #expect(channels[0].position!.x == graph.node("phase-again")!.position!.x)
    }

    @Test func largeBoardHasNoOverlapsAndEveryLineFitsItsBox() {
        let journey = F.largeJourney()
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        let rects = graph.nodes.map(BoardRect.init)
        var overlaps: [String] = []
        for i in rects.indices {
            for j in rects.indices where j > i && rects[i].overlaps(rects[j]) {
                overlaps.append("\(graph.nodes[i].id) × \(graph.nodes[j].id)")
            }
        }
        #expect(overlaps.isEmpty, "\(overlaps.prefix(5))")
        for (node, rect) in zip(graph.nodes, rects) {
            let measure = TextMeasure(fontSize: node.style.fontSize ?? graph.style.fontSize)
            let height = Double(node.label.count) * measure.fontSize * BoardLayout.Metrics.lineSpacing
            #expect(height <= rect.maxY - rect.minY, "\(node.id) too short")
            for line in node.label {
                #expect(measure.width(of: line) <= rect.width - ([.circle, .plain].contains(node.style.shape) ? 4 : 2 * BoardLayout.Metrics.paddingX),
                        "\(node.id): \(line)")
            }
        }
        for touchpoint in journey.touchpoints {
            for text in [touchpoint.label] + touchpoint.actions + touchpoint.pains + touchpoint.ideas + touchpoint.feedback + touchpoint.owners {
                #expect(Self.contains(graph, text))
            }
        }
        #expect(graph.nodes(withClass: "touchpoint").count == 30)
        #expect(graph.nodes(withClass: "emotion").count == 30)
        // Crowded phases go several boxes across; a touchpoint keeps its sub-column in every lane.
        #expect(Set(graph.nodes(withClass: "touchpoint").map { $0.position!.x }).count > 5)
        for touchpoint in journey.touchpoints {
            let xs = Set(["touchpoint", "actions", "pains", "ideas", "feedback", "owners"].compactMap { graph.node("\($0)-\(touchpoint.path)")?.position?.x })
            #expect(xs.count == 1, "\(touchpoint.path)")
        }
    }

    /// Fitting the 30-touchpoint board onto A1 (594 × 841 mm) must keep body text readable
    /// from arm's length: at least 8 pt after scaling.
    @Test func largeBoardStaysLegibleAtA1() {
        let graph = BoardMap.build(F.largeJourney(), theme: theme, persona: nil)
        let rects = graph.nodes.map(BoardRect.init)
        let width = (rects.map(\.maxX).max() ?? 0) + 24
        let height = (rects.map(\.maxY).max() ?? 0) + 24 + graph.style.titleFontSize * 2
        let a1 = (short: 594 / 25.4 * 72, long: 841 / 25.4 * 72)
        let portrait = min(a1.short / width, a1.long / height, 1)
        let landscape = min(a1.long / width, a1.short / height, 1)
        let scale = max(portrait, landscape)
        #expect(BoardLayout.Metrics.fontSize * scale >= 8, "board \(Int(width))×\(Int(height)) pt, scale \(scale)")
    }

    @Test func morePersonasThanColumnsWrapUnderOneTitle() throws {
        var journey = Self.smallJourney()  // three phases
        journey.personas = (1...5).map { Persona(path: F.path("p\($0)"), label: "Персона \($0)", goals: ["Цель \($0)"], source: F.here) }
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        let cards = graph.nodes(withClass: "persona").map(BoardRect.init)
        #expect(cards.count == 5)
        #expect(Set(cards.map(\.maxY)).count == 2)  // two rows
        let title = BoardRect(try #require(graph.node("lane-personas")))
        #expect(abs(title.maxY - cards.map(\.maxY).max()!) < 0.01 && abs(title.minY - cards.map(\.minY).min()!) < 0.01)
    }

    @Test func styleRulesColourTheCardsButKeepThemBoxes() throws {
        var journey = Self.smallJourney()
        journey.styles = [StyleRule(kind: .touchpoint, fill: "#123456", shape: .ellipse, source: F.here)]
        let graph = BoardMap.build(journey, theme: Theme.named(.default, styles: journey.styles), persona: nil)
        let card = try #require(graph.node("touchpoint-ask"))
        #expect(card.style.fill == "#123456" && card.style.shape == .box)
    }

    @Test func checkedSpecExamplePutsItsTouchpointUnderItsPhase() throws {
        let journey = try CheckedViewTests.journey()
        let graph = BoardMap.build(journey, theme: theme, persona: nil)
        let call = try #require(graph.nodes(withClass: "touchpoint").first)
        #expect(call.label == ["1. Первый звонок", "Канал: Входящие звонки"])
        let column = try #require(graph.nodes(withClass: "phase").first { $0.label == ["Рассмотрение"] })
        #expect(call.position!.x == column.position!.x)
        #expect(graph.nodes(withClass: "emotion").map(\.label) == [["\u{2212}1"]])
        for text in ["1 · Звонит, чтобы узнать цену", "1 · Долго ждёт ответа менеджера", "1 · Обратный звонок за 5 минут",
                     "1 · CSAT после звонка", "1 · Отдел продаж", "Владелец мастерской", "• Починить станок без простоя"] {
            #expect(Self.contains(graph, text), "\(text)")
        }
    }

    @Test func emptyJourneyStillDrawsTheLanes() {
        let graph = BoardMap.build(Journey(title: "Пусто", source: F.here), theme: theme, persona: nil)
        #expect(graph.nodes(withClass: "lane-title").count == BoardLane.allCases.count + 1)
        #expect(graph.edges.isEmpty && graph.nodes.allSatisfy { $0.position != nil })
    }

    @Test func sameJourneyGivesTheSameBoard() {
        let journey = F.largeJourney()
        #expect(BoardMap.build(journey, theme: theme, persona: nil) == BoardMap.build(journey, theme: theme, persona: nil))
    }

    @Test func monoThemeKeepsEmotionsGrey() {
        let graph = BoardMap.build(Self.smallJourney(), theme: Theme.named(.mono), persona: nil)
        for point in graph.nodes(withClass: "emotion") {
            let fill = point.style.fill!
            #expect(fill.dropFirst().prefix(2) == fill.dropFirst(3).prefix(2) && fill.dropFirst(3).prefix(2) == fill.dropFirst(5).prefix(2))
        }
    }
}
