import Testing
@testable import CJMGraphviz

@Suite struct SVGIdentifierPoolTests {
    @Test func keepsNamesUniqueAfterMakingThemSafe() {
        var pool = SVGIdentifierPool()
        #expect(pool.claim("a.b") == "a-b")
        #expect(pool.claim("a-b") == "a-b-2")
        #expect(pool.claim("a b") == "a-b-3")
        #expect(pool.claim("этап") == "этап")
    }

    @Test func classListMakesEachClassSafe() {
        #expect(SVGIdentifierPool.classList(["stage won", "", "a.b"]) == "stage won a-b")
    }
}
