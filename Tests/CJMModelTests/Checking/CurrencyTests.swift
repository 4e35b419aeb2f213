import CJMSyntax
import Testing
import CJMModel

/// The journey's currency (issue 23): set by `currency:` or by the marks after its sums, every
/// mark agreeing with it, and given to every sum that is not a percentage.
@Suite struct CurrencyTests {
    private func pipeline(_ attributes: String, journey: String = "") -> CheckResult {
        check("journey \"T\"\(journey) {\n  pipeline p \"П\" \(attributes) {\n    stage s\n  }\n}\n")
    }

    @Test func theFirstMarkSetsTheCurrencyOfEverySum() {
        let result = pipeline("avg_check: 85 000 ₽ revenue: 1 250 000 profit: 12,5%")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let journey = result.journey
        #expect(journey?.currency == .rub)
        #expect(journey?.pipelines.first?.averageCheck == Figure(85000, currency: .rub))
        #expect(journey?.pipelines.first?.revenue == Figure(1_250_000, currency: .rub))
        #expect(journey?.pipelines.first?.profit == Figure(12.5, isPercent: true), "a percentage is not a sum")
    }

    @Test func currencyLineSetsItWithoutMarks() {
        let result = pipeline("avg_check: 350", journey: " currency: byn")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey?.currency == .byn)
        #expect(result.journey?.pipelines.first?.averageCheck?.currency == .byn)
    }

    @Test func roubleAgreesWithEitherRoubleAndAloneMeansRUB() {
        #expect(pipeline("avg_check: 350 руб.", journey: " currency: BYN").journey?.currency == .byn)
        #expect(pipeline("avg_check: 350 руб. ltv: 900 Br").journey?.currency == .byn)
        #expect(pipeline("avg_check: 350 р.").journey?.currency == .rub)
        #expect(pipeline("avg_check: 350").journey?.currency == nil, "no mark, no currency")
    }

    @Test func aMarkThatDisagreesIsAnErrorWithWhereTheCurrencyWasSet() {
        let result = pipeline("avg_check: 350 $ ltv: 900 €")
        #expect(locations(result) == ["E035@2:40"])
        #expect(result.diagnostics[0].message.hasPrefix("this sum is in €, but the journey's currency is USD ($)"))
        #expect(result.diagnostics[0].notes.first?.message == "the journey's currency is USD, set by the first sum with a currency mark here")
        let written = pipeline("avg_check: 350 ₽", journey: " currency: EUR")
        #expect(locations(written) == ["E035@2:29"])
    }

    @Test func currencyLineNamesACurrency() {
        let rouble = pipeline("avg_check: 1", journey: " currency: руб")
        #expect(rouble.diagnostics.first?.message == "`руб` can be the Russian or the Belarusian rouble; write currency: RUB or currency: BYN")
        let typo = pipeline("avg_check: 1", journey: " currency: RUR")
        #expect(typo.diagnostics.first?.code == .invalidValue)
        #expect(typo.diagnostics.first?.message.contains("allowed: `BYN`, `EUR`, `RUB`, `USD`") == true || typo.diagnostics.first?.message.contains("RUB") == true)
    }

    @Test func aCountOrAnEmotionIsNotMoney() {
        let result = checkBody("  channel c count: 5 ₽\n  touchpoint t \"Т\" emotion: 1 $")
        #expect(locations(result) == ["E031@2:20", "E031@3:29"])
        #expect(result.diagnostics[0].message == "`count:` counts customers or requests, not money; remove `₽`")
    }

    @Test func everyAcceptedFormChecksToItsValue() {
        let result = checkBody("  channel a count: 1 570\n  channel b count: +12\n  touchpoint t \"Т\" emotion: −2\n  touchpoint u \"У\" emotion: +1")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.journey?.channels.map(\.count) == [1570, 12])
        #expect(result.journey?.touchpoints.map(\.emotion) == [-2, 1])
    }
}
