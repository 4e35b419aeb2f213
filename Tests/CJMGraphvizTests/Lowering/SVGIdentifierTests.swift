import Testing
@testable import CJMGraphviz

@Suite struct SVGIdentifierTests {
    @Test func keepsLettersDigitsDashUnderscoreAndCyrillic() {
        #expect(SVGIdentifier.sanitized("pipeline-repair_1") == "pipeline-repair_1")
        #expect(SVGIdentifier.sanitized("этап-новый") == "этап-новый")
        #expect(SVGIdentifier.sanitized("a.b c<d>") == "a_b_c_d_")
        // Other scripts take the character-by-character path and keep their letters too.
        #expect(SVGIdentifier.sanitized("αβ-γ·δ") == "αβ-γ_δ")
    }

    @Test func neverWritesDoubleDashOrALeadingDigit() {
        #expect(SVGIdentifier.sanitized("a--b---c") == "a-b-c")
        #expect(SVGIdentifier.sanitized("1st") == "_1st")
        #expect(SVGIdentifier.sanitized("--x") == "_-x")
        #expect(!SVGIdentifier.sanitized("<!-- -->").contains("--"))
    }

    @Test func poolKeepsIdsUniqueAfterSanitizing() {
        var pool = SVGIdentifierPool()
        #expect(pool.claim("a.b") == "a_b")
        #expect(pool.claim("a_b") == "a_b_2")
        #expect(pool.claim("a b") == "a_b_3")
    }
}
