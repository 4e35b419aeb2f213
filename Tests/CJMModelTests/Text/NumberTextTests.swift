import CJMModel
import Testing

@Suite struct NumberTextTests {
    @Test func groupsThousandsWithNoBreakSpace() {
        #expect(NumberText.integer(900) == "900")
        #expect(NumberText.integer(1200) == "1\u{00A0}200")
        #expect(NumberText.integer(1_234_567) == "1\u{00A0}234\u{00A0}567")
        #expect(NumberText.integer(-1500) == "-1\u{00A0}500")
        #expect(NumberText.integer(0) == "0")
    }

    @Test func scoresCarryTheirSignWithATrueMinus() {
        #expect(NumberText.signed(2) == "+2")
        #expect(NumberText.signed(0) == "0")
        #expect(NumberText.signed(-1) == "\u{2212}1")
        #expect(NumberText.signed(-1500) == "\u{2212}1\u{00A0}500")
        #expect(NumberText.signed(Int.min).hasPrefix("\u{2212}9"))
    }

    @Test func decimalsUseCommaAndDropTrailingZeros() {
        #expect(NumberText.decimal(3.5) == "3,5")
        #expect(NumberText.decimal(1200) == "1\u{00A0}200")
        #expect(NumberText.decimal(0.125, fractionDigits: 2) == "0,13")
        #expect(NumberText.decimal(2.05) == "2,05")
        // A map of an English journey passes a point; the digits stay grouped the same way.
        #expect(NumberText.decimal(1234.5, mark: ".") == "1\u{00A0}234.5")
        #expect(NumberText.percent(45, of: 1000, mark: ".") == "4.5%")
    }

    @Test func figuresKeepPercentAsWritten() {
        #expect(NumberText.figure(Figure(40, isPercent: true)) == "40%")
        #expect(NumberText.figure(Figure(1_500_000)) == "1\u{00A0}500\u{00A0}000")
    }

    @Test func percentRoundsAndShowsSmallSharesWithOneDecimal() {
        #expect(NumberText.percent(610, of: 900) == "68%")
        #expect(NumberText.percent(9, of: 200) == "4,5%")
        #expect(NumberText.percent(5, of: 0) == nil)
    }
}
