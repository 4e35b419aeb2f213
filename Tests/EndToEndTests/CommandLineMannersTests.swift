import Foundation
import Testing

/// Issue 23's command-line manners, end to end: where diagnostics go, colour, what `render`
/// says it wrote, the error style of the argument parser and the names it suggests.
@Suite("command-line manners")
struct CommandLineMannersTests {
    /// A journey with warnings (no automation, no `lost` stage), two personas, a view and a sum.
    static let shop = """
        journey "Мебель" currency: RUB {
          persona anna "Анна"
          persona boris "Борис"
          channel calls "Звонки" kind: phone
          leads {
            stage new "Новый лид"
          }
          pipeline orders "Заказы" avg_check: 85 000 revenue: 1 250 000 {
            stage new "Новый заказ"
            stage paid "Оплачен"
            stage won "Доставлен" won
          }
          touchpoint call "Звонок" channel: calls persona: anna
          view sales_only "Только продажи" show: pipelines
        }
        """

    /// A scratch folder holding `shop.cjm` (and `broken.cjm`, which has one error).
    private static func folder() throws -> URL {
        let folder = try makeScratchFolder()
        try shop.write(to: folder.appendingPathComponent("shop.cjm"), atomically: true, encoding: .utf8)
        try "journey \"x\" {\n  chanel a\n}\n".write(to: folder.appendingPathComponent("broken.cjm"), atomically: true, encoding: .utf8)
        return folder
    }

