import Testing
@testable import CJMSyntax

/// Numbers written the way business people write them (issue 23): each accepted form lexes to
/// its value, each ambiguous form is refused with the way to write it.
@Suite struct NumberFormTests {
    @Test(arguments: [
        ("+1", 1.0), ("−2", -2), ("–1", -1), ("-2", -2),
        ("1 570", 1570), ("85\u{00A0}000", 85000), ("1\u{202F}250\u{202F}000", 1_250_000), ("12\u{2009}500", 12500),
        ("1 234 567.5", 1_234_567.5), ("3,5", 3.5), ("−1 500", -1500), ("+85 000", 85000),
    ])
    func acceptedNumber(written: String, value: Double) {
        let (tokens, diagnostics) = lex(written)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(tokens.count == 2, "one token and the end")
        #expect(tokens[0].kind == .number)
        #expect(tokens[0].number == value)
    }

    @Test(arguments: [("12,5%", 12.5), ("12.5%", 12.5), ("12,5 %", 12.5), ("+40%", 40), ("1 200%", 1200)])
    func acceptedPercentage(written: String, value: Double) {
        let (tokens, diagnostics) = lex(written)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(tokens.count == 2)
        #expect(tokens[0].kind == .percent)
        #expect(tokens[0].number == value)
    }

    @Test(arguments: [
        ("85 000 ₽", 85000.0, CurrencyMark.rub), ("85 000₽", 85000, .rub), ("350 руб.", 350, .rouble), ("350 руб", 350, .rouble),
        ("350 р.", 350, .rouble), ("120 $", 120, .usd), ("99€", 99, .eur), ("40 Br", 40, .byn), ("40 BYN", 40, .byn),
        ("1 000 RUB", 1000, .rub), ("15 USD", 15, .usd), ("15 usd", 15, .usd), ("7 EUR", 7, .eur), ("1 500\u{00A0}₽", 1500, .rub),
    ])
    func acceptedSum(written: String, value: Double, mark: CurrencyMark) {
        var bag = DiagnosticCollector(limit: 10)
        let file = bag.sources.add(SourceFile(path: "t.cjm", text: written))
        file.utf8.withUnsafeBufferPointer { bytes in
            var lexer = Lexer(bytes: bytes, file: file.id)
            let token = lexer.next(&bag)
            #expect(token.kind == .number)
            #expect(token.number == value)
            #expect(token.currency == mark)
            #expect(token.end == bytes.count, "the mark is part of the token")
            #expect(lexer.next(&bag).kind == .end)
        }
        #expect(bag.finished().isEmpty)
    }

    @Test func aWordAfterANumberIsAMarkOnlyWhenItIsOne() {
        // `won` is a flag, `rub:` an attribute's name, `рубль` a longer word: none is a mark.
        #expect(kinds("5 won") == [.number, .identifier])
        #expect(kinds("5 rub: 2") == [.number, .identifier, .colon, .number])
        #expect(kinds("5 рубль") == [.number, .identifier])
    }

    @Test func commaBetweenTwoAndThreeDigitsIsAmbiguous() {
        let (tokens, diagnostics) = lex("1,500")
        #expect(tokens.count == 2, "still one token, so nothing else is reported")
        #expect(locations(diagnostics) == ["E005@1:1"])
        #expect(diagnostics[0].message == "'1,500' could mean 1500 or 1.5; write 1 500 or 1500 for the first, 1.5 for the second")
    }

    @Test func groupsOfOtherSizesStayApartAndTheParserSaysHowToGroup() {
        #expect(kinds("1 57") == [.number, .number])
        #expect(kinds("1000 000") == [.number, .number])
        let parsed = parse("journey \"T\" {\n  channel c count: 1 57\n}\n")
        #expect(parsed.diagnostics.map(\.code) == [.unexpectedToken])
        #expect(parsed.diagnostics[0].message.hasSuffix("a number's digits are grouped in threes (1 570, 85 000), and two numbers cannot stand side by side"))
    }

    @Test func aSignOrMarkOnItsOwnSaysWhereItGoes() {
        let (_, sign) = lex("+ 1")
        #expect(sign[0].message == "unexpected character '+'; a sign stands right before the digits: +1, -2")
        let (_, mark) = lex("₽ 350")
        #expect(mark[0].message.hasPrefix("unexpected character '₽'; a currency mark stands after the sum (avg_check: 85 000 ₽)"))
    }

    @Test func sumsDescribeThemselvesWithTheirMark() {
        #expect(lex("85 000 ₽").tokens[0].description == "the sum 85000 ₽")
    }
}
