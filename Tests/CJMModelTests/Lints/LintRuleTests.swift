import CJMModel
import CJMSyntax
import Testing

/// A journey no rule warns about; each test changes one line of it (line numbers as listed).
private let cleanLines = [
    #"journey "T" {"#,                                                                              // 1
    #"  crm main "CRM""#,                                                                           // 2
    #"  phase awareness "A""#,                                                                      // 3
    #"  phase advocacy "B""#,                                                                       // 4
    #"  channel friends "Друзья" kind: referral phase: awareness"#,                                 // 5
    #"  leads {"#,                                                                                  // 6
    #"    stage new "Новый" count: 100"#,                                                           // 7
    #"    stage qualify "Квал" count: 50"#,                                                         // 8
    #"    stage junk "Мусор" lost"#,                                                                // 9
    #"  }"#,                                                                                        // 10
    #"  pipeline sales "Продажи" {"#,                                                               // 11
    #"    stage new "Новая" count: 40 { auto "Напоминание" kind: email after: 5d }"#,               // 12
    #"    stage won "Успех" won count: 20"#,                                                        // 13
    #"    stage lost "Провал" lost"#,                                                               // 14
    #"  }"#,                                                                                        // 15
    #"  site { page home "Главная" }"#,                                                             // 16
    #"  ads search "Поиск" { campaign "К" { group "Г" { ad "Объявление" landing: home { query "q" } } } }"#, // 17
    #"  touchpoint tells "Советует" phase: advocacy channel: friends emotion: 1 { feedback "NPS" }"#, // 18
    #"  tells -> friends"#,                                                                         // 19
    #"}"#,                                                                                          // 20
]

/// The clean journey with line `n` (1-based) replaced by `text` (several lines, or none).
private func journey(_ changes: [Int: String] = [:]) -> String {
    cleanLines.enumerated().compactMap { index, line in changes[index + 1] ?? line }
        .filter { !$0.isEmpty }.joined(separator: "\n") + "\n"
}

/// Checks and lints `text` as `main.cjm`.
func lint(_ text: String, files: [String: String] = [:]) -> CheckResult {
    Linter.lint(check(text, files: files))
}

