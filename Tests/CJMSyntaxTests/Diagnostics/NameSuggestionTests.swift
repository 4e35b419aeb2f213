import Testing
@testable import CJMSyntax

@Suite struct NameSuggestionTests {
    @Test func findsATransposition() {
        #expect(NameSuggestion.closest(to: "repiar", among: ["repair", "parts", "manual"]) == "repair")
    }

    @Test func worksOnCyrillicByCharacter() {
        // One letter off in a 5-letter Cyrillic word: distance 1 in scalars, 2 in bytes.
        #expect(NameSuggestion.closest(to: "сдлка", among: ["сделка", "лид"]) == "сделка")
    }

    @Test func nothingCloseEnough() {
        #expect(NameSuggestion.closest(to: "telegram", among: ["email", "calls"]) == nil)
        #expect(NameSuggestion.closest(to: "ab", among: ["xy"]) == nil)
        #expect(NameSuggestion.closest(to: "x", among: [String]()) == nil)
    }

    @Test func thresholdGrowsWithLength() {
        #expect(NameSuggestion.closest(to: "qualify", among: ["qalfy"]) == "qalfy")  // 2 edits, 7 letters
        #expect(NameSuggestion.closest(to: "new", among: ["nwe"]) == "nwe")        // 1 swap
        #expect(NameSuggestion.closest(to: "new", among: ["now1"]) == nil)         // 2 edits, 3 letters
    }

    @Test func tiesAreBrokenTheSameWayWhateverTheOrder() {
        let a = NameSuggestion.closest(to: "stag", among: ["stage", "stags", "Stag"])
        let b = NameSuggestion.closest(to: "stag", among: ["Stag", "stags", "stage"])
        #expect(a == "Stag")
        #expect(a == b)
        #expect(NameSuggestion.closest(to: "cat", among: ["cut", "bat"]) == "bat")
        #expect(NameSuggestion.closest(to: "cat", among: ["bat", "cut"]) == "bat")
    }

    @Test func editDistance() {
        func d(_ a: String, _ b: String) -> Int { NameSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(d("", "abc") == 3)
        #expect(d("kitten", "sitting") == 3)
        #expect(d("ab", "ba") == 1)
        #expect(d("ремонт", "рмонт") == 1)
    }
}
