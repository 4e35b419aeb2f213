import Testing
@testable import CJMSyntax

@Suite struct LexerTests {
    @Test func punctuation() {
        #expect(kinds("{ } : , . -> ;") == [.leftBrace, .rightBrace, .colon, .comma, .dot, .arrow, .semicolon])
    }

    @Test func identifiersTakeLettersDigitsUnderscoresAndDashes() {
        let (tokens, diagnostics) = lex("site_form лид-2 _x Ёлка")
        #expect(diagnostics.isEmpty)
        #expect(tokens.dropLast().map(\.text) == ["site_form", "лид-2", "_x", "Ёлка"])
        #expect(tokens.dropLast().allSatisfy { $0.kind == .identifier })
    }

    @Test func arrowEndsAnIdentifier() {
        let (tokens, _) = lex("a->b")
        #expect(tokens.dropLast().map(\.kind) == [.identifier, .arrow, .identifier])
        #expect(tokens[0].text == "a" && tokens[2].text == "b")
    }

    @Test func identifierInDecomposedFormStaysOneWord() {
        // "й" typed as "и" + COMBINING BREVE.
        let (tokens, diagnostics) = lex("мои\u{306}")
        #expect(diagnostics.isEmpty)
        #expect(tokens.count == 2)
        #expect(tokens[0].end.column == 5)
    }

    @Test func stringsDecodeEscapes() {
        let (tokens, diagnostics) = lex(#""a\"b\\c\nd\te\u{2192}f""#)
        #expect(diagnostics.isEmpty)
        #expect(tokens[0].kind == .string)
        #expect(tokens[0].text == "a\"b\\c\nd\te→f")
    }

    @Test func cyrillicStringKeepsItsText() {
        let (tokens, _) = lex(#""Счёт на предоплату""#)
        #expect(tokens[0].text == "Счёт на предоплату")
        #expect(tokens[0].end.column == 21)
    }

    @Test func numbers() {
        let (tokens, diagnostics) = lex("12 -1 3.5 40% 0.25")
        #expect(diagnostics.isEmpty)
        #expect(tokens.dropLast().map(\.kind) == [.number, .number, .number, .percent, .number])
        #expect(tokens.dropLast().map(\.number) == [12, -1, 3.5, 40, 0.25])
    }

    @Test func durations() {
        let (tokens, diagnostics) = lex("30m 2h 5d 1w")
        #expect(diagnostics.isEmpty)
        #expect(tokens.dropLast().allSatisfy { $0.kind == .duration })
        #expect(tokens.dropLast().map(\.unit) == [.minutes, .hours, .days, .weeks])
        #expect(tokens.dropLast().map(\.number) == [30, 2, 5, 1])
    }

    @Test func newlinesCommentsAndCRLF() {
        #expect(kinds("a # comment { \" \n b\r\n\nc") == [.identifier, .newline, .identifier, .newline, .newline, .identifier])
        let (tokens, _) = lex("a\r\n  b")
        #expect(tokens[2].start.line == 2 && tokens[2].start.column == 3)
    }

    @Test func noBreakSpaceSeparatesTokens() {
        let (tokens, diagnostics) = lex("stage\u{00A0}new")
        #expect(diagnostics.isEmpty)
        #expect(tokens.dropLast().map(\.text) == ["stage", "new"])
    }

    @Test func everySpaceSeparatorSeparatesTokensAndCyrillicStartsWords() {
        // The space separators outside ASCII start with four lead bytes; the lexer looks up the
        // property only after those.
        for space in ["\u{00A0}", "\u{1680}", "\u{2003}", "\u{202F}", "\u{205F}", "\u{3000}"] {
            let (tokens, diagnostics) = lex("этап\(space)ёж\(space) Щука")
            #expect(diagnostics.isEmpty)
            #expect(tokens.dropLast().map(\.text) == ["этап", "ёж", "Щука"])
        }
        // Not spaces: a zero-width space, and a Cyrillic letter straight after a Latin one.
        #expect(lex("a\u{200B}b").diagnostics.count == 1)
        #expect(lex("aЖ").tokens.dropLast().map(\.text) == ["aЖ"])
    }

    @Test func columnsCountScalarsNotBytes() {
        let (tokens, _) = lex("этап «x» y")
        // "этап" 4, space, then « (E002) x » space y: y is the 10th scalar.
        #expect(tokens.last(where: { $0.kind == .identifier })?.start.column == 10)
        #expect(tokens.last(where: { $0.kind == .identifier })?.start.offset == 15)
    }

    @Test func tokensDescribeThemselvesForMessages() {
        let long = String(repeating: "ж", count: 30)
        let (tokens, _) = lex("5 -1 3.5 40% 2h x \"Лид\" \"\(long)\" ->\n")
        let expected = [
            "the number 5", "the number -1", "the number 3.5", "the percentage 40%", "the duration 2h",
            "'x'", "the string \"Лид\"", "the string \"" + String(repeating: "ж", count: 24) + "…\"",
            "'->'", "the end of the line", "the end of the file",
        ]
        #expect(tokens.map(\.description) == expected)
    }

    // MARK: Errors

    @Test(arguments: [
        ("привет @ x", "E002@1:8", "unexpected character '@'"),
        ("a \u{200B}b", "E002@1:3", "unexpected character U+200B"),
        ("\"a\u{1B}b\"", "E002@1:3", "control character U+001B inside a string"),
    ])
    func unexpectedCharacterIsNamedVisibly(input: String, location: String, message: String) {
        let (_, diagnostics) = lex(input)
        #expect(locations(diagnostics) == [location])
        #expect(diagnostics.first?.message.hasPrefix(message) == true)
    }

    @Test func typographicQuotesGetAHint() {
        let (_, diagnostics) = lex("page «Главная»")
        #expect(locations(diagnostics) == ["E002@1:6", "E002@1:14"])
        #expect(diagnostics[0].message.contains("straight double quotes"))
    }

    @Test func unterminatedStringPointsAtItsQuote() {
        let (tokens, diagnostics) = lex("stage новый \"Новый лид\nnext")
        #expect(locations(diagnostics) == ["E003@1:13"])
        #expect(tokens[2].text == "Новый лид")
        #expect(tokens[3].kind == .newline)
        #expect(tokens[4].text == "next")
    }

    @Test func invalidEscapePointsAtTheBackslash() {
        let (tokens, diagnostics) = lex(#"этап "а\qб" "\u{D800}" "\u{}""#)
        #expect(locations(diagnostics) == ["E004@1:8", "E004@1:14", "E004@1:25"])
        #expect(tokens[1].text == "аб")
    }

    @Test func numberGluedToLettersIsOneError() {
        let (tokens, diagnostics) = lex("после 5days 12px 1.2.3 5d")
        #expect(locations(diagnostics) == ["E005@1:7", "E005@1:13", "E005@1:18"])
        #expect(diagnostics[0].message.hasPrefix("'5days' is not a number"))
        #expect(tokens.dropLast().count == 5)
        #expect(tokens[4].kind == .duration)
    }

    @Test func loneDashIsUnexpected() {
        let (_, diagnostics) = lex("a - b")
        #expect(locations(diagnostics) == ["E002@1:3"])
    }

    @Test func runOfTheSameCharacterIsOneError() {
        let (_, diagnostics) = lex(String(repeating: "\u{0}", count: 1000))
        #expect(locations(diagnostics) == ["E002@1:1"])
        #expect(diagnostics[0].message == "unexpected character U+0000 (1000 in a row)")
        #expect(diagnostics[0].range.end.column == 1001)
    }
}
