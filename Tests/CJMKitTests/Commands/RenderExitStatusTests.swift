@testable import CJMKit
import CJMGraphviz
import Testing

/// How a failed render ends the run: the journey's fault (65), the command line's (64), or
/// Graphviz's and cjm's own (70).
@Suite struct RenderExitStatusTests {
    @Test func mapsTooLargeAreTheJourneysProblem() {
        #expect(RenderFailure.graphTooLarge(what: "nodes", count: 20_000, limit: 10_000).exitStatus == .invalidInput)
        #expect(RenderFailure.bitmapTooLarge(width: 40_000, height: 900, dpi: 600, fittingDPI: 480, paper: "A1").exitStatus == .invalidInput)
        #expect(RenderFailure.posterTooLarge(sheets: 240, columns: 16, rows: 15, tile: "A4").exitStatus == .invalidInput)
    }

    @Test func dpiIsTheCommandLines() {
        #expect(RenderFailure.dpiOutOfRange(5_000).exitStatus == .usage)
        #expect(RenderFailure.invalidPageSetup("--tile makes a multi-page PDF poster").exitStatus == .usage)
    }

    @Test(arguments: [RenderFailure.crashed(signal: "SIGSEGV"), .timedOut(seconds: 1), .graphviz("syntax"), .invalidGraph("x"),
                      .missingFont(family: "DejaVu Sans", package: "fonts-dejavu-core"), .outOfMemory(limitBytes: 1 << 30),
                      .incompleteResult("it wrote nothing")])
    func everythingElseIsAnInternalFailure(_ failure: RenderFailure) {
        #expect(failure.exitStatus == .internalFailure)
    }
}