@Suite("Lint rules")
struct LintRuleTests {
    @Test func theCleanJourneyHasNoWarnings() {
        let result = lint(journey())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func w001PageNoAdLandsOnAndNothingLinksTo() {
        let result = lint(journey([16: #"  site { page home "Главная"; page about "О нас" }"#]))
        #expect(locations(result) == ["W001@16:36"])
        #expect(result.diagnostics[0].message == "page `site.about` is not promoted: no ad lands on it and nothing links to it")
        #expect(result.diagnostics[0].severity == .warning)
        // A link from anywhere promotes it as well as an ad does.
        #expect(lint(journey([16: #"  site { page home "Главная"; page about "О нас" }"#, 19: "  tells -> friends\n  home -> about"])).diagnostics.isEmpty)
    }

    @Test func w002ChannelNotIntegratedWithTheCRM() {
        let manual = lint(journey([5: #"  channel friends "Друзья" kind: referral phase: awareness crm: manual"#]))
        #expect(locations(manual) == ["W002@5:11"])
        #expect(manual.diagnostics[0].message.contains("only by hand"))
        let none = lint(journey([5: #"  channel friends "Друзья" kind: referral phase: awareness crm: none"#]))
        #expect(locations(none) == ["W002@5:11"])
        #expect(none.diagnostics[0].message.contains("never reach the CRM"))
    }

    @Test func w003MoreThanFiveLeadStages() {
        let stages = (1...6).map { "    stage s\($0) \"Этап \($0)\"" }.joined(separator: "\n")
        let result = lint(journey([7: stages, 8: "", 9: "    stage junk \"Мусор\" lost"]))
        #expect(locations(result) == ["W003@6:3"])
        #expect(result.diagnostics[0].message == "the lead funnel has 6 working stages; keep it to five at most")
        #expect(result.diagnostics[0].notes[0].range?.start.line == 12)
        // Five working stages and a lost end are fine.
        let five = (1...5).map { "    stage s\($0) \"Этап \($0)\"" }.joined(separator: "\n")
        #expect(lint(journey([7: five, 8: ""])).diagnostics.isEmpty)
    }

    @Test func w004PipelineWithoutAutomation() {
        let result = lint(journey([12: #"    stage new "Новая" count: 40"#]))
        #expect(locations(result) == ["W004@11:12"])
    }

    @Test func w005PipelineWithoutWonOrLost() {
        let noLost = lint(journey([14: ""]))
        #expect(locations(noLost) == ["W005@11:12"])
        #expect(noLost.diagnostics[0].message == "pipeline `sales` has no `lost` stage")
        let neither = lint(journey([13: #"    stage done "Готово""#, 14: ""]))
        #expect(neither.diagnostics.first?.message == "pipeline `sales` has neither a `won` nor a `lost` stage")
    }

    @Test func w006StageNothingLeaves() {
        // `wait` follows `new` (the working stage above it), and nothing follows `wait`.
        let wait = "    stage lost \"Провал\" lost\n    stage wait \"Ожидание\""
        let result = lint(journey([14: wait]))
        #expect(locations(result) == ["W006@15:11"])
        // An edge out of it is a way on, and so is an end hanging off it.
        #expect(lint(journey([14: wait, 19: "  tells -> friends\n  sales.wait -> home"])).diagnostics.isEmpty)
        #expect(lint(journey([14: wait + "\n    stage gone \"Ушёл\" lost"])).diagnostics.isEmpty)
        // The last lead stage with no pipeline to convert into is a dead end too.
        let noPipelines = lint(journey([9: "", 11: "", 12: "", 13: "", 14: "", 15: ""]))
        #expect(locations(noPipelines) == ["W006@8:11"])
    }

    @Test func w007TouchpointWithoutFeedback() {
        let result = lint(journey([18: #"  touchpoint tells "Советует" phase: advocacy channel: friends emotion: 1 { action "Рассказывает" }"#]))
        #expect(locations(result) == ["W007@18:14"])
    }

    @Test func w008NegativeEmotionWithoutIdea() {
        let result = lint(journey([18: #"  touchpoint tells "Советует" phase: advocacy channel: friends emotion: -2 { feedback "NPS" }"#]))
        #expect(locations(result) == ["W008@18:14"])
        #expect(result.diagnostics[0].message.contains("`emotion: -2`"))
        #expect(lint(journey([18: #"  touchpoint tells "Советует" phase: advocacy channel: friends emotion: -2 { idea "Скидка"; feedback "NPS" }"#]))
            .diagnostics.isEmpty)
    }

    @Test func w009PhaseWithNoTouchpointOrChannel() {
        let result = lint(journey([4: "  phase advocacy \"B\"\n  phase purchase \"Покупка\""]))
        #expect(locations(result) == ["W009@5:9"])
        #expect(result.diagnostics[0].message == "phase `purchase` («Покупка») has no touchpoint and no channel")
    }

    @Test func w009IsQuietForAJourneyThatMapsNoPhases() {
        let result = lint("journey \"T\" {\n  channel a \"A\"\n  leads { stage new \"N\" }\n  pipeline p \"P\" { stage new \"N\" { auto \"A\" }\n stage won \"W\" won\n stage lost \"L\" lost }\n}\n")
        #expect(!result.diagnostics.contains { $0.code == .emptyPhase || $0.code == .advocacyWithoutReferral })
    }

    @Test func w010ConversionUnderTheThreshold() {
        let result = lint(journey([8: #"    stage qualify "Квал" count: 10"#]))
        #expect(locations(result) == ["W010@8:11"])
        #expect(result.diagnostics[0].message == "only 10% of `leads.new` (100) reach `leads.qualify` (10); the journey's threshold is 20%")
        // The threshold is the journey's own.
        let lowered = lint(journey([2: "  crm main \"CRM\"\n  lint min_conversion: 5%", 8: #"    stage qualify "Квал" count: 10"#]))
        #expect(lowered.diagnostics.isEmpty)
        let raised = lint(journey([2: "  crm main \"CRM\"\n  lint min_conversion: 60%"]))
        #expect(locations(raised) == ["W010@9:11", "W010@14:11"])
        // A step into a lost end is no conversion.
        #expect(lint(journey([9: #"    stage junk "Мусор" lost count: 1"#])).diagnostics.isEmpty)
    }

    @Test func w011AdWithoutQueries() {
        let result = lint(journey([17: #"  ads search "Поиск" { campaign "К" { group "Г" { ad "Объявление" landing: home } } }"#]))
        #expect(locations(result) == ["W011@17:51"])
    }

    @Test func w012AdvocacyWithNoReferralFlowBackToAwareness() {
        let result = lint(journey([19: ""]))
        #expect(locations(result) == ["W012@4:9"])
        // A flow into anything of awareness closes the loop as well as one into a referral channel.
        let intoPage = lint(journey([16: #"  site { page home "Главная" phase: awareness }"#,
                                     5: #"  channel friends "Друзья" kind: social phase: awareness"#, 19: "  tells -> home"]))
        #expect(intoPage.diagnostics.isEmpty)
    }

    // MARK: Switching rules off

    private let manualChannel = #"  channel friends "Друзья" kind: referral phase: awareness crm: manual"#

    @Test func lintIgnoreSwitchesARuleOffForTheJourneyByCodeOrName() {
        #expect(lint(journey([2: "  crm main \"CRM\"\n  lint ignore: W002", 5: manualChannel])).diagnostics.isEmpty)
        #expect(lint(journey([2: "  crm main \"CRM\"\n  lint ignore: channel-outside-crm, W001", 5: manualChannel, 16: #"  site { page home "Главная"; page about "О нас" }"#]))
            .diagnostics.isEmpty)
    }

    @Test func anIgnoreCommentOnTheLineBeforeSwitchesTheRuleOffForThatElement() {
        let result = lint(journey([5: "  # cjm-ignore W002 — заявки от друзей заносим вручную\n" + manualChannel]))
        #expect(result.diagnostics.isEmpty)
        // Blank lines and other comments may stand between.
        #expect(lint(journey([5: "  # cjm-ignore channel-outside-crm\n\n  # канал друзей\n" + manualChannel])).diagnostics.isEmpty)
    }

    @Test func anIgnoreCommentAtTheEndOfTheLineSwitchesTheRuleOffForThatElement() {
        #expect(lint(journey([5: manualChannel + "  # cjm-ignore W002, W001: вручную"])).diagnostics.map(\.code) == [.unusedIgnore])
        #expect(lint(journey([5: manualChannel + "  # cjm-ignore W002"])).diagnostics.isEmpty)
    }

    @Test func anIgnoreCommentSilencesOnlyItsElement() {
        let two = journey([5: manualChannel + " # cjm-ignore W002\n  channel calls \"Звонки\" kind: phone phase: awareness crm: none"])
        #expect(locations(lint(two)) == ["W002@6:11"])
    }

    @Test func anIgnoreThatSilencesNothingIsAWarning() {
        let comment = lint(journey([2: "  crm main \"CRM\" # cjm-ignore W002"]))
        #expect(locations(comment) == ["W013@2:31"])
        #expect(comment.diagnostics[0].message == "`# cjm-ignore W002` silences nothing: there is no W002 warning on line 2")
        let journeyWide = lint(journey([2: "  crm main \"CRM\"\n  lint ignore: W011"]))
        #expect(locations(journeyWide) == ["W013@3:16"])
        #expect(journeyWide.diagnostics[0].message == "`lint ignore: W011` silences nothing: there is no W011 warning in this journey")
    }

    @Test func anIgnoreCommentNamingNoRuleIsAWarningWithASuggestion() {
        let result = lint(journey([5: manualChannel + " # cjm-ignore W0002"]))
        #expect(locations(result) == ["W002@5:11", "W013@5:85"])
        #expect(result.diagnostics[1].message == "`# cjm-ignore W0002` names no warning rule; did you mean `W002`?")
    }

    @Test func lintIgnoreOfAnUnknownRuleIsAnError() {
        let result = check(journey([2: "  crm main \"CRM\"\n  lint ignore: unpromoted-pag, E040"]))
        #expect(locations(result) == ["E031@3:16", "E031@3:32"])
        #expect(result.diagnostics[0].message.hasSuffix("did you mean `unpromoted-page`?"))
        #expect(result.diagnostics[1].message.contains("errors cannot be ignored"))
    }

    @Test func minConversionIsAPercentageGivenOnce() {
        let result = check(journey([2: "  crm main \"CRM\"\n  lint min_conversion: 20\n  lint ignore: W001 min_conversion: 120%"]))
        #expect(locations(result) == ["E031@3:24", "E032@4:37"])
        let twice = check(journey([2: "  crm main \"CRM\"\n  lint min_conversion: 20%\n  lint min_conversion: 30%"]))
        #expect(locations(twice) == ["E033@4:8"])
    }

    @Test func aJourneyWithErrorsIsNotLinted() {
        let result = lint(journey([5: #"  channel friends "Друзья" kind: referal crm: manual"#]))
        #expect(result.diagnostics.map(\.code) == [.invalidValue])
    }

    @Test func ignoreCommentsWorkInIncludedFiles() {
        let part = "# cjm-ignore W002\n" + manualChannel + "\n"
        let result = lint(journey([5: #"  include "part.cjm""#]), files: ["part.cjm": part])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test func warningsPastTheLimitAreCountedInANote() {
        let pages = (1...60).map { "page p\($0)" }.joined(separator: "; ")
        let result = Linter.lint(check(journey([16: "  site { page home \"Главная\"; \(pages) }"])), limits: Limits(maxErrors: 50))
        #expect(result.diagnostics.count == 50)
        #expect(result.diagnostics.last?.notes.last?.message == "10 more problems were found but not shown; the limit is 50 per run")
    }
}
