import CJMSyntax
import Testing
import CJMModel

/// One test per construct of SPEC §2: the model it becomes.
@Suite struct ConstructTests {
    private func journey(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Journey {
        let result = checkBody(body)
        #expect(result.diagnostics.isEmpty, "\(locations(result)) \(result.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return try #require(result.journey, sourceLocation: sourceLocation)
    }

    @Test func journeyTitleAndTheme() throws {
        let result = check("journey \"Путь клиента\" theme: mono {\n}\n")
        let journey = try #require(result.journey)
        #expect(journey.title == "Путь клиента")
        #expect(journey.theme == .mono)
        #expect(check("journey \"T\" {\n}\n").journey?.theme == .default)
    }

    @Test func defaultPhasesWhenNoneWritten() throws {
        let phases = try journey("").phases
        #expect(phases.map(\.path.id) == ["awareness", "consideration", "purchase", "retention", "advocacy"])
        #expect(phases.map(\.label) == ["Осведомлённость", "Рассмотрение", "Покупка", "Удержание", "Рекомендация"])
        #expect(phases.allSatisfy { $0.isDefault })
    }

    @Test func writtenPhasesReplaceTheDefaultsAndLabelsDefaultToTheId() throws {
        let phases = try journey("phase search \"Поиск\"\nphase buy").phases
        #expect(phases.map(\.path.id) == ["search", "buy"])
        #expect(phases.map(\.label) == ["Поиск", "buy"])
        #expect(phases.allSatisfy { !$0.isDefault })
    }

    @Test func decomposedAndComposedSpellingsAreOneID() throws {
        // `й` typed as `и` + U+0306 (as macOS file names and some keyboards do) is the id `й`.
        let decomposed = "мои\u{0306}_канал"
        let journey = try journey("channel мой_канал \"Канал\"\ntouchpoint t \"Т\" channel: \(decomposed)")
        #expect(journey.channels.map(\.path.id) == ["мой_канал"])
        #expect(journey.touchpoints.first?.channel == ElementPath("мой_канал"))
        let duplicate = checkBody("channel мой_канал\nchannel \(decomposed)")
        #expect(locations(duplicate) == ["E043@3:9"])
    }

    @Test func crmWithoutIdIsCalledCrm() throws {
        let crm = try journey("crm \"Битрикс24\"").crm
        #expect(crm?.path == ElementPath("crm"))
        #expect(crm?.label == "Битрикс24")
    }

    @Test func personaGoalsNeedsMotivations() throws {
        let persona = try journey("""
        persona owner "Владелец" {
          goal "Без простоя"
          need "Цена"
          need "Скорость"
          motivation "Рост"
        }
        """).personas[0]
        #expect(persona.path == ElementPath("owner"))
        #expect(persona.goals == ["Без простоя"])
        #expect(persona.needs == ["Цена", "Скорость"])
        #expect(persona.motivations == ["Рост"])
    }

    @Test func channelAttributes() throws {
        let channel = try journey("""
        phase awareness
        channel shop "Магазин" kind: offline crm: none phase: awareness count: 12 url: "https://shop.example/"
        channel tg
        """).channels
        #expect(channel[0].kind == .offline)
        #expect(channel[0].crm == Channel.Integration.none)
        #expect(channel[0].phase == ElementPath("awareness"))
        #expect(channel[0].count == 12)
        #expect(channel[0].url == "https://shop.example/")
        #expect(channel[1].label == "tg")
        #expect(channel[1].crm == .auto)
        #expect(channel[1].kind == nil)
    }

    @Test func urlsThatAreAllowed() throws {
        let channels = try journey("""
        channel a url: "http://a.example"
        channel b url: "mailto:sales@example.com"
        channel c url: "tel:+375291234567"
        channel d url: "/contacts?x=1#y"
        channel e url: "page.html"
        channel f url: "HTTPS://A.EXAMPLE"
        """).channels
        #expect(channels.compactMap(\.url).count == 6)
    }

    @Test func stagesChainAndEndsHangOffTheNearestStageAbove() throws {
        let journey = try journey("""
        pipeline p "П" {
          stage a
          stage lost1 "Отказ" lost
          stage b
          stage c
          stage won won
          stage late "Поздний отказ" lost from: a
        }
        """)
        let stages = journey.pipelines[0].stages
        #expect(stages.map(\.end) == [nil, .lost, nil, nil, .won, .lost])
        #expect(stages[5].from == ElementPath(["p", "a"]))
        #expect(flowLines(journey) == [
            "p.a -> p.lost1 terminal",
            "p.a -> p.b stageChain",
            "p.b -> p.c stageChain",
            "p.c -> p.won terminal",
            "p.a -> p.late terminal",
        ])
    }

    @Test func fromOnANonTerminalStageReplacesItsChainLink() throws {
        let journey = try journey("""
        leads {
          stage a
          stage b
          stage c from: a
        }
        """)
        #expect(flowLines(journey) == ["leads.a -> leads.b stageChain", "leads.a -> leads.c stageChain"])
    }

    @Test func stageCountAndPhase() throws {
        let stage = try journey("phase buy\nleads \"Лиды\" {\n  stage new \"Новый\" count: 900 phase: buy\n}").leads?.stages[0]
        #expect(stage?.count == 900)
        #expect(stage?.phase == ElementPath("buy"))
        #expect(stage?.label == "Новый")
    }

    @Test func automationsGetPositionalIdsWhenUnnamed() throws {
        let autos = try journey("""
        pipeline p "П" {
          stage invoice {
            auto "Письмо" kind: email after: 5d
            auto remind "Звонок" kind: call after: 2h
            auto "Задача" kind: task after: 1.5w
          }
        }
        """).pipelines[0].stages[0].automations
        #expect(autos.map(\.path.description) == ["p.invoice.auto1", "p.invoice.remind", "p.invoice.auto2"])
        #expect(autos.map(\.kind) == [.email, .call, .task])
        #expect(autos.map(\.after) == [Delay(5, .days), Delay(2, .hours), Delay(1.5, .weeks)])
    }

    @Test func withoutConvertLeadsConvertIntoEveryPipeline() throws {
        let journey = try journey("""
        leads {
          stage new
          stage ok
          stage junk lost
        }
        pipeline a "А" { stage first }
        pipeline b "Б" {
          stage gone lost
          stage start
        }
        pipeline c "В"
        """)
        #expect(journey.leads?.convertsTo == [ElementPath("a"), ElementPath("b"), ElementPath("c")])
        // b is entered at its first non-terminal stage; c has no stage, so no flow.
        #expect(flowLines(journey).filter { $0.hasSuffix("conversion") } == [
            "leads.ok -> a.first conversion", "leads.ok -> b.start conversion",
        ])
    }

    @Test func convertNamesThePipelines() throws {
        let journey = try journey("""
        leads {
          stage new
          convert -> b
        }
        pipeline a "А" { stage x }
        pipeline b "Б" { stage y }
        """)
        #expect(journey.leads?.convertsTo == [ElementPath("b")])
        #expect(flowLines(journey).filter { $0.hasSuffix("conversion") } == ["leads.new -> b.y conversion"])
    }

    @Test func pipelineFiguresAndCrossSell() throws {
        let journey = try journey("""
        pipeline repair "Ремонт" revenue: 120000 profit: -500 avg_check: 350.5 ltv: 40% {
          cross_sell parts
        }
        pipeline parts "Запчасти"
        """)
        let repair = journey.pipelines[0]
        #expect(repair.revenue == Figure(120000))
        #expect(repair.profit == Figure(-500))
        #expect(repair.averageCheck == Figure(350.5))
        #expect(repair.lifetimeValue == Figure(40, isPercent: true))
        #expect(repair.crossSells == [ElementPath("parts")])
        #expect(flowLines(journey) == ["repair -> parts crossSell"])
    }

    @Test func sitesAndPages() throws {
        let sites = try journey("""
        phase buy
        site { page home "Главная" url: "/" phase: buy count: 5 }
        site {
          page home
        }
        site blog "Блог"
        """).sites
        #expect(sites.map(\.path.description) == ["site", "site2", "blog"])
        #expect(sites[0].pages[0].path == ElementPath(["site", "home"]))
        #expect(sites[0].pages[0].phase == ElementPath("buy"))
        #expect(sites[0].pages[0].count == 5)
        #expect(sites[1].pages[0].label == "home")
    }

    @Test func adTreeWithPositionalIdsAndLanding() throws {
        let journey = try journey("""
        site { page home }
        ads social "Соцсети" kind: social {
          campaign "Весна" {
            group "Станки" {
              ad "Скидка" landing: home count: 40 {
                query "ремонт станков" count: 7
              }
            }
          }
        }
        """)
        let network = journey.adNetworks[0]
        #expect(network.kind == .social)
        let ad = network.campaigns[0].groups[0].ads[0]
        #expect(network.campaigns[0].path.description == "social.campaign1")
        #expect(ad.path.description == "social.campaign1.group1.ad1")
        #expect(ad.landing == ElementPath(["site", "home"]))
        #expect(ad.count == 40)
        #expect(ad.queries.map(\.count) == [7])
        #expect(flowLines(journey) == ["social.campaign1.group1.ad1 -> site.home landing"])
    }

    @Test func touchpointLinesMayRepeat() throws {
        let journey = try journey("""
        channel calls
        persona p "П"
        touchpoint t "Звонок" phase: purchase channel: calls persona: p emotion: 2 count: 3 {
          action "Звонит"
          action "Ждёт"
          pain "Долго"
          idea "Перезвонить"
          feedback "NPS"
          owner "Продажи"
          owner "Сервис"
        }
        """)
        let touchpoint = journey.touchpoints[0]
        #expect(touchpoint.phase == ElementPath("purchase"))
        #expect(touchpoint.emotion == 2)
        #expect(touchpoint.count == 3)
        #expect(touchpoint.actions == ["Звонит", "Ждёт"])
        #expect(touchpoint.pains == ["Долго"])
        #expect(touchpoint.ideas == ["Перезвонить"])
        #expect(touchpoint.feedback == ["NPS"])
        #expect(touchpoint.owners == ["Продажи", "Сервис"])
        #expect(flowLines(journey).contains("calls -> t touchpoint"))
    }

    @Test func viewsTakeSingleValuesOrLists() throws {
        let journey = try journey("""
        persona p "П"
        pipeline repair "Ремонт" { stage new }
        site { page home }
        view ads_only "Реклама" show: ads
        view mixed show: site, repair, repair.new, crm phase: awareness, purchase persona: p
        view all
        """)
        let views = journey.views
        #expect(views.map(\.id) == ["ads_only", "mixed", "all"])
        #expect(views[0].label == "Реклама")
        #expect(views[0].show == [.block(.ads)])
        #expect(views[1].show == [.block(.site), .element(ElementPath("repair")), .element(ElementPath(["repair", "new"])), .block(.crm)])
        #expect(views[1].phases == [ElementPath("awareness"), ElementPath("purchase")])
        #expect(views[1].personas == [ElementPath("p")])
        #expect(views[2].label == "all")
        #expect(views[2].show.isEmpty)
    }

    @Test func stylesNormaliseColoursAndShapes() throws {
        let styles = try journey("""
        style stage {
          fill: "#FC0"
          stroke: navy
          font: "#112233"
          shape: hexagon
        }
        style auto fill: yellow
        """).styles
        #expect(styles.count == 2)
        #expect(styles[0].kind == .stage)
        #expect(styles[0].fill == "#ffcc00")
        #expect(styles[0].stroke == "#000080")
        #expect(styles[0].font == "#112233")
        #expect(styles[0].shape == .hexagon)
        #expect(styles[1].kind == .auto)
        #expect(styles[1].fill == "#ffff00")
    }

    @Test func explicitEdgesWithSeveralTargets() throws {
        let journey = try journey("""
        channel email
        site { page a; page b }
        email -> a, b "ссылка" style: dashed count: 10
        a -> b
        """)
        #expect(flowLines(journey).filter { $0.contains("explicit") } == [
            "email -> site.a explicit dashed \"ссылка\" count:10",
            "email -> site.b explicit dashed \"ссылка\" count:10",
            "site.a -> site.b explicit",
        ])
    }

    @Test func withoutCRMChannelsFlowIntoTheFirstLeadStage() throws {
        let journey = try journey("""
        channel a
        channel b crm: manual
        channel c crm: none
        leads {
          stage junk lost
          stage new
        }
        """)
        // `junk` has no non-terminal stage above it, so nothing flows into it.
        #expect(flowLines(journey) == [
            "a -> leads.new channelToLeads",
            "b -> leads.new channelToLeads dashed",
        ])
    }

    @Test func crmNoneDrawsNoEdgeButCRMFeedsTheLeads() throws {
        let journey = try journey("""
        crm amo "amoCRM"
        channel a crm: none
        leads { stage new }
        """)
        #expect(flowLines(journey) == ["amo -> leads.new crmToLeads"])
    }

    @Test func scopedIdsResolveInTheNearestBlockFirst() throws {
        let journey = try journey("""
        pipeline a "А" {
          stage calc
          stage lost lost from: calc
        }
        pipeline b "Б" {
          stage calc
          stage other
          stage lost lost from: calc
        }
        a.calc -> b.other
        """)
        #expect(journey.pipelines[0].stages[1].from == ElementPath(["a", "calc"]))
        #expect(journey.pipelines[1].stages[2].from == ElementPath(["b", "calc"]))
        #expect(flowLines(journey).last == "a.calc -> b.other explicit")
    }

    @Test func qualifiedReferencesDescendThroughBlocks() throws {
        let journey = try journey("""
        pipeline repair "Р" {
          stage invoice {
            auto remind "Напомнить"
          }
        }
        site { page done }
        repair.invoice.remind -> done
        """)
        #expect(flowLines(journey) == ["repair.invoice.remind -> site.done explicit"])
    }

    @Test func aBareIdUniqueInTheJourneyResolvesFromAnywhere() throws {
        // `home` lives in the site; the ad is three blocks deep elsewhere.
        let journey = try journey("""
        site portal { page home }
        ads s { campaign c "К" { group g "Г" { ad a "А" landing: home } } }
        """)
        #expect(journey.adNetworks[0].campaigns[0].groups[0].ads[0].landing == ElementPath(["portal", "home"]))
    }

    @Test func aReferenceSkipsNearerElementsOfTheWrongKind() throws {
        // Inside the pipeline `purchase` is a stage, but `phase:` wants a phase.
        let journey = try journey("""
        phase purchase
        pipeline p "П" { stage purchase phase: purchase }
        """)
        #expect(journey.pipelines[0].stages[0].phase == ElementPath("purchase"))
    }
}
