import Testing
import CJMViewGraph

@Suite struct UniqueIdentifiersTests {
    @Test func keepsNamesUniqueAfterMakingThemSafe() {
        var names = UniqueIdentifiers()
        #expect(names.make("a.b") == "a-b")
        #expect(names.make("a-b") == "a-b-2")
        #expect(names.make("a b") == "a-b-3")
        #expect(names.make("этап") == "этап")
    }

    @Test func classListMakesEachClassSafe() {
        #expect(SafeIdentifier.classList(["stage won", "", "a.b"]) == "stage won a-b")
    }
}
