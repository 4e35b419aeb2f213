import Foundation
import Testing

@Suite("cjm itself: --version, help, unknown commands")
struct CommandLineTests {
    @Test func versionNamesTheNumberTheCommitAndTheLoadedGraphviz() throws {
        let outcome = try CJMProcess.run(["--version"])
        #expect(outcome.status == 0)
        let lines = outcome.stdoutText.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "\(outcome.stdoutText)")
        let first = try #require(lines[0].wholeMatch(of: /cjm (\d+\.\d+\.\d+)(?: \(commit ([0-9a-f]{12})(, modified)?\))?/))
        if let head = try gitHead() {
            #expect(first.output.2.map(String.init) == head, "built from this checkout, so its commit is HEAD")
        }
        let graphviz = try #require(lines[1].wholeMatch(of: /Graphviz (\d+\.\d+(?:\.\d+)?)/))
        // The dot command links the same libgvc, so it reports the same version.
        let dot = try CJMProcess.run(["-V"], program: URL(fileURLWithPath: "/usr/bin/dot")).stderr
        #expect(dot.contains("version \(graphviz.output.1)"), "dot -V says: \(dot)")
    }

    /// Full Foundation brings FoundationInternationalization and ICU's data into every `cjm`
    /// process, a third of a real-sized check's start (benchmarks/README.md).
    @Test func startsWithFoundationsEssentialsOnly() throws {
        let ldd = try CJMProcess.run([CJMProcess.executable.path], program: URL(fileURLWithPath: "/usr/bin/ldd"))
        #expect(ldd.status == 0, "\(ldd.stderr)")
        for library in ["libFoundation.so", "libFoundationInternationalization.so", "lib_FoundationICU.so"] {
            #expect(!ldd.stdoutText.contains(library), "cjm loads \(library):\n\(ldd.stdoutText)")
        }
    }

    /// Graphviz's SVG writer calls our `gvprintdouble` (`GraphvizNumber`), bound by the dynamic
    /// linker to the symbol the executable exports (Package.swift). When it does not (a libgvc
    /// that calls its own copy directly, a renamed symbol) the render still works, eight times
    /// slower at writing numbers, so only the linker's own trace can tell.
    @Test func graphvizWritesItsNumbersThroughCJM() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = repositoryRoot.appendingPathComponent("templates/service-center.cjm")
        let outcome = try CJMProcess.run(["render", template.path, "-o", folder.appendingPathComponent("map.svg").path, "-q"],
                                         environment: ["LD_DEBUG": "bindings", "LD_DEBUG_OUTPUT": folder.appendingPathComponent("bindings").path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let traces = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("bindings.") }
        let bound = try traces.contains { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").contains {
                $0.contains("libgvplugin_core") && $0.contains("to \(CJMProcess.executable.resolvingSymlinksInPath().path)") && $0.contains("`gvprintdouble'")
            }
        }
        #expect(bound, "no render process bound libgvplugin_core's gvprintdouble to cjm (\(traces.count) traces)")
    }

    @Test func aMistypedCommandGetsDidYouMeanAndTheList() throws {
        let outcome = try CJMProcess.run(["rendr", "journey.cjm"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("unknown command 'rendr' (commands: init, check, lint, stats, render, fmt, md, watch, lsp, help)"))
        #expect(outcome.stderr.contains("; did you mean 'render'?"))
    }

    @Test func aJourneyWhereTheCommandGoesIsToldHowToCheckOrDrawIt() throws {
        let outcome = try CJMProcess.run(["my.cjm"])
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("to check it: cjm check my.cjm; to draw it: cjm render my.cjm"))
    }

    @Test(arguments: [[], ["--help"], ["help"], ["render", "--help"], ["help", "render"], ["check", "-h"]])
    func helpEndsWithExamples(_ arguments: [String]) throws {
        let outcome = try CJMProcess.run(arguments)
        #expect(outcome.status == 0)
        let parts = outcome.stdoutText.components(separatedBy: "\nEXAMPLES:\n")
        try #require(parts.count == 2, "no EXAMPLES section at the end: \(outcome.stdoutText)")
        let lines = parts[1].split(separator: "\n").map(String.init)
        let comments = lines.filter { $0.hasPrefix("  # ") }
        let commands = lines.filter { $0.hasPrefix("  cjm ") }
        #expect((2...3).contains(commands.count))
        #expect(comments.count == commands.count && lines.count == comments.count + commands.count)
        if let subcommand = arguments.first(where: { !$0.hasPrefix("-") && $0 != "help" }) {
            #expect(commands.allSatisfy { $0.hasPrefix("  cjm \(subcommand) ") })
        }
    }

    /// Every example of every help runs as printed, in a folder with the files it names.
    @Test func theExamplesAreReal() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = repositoryRoot.appendingPathComponent("templates/online-store.cjm")
        try FileManager.default.copyItem(at: template, to: folder.appendingPathComponent("journey.cjm"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("docs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: template, to: folder.appendingPathComponent("docs/journey.cjm"))
        // The CRM export the stats example reads.
        try "id,count\ninstagram,4000\n".write(to: folder.appendingPathComponent("counts.csv"), atomically: true, encoding: .utf8)
        // The map the CI example checks for staleness, rendered as that example expects it.
        #expect(try CJMProcess.run(["render", "docs/journey.cjm", "-o", "docs/", "-f", "svg"], in: folder).status == 0)
        var examples: [String] = []
        for help in [[], ["check", "--help"], ["lint", "--help"], ["stats", "--help"], ["render", "--help"], ["fmt", "--help"]] {
            let text = try CJMProcess.run(help).stdoutText
            examples += text.split(separator: "\n").filter { $0.hasPrefix("  cjm ") }.map { String($0.dropFirst(6)) }
        }
        #expect(examples.count >= 6)
        for example in examples {
            let outcome = try CJMProcess.run(example.split(separator: " ").map(String.init), in: folder)
            #expect(outcome.status == 0, "cjm \(example): \(outcome.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("board.png").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("maps/journey.board.png").path))
    }

    @Test func theRenderWorkerIsNoCommandOfHelp() throws {
        let help = try CJMProcess.run(["--help"]).stdoutText
        #expect(help.contains("render "))
        #expect(!help.contains("render-worker"))
        let dump = try CJMProcess.run(["--experimental-dump-help"]).stdoutText
        #expect(!dump.contains("render-worker"))
    }

    /// This checkout's commit, or nil outside a git checkout.
    private func gitHead() throws -> String? {
        let git = try CJMProcess.run(["-C", repositoryRoot.path, "rev-parse", "--short=12", "HEAD"],
                                     program: URL(fileURLWithPath: "/usr/bin/git"))
        return git.status == 0 ? git.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines) : nil
    }
}
