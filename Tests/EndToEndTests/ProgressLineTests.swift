import Foundation
import Testing

/// The progress line of a long render: on a terminal only (`script` gives the render one).
@Suite("progress line")
struct ProgressLineEndToEndTests {
    @Test func aLongLayoutShowsItsProgressOnATerminalAndNowhereElse() throws {
        guard ExternalProgram.isInstalled("script") else {
            try Test.cancel("util-linux's script is not installed, so no terminal can be given to cjm render")
        }
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Big enough that its layout takes well over a second.
        let generator = repositoryRoot.appendingPathComponent("scripts/generate-journey.py").path
        #expect(try ExternalProgram.run(["sh", "-c", "python3 '\(generator)' --elements 2500 --seed 3 > big.cjm 2>/dev/null"], in: folder).status == 0)

        let onTerminal = try ExternalProgram.run(["script", "-qec", "'\(CJMProcess.executable.path)' render big.cjm -o big.svg", "/dev/null"],
                                                 in: folder)
        #expect(onTerminal.status == 0)
        #expect(onTerminal.output.contains("\rcjm: 0/1 maps drawn, ") && onTerminal.output.contains(" s; now big.cjm (flow, svg)\u{1B}[K"),
                "\(onTerminal.output.suffix(300))")
        // Erased at the end, before render names the file it wrote (the terminal ends lines in \r\n).
        #expect(onTerminal.output.hasSuffix("\r\u{1B}[Kwrote big.svg\r\n"), "\(onTerminal.output.suffix(100).debugDescription)")

        let offTerminal = try CJMProcess.run(["render", "big.cjm", "-o", "big2.svg"], in: folder)
        #expect(offTerminal.status == 0)
        #expect(!offTerminal.stderr.contains("maps drawn"), "no progress line in a log or a pipe")
    }
}
