import Testing
import CJMViewGraph

@Suite struct SafeIdentifierTests {
    @Test func keepsLettersDigitsDashUnderscoreAndCyrillic() {
        #expect(SafeIdentifier.make("pipeline-repair_1") == "pipeline-repair_1")
        #expect(SafeIdentifier.make("этап-новый") == "этап-новый")
        // Outside ASCII and Cyrillic ids go character by character: letters of any script stay,
        // a decomposed `й` stays one letter, symbols fold into dashes.
        #expect(SafeIdentifier.make("ελληνικά · 日本") == "ελληνικά-日本")
        #expect(SafeIdentifier.make("и\u{0306}ка") == "и\u{0306}ка")
    }

    @Test func foldsEverythingElseIntoSingleInnerDashes() {
        #expect(SafeIdentifier.make("x <script>\"") == "x-script")
        #expect(SafeIdentifier.make("a.b c<d>") == "a-b-c-d")
        #expect(SafeIdentifier.make("a--b---c") == "a-b-c")
        #expect(SafeIdentifier.make("--x-") == "x")
        #expect(!SafeIdentifier.make("<!-- -->").contains("--"))
        #expect(SafeIdentifier.make("—") == "id")
        #expect(SafeIdentifier.make("") == "id")
    }

    @Test func neverStartsWithADigit() {
        #expect(SafeIdentifier.make("1st") == "_1st")
        #expect(SafeIdentifier.make("-1") == "_1")
        #expect(SafeIdentifier.make("этап 2") == "этап-2")
    }

    /// The Graphviz stage applies the rule again to ids the builders made with it.
    @Test func isIdempotent() {
        let samples = ["a", "a-", "-a", "a--b", "1", "_1", "ёж", "ж\u{0483}", "a\u{0000}b", "日本", "x y z", "Ⅻ", "٣", "a_b-c", "A-Я", "🙂a"]
        for sample in samples {
            let once = SafeIdentifier.make(sample)
            #expect(SafeIdentifier.make(once) == once, "\(sample.debugDescription) → \(once.debugDescription)")
        }
    }
}
