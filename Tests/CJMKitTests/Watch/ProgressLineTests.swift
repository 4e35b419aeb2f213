@testable import CJMKit
import Testing

/// The progress line never wraps, and never appears off a terminal.
struct ProgressLineTests {
    @Test func aLongLineIsCutToTheTerminalsWidth() {
        #expect(ProgressLine.fitted("cjm: 1/2 maps drawn, 3 s", columns: 80) == "cjm: 1/2 maps drawn, 3 s")
        let cut = ProgressLine.fitted(String(repeating: "ж", count: 200), columns: 40)
        #expect(cut.count == 39 && cut.hasSuffix("…"))
    }

    @Test func thereIsNoLineWhenStderrIsNotATerminal() {
        var console = Console()
        console.stderrIsTerminal = false
        #expect(ProgressLine(labels: ["a.cjm (flow, svg)"], console: console) == nil)
    }
}