    private static func jsonLines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    @Test(arguments: [["check", "broken.cjm"], ["lint", "broken.cjm"], ["fmt", "broken.cjm"], ["render", "broken.cjm"],
                      ["check", "shop.cjm"], ["render", "shop.cjm", "-o", "shop.svg"]])
    func jsonDiagnosticsGoToStdout(_ arguments: [String]) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(arguments + ["--diagnostics", "json"], in: folder)
        let lines = Self.jsonLines(outcome.stdoutText)
        #expect(!lines.isEmpty, "no JSON on stdout: \(outcome.stdoutText) / \(outcome.stderr)")
        #expect(lines.count == outcome.stdoutText.split(separator: "\n").count, "stdout holds only JSON lines: \(outcome.stdoutText)")
        #expect(Self.jsonLines(outcome.stderr).isEmpty, "JSON on stderr: \(outcome.stderr)")
        #expect(lines.allSatisfy { $0["code"] is String && $0["line"] is Int })
    }

    @Test func jsonDiagnosticsStayOffAStdoutThatCarriesOutput() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The map on stdout stays a whole SVG; the warnings go to stderr.
        let map = try CJMProcess.run(["render", "shop.cjm", "-o", "-", "--diagnostics", "json"], in: folder)
        #expect(map.status == 0)
        #expect(map.stdoutText.hasPrefix("<?xml") && Self.jsonLines(map.stdoutText).isEmpty)
        #expect(Self.jsonLines(map.stderr).contains { $0["code"] as? String == "W004" }, "\(map.stderr)")
        // `stats` prints its figures on stdout: JSON diagnostics beside them would break them.
        let stats = try CJMProcess.run(["stats", "shop.cjm", "--format", "json", "--diagnostics", "json"], in: folder)
        #expect(stats.status == 0)
        #expect(try JSONSerialization.jsonObject(with: stats.stdout) is [String: Any], "stdout is one JSON object")
        #expect(Self.jsonLines(stats.stderr).contains { $0["code"] as? String == "W004" })
        // Text diagnostics are on stderr as always.
        let text = try CJMProcess.run(["check", "broken.cjm"], in: folder)
        #expect(text.stdoutText.isEmpty && text.stderr.contains("broken.cjm:2:3: error[E020]"), "\(text.stderr)")
    }

    @Test func colourOnATerminalUnlessNoColorIsSet() throws {
        guard ExternalProgram.isInstalled("script") else {
            try Test.cancel("util-linux's script is not installed, so no terminal can be given to cjm check")
        }
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = "'\(CJMProcess.executable.path)' check broken.cjm"
        let coloured = try ExternalProgram.run(["script", "-qec", command, "/dev/null"], in: folder, environment: ["NO_COLOR": ""])
        #expect(coloured.output.contains("\u{1B}[1;31merror"), "an empty NO_COLOR does not count: \(coloured.output)")
        let plain = try ExternalProgram.run(["script", "-qec", command, "/dev/null"], in: folder, environment: ["NO_COLOR": "1"])
        #expect(plain.output.contains("error[E020]"))
        #expect(!plain.output.contains("\u{1B}["), "\(plain.output)")
    }

    @Test func renderNamesEachFileItWroteUnlessQuiet() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let loud = try CJMProcess.run(["render", "shop.cjm", "-o", "out/", "-f", "svg,dot"], in: folder)
        #expect(loud.status == 0)
        let lines = loud.stderr.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("wrote ") } == ["wrote out/shop.svg", "wrote out/shop.dot"], "\(loud.stderr)")
        let quiet = try CJMProcess.run(["render", "shop.cjm", "-o", "out/", "-f", "svg,dot", "--quiet"], in: folder)
        #expect(quiet.status == 0 && !quiet.stderr.contains("wrote"), "\(quiet.stderr)")
        let stale = try CJMProcess.run(["render", "shop.cjm", "-o", "out/", "-f", "svg", "--check"], in: folder)
        #expect(stale.status == 0 && !stale.stderr.contains("wrote"), "--check writes nothing")
        let failed = try CJMProcess.run(["render", "broken.cjm", "-o", "out/"], in: folder)
        #expect(failed.status == 65 && !failed.stderr.contains("wrote"))
        let check = try CJMProcess.run(["check", "shop.cjm", "--diagnostics", "json"], in: folder)
        #expect(check.status == 0 && check.stderr.isEmpty, "check says nothing on success but its warnings")
    }

    @Test func anExtensionlessOutputIsAFolderUnlessItIsAFile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(["render", "shop.cjm", "-o", "maps"], in: folder)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("wrote maps/shop.svg"))
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("maps").path, isDirectory: &isFolder) && isFolder.boolValue)
        // An existing file is still a file: `-f` gives the format.
        try Data("old".utf8).write(to: folder.appendingPathComponent("plain"))
        let file = try CJMProcess.run(["render", "shop.cjm", "-o", "plain", "-f", "dot"], in: folder)
        #expect(file.status == 0, "\(file.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("plain"), encoding: .utf8).hasPrefix("digraph"))
    }

    @Test(arguments: [(["render", "shop.cjm", "--bogus"], "cjm: error: unknown option '--bogus'"),
                      (["render"], "cjm: error: missing expected argument '<files> ...'"),
                      (["render", "shop.cjm", "--dpi", "abc"], "cjm: error: the value 'abc' is invalid for '--dpi <dpi>'"),
                      (["render", "shop.cjm", "--view", "flow", "--all-views"], "cjm: error: --view and --all-views exclude each other")])
    func argumentErrorsReadLikeTheToolsOwn(_ arguments: [String], _ first: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try CJMProcess.run(arguments, in: folder)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.hasPrefix(first + "\n"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("Usage: cjm render ") && outcome.stderr.contains("See 'cjm render --help'"))
        #expect(!outcome.stderr.contains("Error:"))
    }

    @Test func mistypedNamesGetDidYouMean() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let view = try CJMProcess.run(["render", "shop.cjm", "--view", "sales-only"], in: folder)
        #expect(view.status == 64)
        #expect(view.stderr.contains("cjm: error: shop.cjm: no view 'sales-only'; available views: flow, board, sales_only; did you mean 'sales_only'?"),
                "\(view.stderr)")
        let persona = try CJMProcess.run(["render", "shop.cjm", "--view", "board", "--persona", "ana"], in: folder)
        #expect(persona.status == 64)
        #expect(persona.stderr.contains("no persona 'ana' (personas: anna, boris); did you mean 'anna'?"), "\(persona.stderr)")
        // A qualified reference to a stage the pipeline lacks lists the stages it has.
        try Self.shop.replacingOccurrences(of: "  view sales_only", with: "  orders.payment -> calls\n  view sales_only")
            .write(to: folder.appendingPathComponent("ref.cjm"), atomically: true, encoding: .utf8)
        let reference = try CJMProcess.run(["check", "ref.cjm"], in: folder)
        #expect(reference.status == 65)
        #expect(reference.stderr.contains("error[E040]: `orders` has no `payment` (it has: `new`, `paid`, `won`)"), "\(reference.stderr)")
    }

    @Test func aPersonaNoTouchpointIsForIsWarnedAbout() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // `sales_only` shows no touchpoint at all.
        let view = try CJMProcess.run(["render", "shop.cjm", "--view", "sales_only", "--persona", "anna", "-o", "v.svg"], in: folder)
        #expect(view.status == 0)
        #expect(view.stderr.contains("shop.cjm:2:3: warning[W102]: --persona anna changes no touchpoint of `sales_only`: none of them is for a persona"),
                "\(view.stderr)")
        // On the board Boris has no touchpoint: narrowing to him only leaves Anna's out.
        let board = try CJMProcess.run(["render", "shop.cjm", "--view", "board", "--persona", "boris", "-o", "b.svg"], in: folder)
        #expect(board.stderr.contains("warning[W102]: no touchpoint of `board` is for `boris`, so --persona boris only leaves out those of other personas"),
                "\(board.stderr)")
        #expect(try String(contentsOf: folder.appendingPathComponent("b.svg"), encoding: .utf8).contains("Мебель — персона: Борис"))
        let strict = try CJMProcess.run(["render", "shop.cjm", "--view", "board", "--persona", "boris", "-o", "s.svg", "--strict"], in: folder)
        #expect(strict.status == 1 && !FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.svg").path))
        let fine = try CJMProcess.run(["render", "shop.cjm", "--view", "board", "--persona", "anna", "-o", "a.svg"], in: folder)
        #expect(fine.status == 0 && !fine.stderr.contains("W102"), "\(fine.stderr)")
    }

    @Test func aMarkdownDocumentWhereAJourneyIsReadPointsToCjmMd() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "# Guide\n\nRun `cjm` like this.\n".write(to: folder.appendingPathComponent("guide.md"), atomically: true, encoding: .utf8)
        for command in ["check", "lint", "stats", "fmt"] {
            let outcome = try CJMProcess.run([command, "guide.md"], in: folder)
            #expect(outcome.status == 64, "\(command): \(outcome.stderr)")
            #expect(outcome.stderr.hasPrefix("cjm: error: guide.md is a Markdown document, not a journey; `cjm md guide.md` renders the maps written in it"),
                    "\(command): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("unexpected character"))
        }
        // `render` reads Markdown itself (here: a document without maps).
        #expect(try CJMProcess.run(["render", "guide.md"], in: folder).status == 0)
    }

    @Test func statsPrintsTheCurrencyAfterEverySum() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = try CJMProcess.run(["stats", "shop.cjm"], in: folder)
        #expect(table.status == 0)
        #expect(table.stdoutText.contains("  Revenue: 1\u{00A0}250\u{00A0}000\u{00A0}₽\n"), "\(table.stdoutText)")
        #expect(table.stdoutText.contains("  Average check: 85\u{00A0}000\u{00A0}₽\n"))
        let json = try CJMProcess.run(["stats", "shop.cjm", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        #expect(object["currency"] as? String == "RUB")
        let csv = try CJMProcess.run(["stats", "shop.cjm", "--format", "csv"], in: folder)
        #expect(csv.stdoutText.contains("pipeline:orders,,,revenue,1250000\n"), "CSV numbers stay plain")
    }
}
