import Testing
@testable import CJMSyntax

@Suite struct NameListingTests {
    @Test func listsEachNameOnceInTheOrderGiven() {
        #expect(NameListing.closedSet("allowed:").text(["stage", "auto", "stage"]) == "(allowed: `stage`, `auto`)")
    }

    @Test func namesTheJourneyDefinesStopAtTwelve() {
        let pages = (1...40).map { "page\($0)" }
        let text = NameListing.defined("pages:").text(pages)
        #expect(text.hasPrefix("(pages: `page1`, `page2`,") && text.hasSuffix("`page12` and 28 more)"))
        #expect(NameListing.closedSet("names:").text(pages).hasSuffix("`page40`)"))
    }

    @Test func sayNoneWhenThereAreNone() {
        #expect(NameListing.defined("personas:").text([]) == "(personas: none)")
    }

    @Test func theCollectorListsBeforeTheGuess() {
        var collector = DiagnosticCollector(limit: 10)
        let file = collector.sources.add(SourceFile(path: "j.cjm", text: "phase: buy\n"))
        collector.error(.unknownReference, "`phase:` names `buy`, which is not defined", at: SourceRange(file: file.id, startOffset: 7, endOffset: 10),
                        name: "buy", suggestingFrom: ["awareness", "bu"], listing: .defined("phases:"))
        #expect(collector.finished().map(\.message) == ["`phase:` names `buy`, which is not defined (phases: `awareness`, `bu`); did you mean `bu`?"])
    }
}
