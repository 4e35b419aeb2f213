import Testing
@testable import CJMMaps

@Suite struct WordWrapperTests {
    @Test func shortTextStaysOnOneLine() {
        #expect(WordWrapper.wrap("Новый лид", width: 24) == ["Новый лид"])
    }

    @Test func wrapsCyrillicAtWordsWithinWidth() {
        let lines = WordWrapper.wrap("Напоминание об оплате через пять дней после счёта", width: 16)
        #expect(lines == ["Напоминание об", "оплате через", "пять дней после", "счёта"])
        #expect(lines.allSatisfy { $0.count <= 16 })
    }

    @Test func longWordIsCutAfterSlashOrAtWidth() {
        #expect(WordWrapper.wrap("https://technoplus.example/repair", width: 12) == ["https://", "technoplus.e", "xample/", "repair"])
        #expect(WordWrapper.wrap("абвгдеёжзий", width: 4) == ["абвг", "деёж", "зий"])
    }

    /// A word too wide for a line after the hanging indent is cut, but the rest of it never
    /// follows its first piece after a space: `Продакт- менеджер` read as two words.
    @Test func theRestOfACutWordIsNeverSpacedFromItsStart() {
        let measure = TextMeasure(fontSize: 14)
        let indent = String(repeating: "\u{2007}", count: 3)
        let text = "7 · Продакт-менеджер"
        let fitting = WordWrapper.wrap(text, points: measure.width(of: text) + 0.1, measure: measure, hangingIndent: indent)
        #expect(fitting == [text])
        let narrower = WordWrapper.wrap(text, points: measure.width(of: "7 · Продакт-") + 0.1, measure: measure, hangingIndent: indent)
        #expect(narrower.first == "7 · Продакт-", "cut after its hyphen")
        #expect(narrower.dropFirst().map { $0.replacingOccurrences(of: indent, with: "") }.joined() == "менеджер", "\(narrower)")
        #expect(!WordWrapper.wrap("Продакт-менеджер сайта", points: measure.width(of: "Продакт-") + 0.1, measure: measure)
            .contains { $0.hasSuffix("- менеджер") || $0.hasPrefix("- ") })
    }

    @Test func keepsWrittenLineBreaksAndDropsBlankText() {
        #expect(WordWrapper.wrap("первая\nвторая строка", width: 30) == ["первая", "вторая строка"])
        #expect(WordWrapper.wrap("   ", width: 10).isEmpty)
        #expect(WordWrapper.wrap("", width: 10).isEmpty)
    }

    @Test func combiningMarksTakeNoColumn() {
        // `й` written as `и` + U+0306 counts once, and a cut never separates the two.
        let decomposed = "и\u{0306}и\u{0306}и\u{0306}и\u{0306}"
        #expect(WordWrapper.wrap(decomposed, width: 4) == [decomposed])
        #expect(WordWrapper.wrap(decomposed, width: 2) == ["и\u{0306}и\u{0306}", "и\u{0306}и\u{0306}"])
    }

    @Test func noBreakSpaceHoldsNumbersTogether() {
        #expect(WordWrapper.wrap("всего 1\u{00A0}200", width: 6) == ["всего", "1\u{00A0}200"])
    }
}

@Suite struct HangingIndentTests {
    @Test func continuationLinesAreIndentedWithinTheWidth() {
        let lines = WordWrapper.wrap("• ремонт станков минск срочно", width: 16, hangingIndent: "  ")
        #expect(lines == ["• ремонт станков", "  минск срочно"])
        #expect(lines.allSatisfy { $0.count <= 16 })
    }

    @Test func singleLineHasNoIndent() {
        #expect(WordWrapper.wrap("• сервис чпу", width: 24, hangingIndent: "  ") == ["• сервис чпу"])
    }
}
