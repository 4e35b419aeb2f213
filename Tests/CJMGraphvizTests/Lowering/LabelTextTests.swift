import Testing
@testable import CJMGraphviz

@Suite struct LabelTextTests {
    @Test func escapesBackslashAndAmpersandOnly() {
        #expect(LabelText.label(["\\N & &lt; \"<b>\""]) == "\\\\N &amp; &amp;lt; \"<b>\"")
    }

    @Test func joinsLinesWithGraphvizBreaks() {
        #expect(LabelText.label(["Новый", "лид"]) == "Новый\\nлид")
        #expect(LabelText.label(["a", "b"], leftAligned: true) == "a\\lb\\l")
        #expect(LabelText.label(["a\nb"]) == "a\\nb")
    }

    @Test func dropsControlCharactersThatXMLForbids() {
        #expect(LabelText.label(["a\u{01}b\tc\u{7F}"]) == "ab c")
    }

    @Test func tooltipsSurviveGraphvizDoubleUnescaping() {
        #expect(LabelText.tooltip("\\N & x\ny") == "\\\\\\\\N &amp; x\\ny")
    }
}
