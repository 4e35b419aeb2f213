import Foundation
import Testing

/// Maps that read in a docs column (issue 22): `--direction down`, the legend strip,
/// `--width` and W103, the accessible SVG, `cjm md`'s defaults — the real `cjm`, the SVGs it
/// writes read back for their geometry.
@Suite struct DocsColumnTests {
    /// What the SVG's geometry says: its viewBox, its smallest font size and the legend's frame.
    struct Geometry {
        var width = 0.0
        var height = 0.0
        var smallestFont = Double.infinity
        var legendArea = 0.0

        init(_ svg: String) throws {
            let box = try #require(svg.firstMatch(of: /viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"/))
            width = Double(box.1)!
            height = Double(box.2)!
            for match in svg.matches(of: /font-size="([\d.]+)"/) { smallestFont = min(smallestFont, Double(match.1)!) }
            if let legend = svg.firstMatch(of: /<g id="legend" class="cluster legend">\n<title>[^<]*<\/title>\n<path [^>]*d="([^"]+)"/) {
                let numbers = legend.1.matches(of: /-?[\d.]+/).map { Double($0.0)! }
                let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
                let ys = stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }
                legendArea = (xs.max()! - xs.min()!) * (ys.max()! - ys.min()!)
            }
        }

        /// CSS pixels of the smallest text with the SVG shown `shown` pixels wide.
        func smallestPixels(shown: Double) -> Double { smallestFont * shown / width }
        var legendShare: Double { legendArea / (width * height) }
    }

    /// The issue's targets: every named view of both templates, the spec example's flow map
    /// and a 20-element journey's.
    static let targets: [(file: String, view: String)] = [
        ("templates/service-center.cjm", "ads_only"), ("templates/service-center.cjm", "repair_fn"),
        ("templates/service-center.cjm", "contracts_fn"), ("templates/service-center.cjm", "plant_path"),
        ("templates/service-center.cjm", "purchase_only"), ("templates/online-store.cjm", "anna_path"),
        ("templates/online-store.cjm", "referral_loop"), ("templates/online-store.cjm", "ads_only"),
        ("Tests/Fixtures/spec-example.cjm", "flow"), ("Tests/Fixtures/furniture-20.cjm", "flow"),
    ]

    static func render(_ file: String, _ arguments: [String], into folder: URL, name: String) throws -> (CJMProcess.Outcome, String) {
        let out = folder.appendingPathComponent(name)
        let outcome = try CJMProcess.run(["render", repositoryRoot.appendingPathComponent(file).path, "-o", out.path] + arguments)
        return (outcome, (try? String(contentsOf: out, encoding: .utf8)) ?? "")
    }

    @Test func everyTargetReadDownIsLegible800PixelsWideWithASmallLegend() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, target) in Self.targets.enumerated() {
            let (outcome, svg) = try Self.render(target.file, ["--view", target.view, "--direction", "down", "--width", "800"],
                                                 into: folder, name: "\(index).svg")
            #expect(outcome.status == 0, "\(target): \(outcome.stderr)")
            #expect(!outcome.stderr.contains("W103"), "\(target) warns: \(outcome.stderr)")
            let geometry = try Geometry(svg)
            #expect(geometry.smallestPixels(shown: 800) >= 9, "\(target): \(geometry.width) pt wide, smallest \(geometry.smallestFont) pt")
            #expect(geometry.legendArea > 0, "\(target) has a legend")
            // 6.2 % at most since the denser blocks shrank the maps around the same legend, 6.9 %
            // since lost stages hang under their column (referral_loop lost a row of height), 7.1 %
            // since blocks keep less air between their boxes.
            #expect(geometry.legendShare <= 0.072, "\(target): the legend takes \(geometry.legendShare)")
        }
    }

    @Test func widthReportsTheSmallestTextWarnsAndStrictFails() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spec = "Tests/Fixtures/spec-example.cjm"
        // Read right, the spec example is far wider than a column: W103 names what helps.
        let (warned, svg) = try Self.render(spec, ["--width", "800", "--timings"], into: folder, name: "wide.svg")
        #expect(warned.status == 0)
        let geometry = try Geometry(svg)
        // Hand-computed from the drawing: 14-pt text in a drawing W pt wide shown 800 px wide.
        let pixels = (14 * 800 / geometry.width * 10).rounded(.down) / 10
        let figure = pixels == pixels.rounded() ? String(Int(pixels)) : String(pixels)
        #expect(warned.stderr.contains("warning[W103]: shown 800 px wide, the smallest text of `flow` is \(figure) px"), "\(warned.stderr)")
        #expect(warned.stderr.contains("timing: flow shown 800 px wide: smallest text \(figure) px"))
        #expect(warned.stderr.contains("note: --direction down shows it at"))
        #expect(warned.stderr.contains("spec-example.cjm:1:1"))

        let before = try Data(contentsOf: folder.appendingPathComponent("wide.svg"))
        let (strict, _) = try Self.render(spec, ["--width", "800", "--strict", "--view", "board"], into: folder, name: "wide.svg")
        #expect(strict.status == 1)
        #expect(try Data(contentsOf: folder.appendingPathComponent("wide.svg")) == before, "a strict failure writes nothing")

        let (json, _) = try Self.render(spec, ["--width", "800", "--diagnostics", "json"], into: folder, name: "json.svg")
        #expect((json.stdoutText + json.stderr).split(separator: "\n").contains { $0.contains("\"code\":\"W103\"") && $0.contains("\"severity\":\"warning\"") },
                "\(json.stderr)")
        // Legible: no warning, and the figure still reported under --timings.
        let (quiet, _) = try Self.render("templates/service-center.cjm", ["--view", "repair_fn", "--direction", "down", "--width", "800", "--timings"],
                                         into: folder, name: "quiet.svg")
        #expect(!quiet.stderr.contains("W103") && quiet.stderr.contains("timing: repair_fn shown 800 px wide: smallest text"))
        let bad = try CJMProcess.run(["render", repositoryRoot.appendingPathComponent(spec).path, "-o", "-", "--direction", "up"])
        #expect(bad.status == 64 && bad.stderr.contains("directions: right, down"))
    }

    @Test func theSVGIsAccessibleAndShowsNoMachineIDs() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, arguments) in [("flow", [String]()), ("view", ["--view", "repair_fn", "--direction", "down"]), ("board", ["--view", "board"])] {
            let (outcome, svg) = try Self.render("templates/service-center.cjm", arguments, into: folder, name: "\(name).svg")
            #expect(outcome.status == 0)
            let root = try #require(svg.firstMatch(of: /<svg ([^>]*)>\n<title>([^<]+)<\/title>\n<desc>([^<]+)<\/desc>/), "\(svg.prefix(800))")
            #expect(root.1.contains("role=\"img\""))
            #expect(root.1.contains("aria-label=\"Сервисный центр «ТехноПлюс»"))
            #expect(root.1.contains("viewBox=") && root.1.contains("width=") && !root.1.contains("style="))
            #expect(root.2.hasPrefix("Сервисный центр «ТехноПлюс»"))
            #expect(root.3.contains(name == "board" ? "Доска пути клиента" : "Схема пути клиента: 11 каналов, 1 CRM"), "\(root.3)")
            for title in svg.matches(of: /<title>([^<]*)<\/title>/) {
                #expect(title.1.wholeMatch(of: /n\d+|cluster_\d+|cjm|n\d+&#45;&gt;n\d+|graph\d*/) == nil, "machine id as a title: \(title.1)")
            }
            for tooltip in svg.matches(of: /xlink:title="([^"]*)"/) {
                #expect(tooltip.1.wholeMatch(of: /n\d+|cluster_\d+|\\N|\\G|\\E/) == nil, "machine id as a tooltip: \(tooltip.1)")
            }
            #expect(svg.contains("<title>Этап сделки: Новая сделка (repair.new)</title>") || name == "board")
            #expect(svg.contains("<title>Каналы</title>") || name == "board")
        }
    }

    @Test func journeyAndViewSayTheirDirectionAndLegend() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let journey = folder.appendingPathComponent("j.cjm")
        try """
            journey "Салон" direction: down legend: bottom {
              crm amo "amoCRM"
              channel calls "Звонки" kind: phone
              leads { stage new "Новый лид"; stage done "Замер" }
              view wide "Для стены" show: leads direction: right legend: off
            }
            """.write(to: journey, atomically: true, encoding: .utf8)
        #expect(try CJMProcess.run(["check", journey.path]).status == 0)
        let down = try CJMProcess.run(["render", journey.path, "-o", "-"]).stdoutText
        let wide = try CJMProcess.run(["render", journey.path, "--view", "wide", "-o", "-"]).stdoutText
        #expect(down.contains("class=\"cluster legend\""))
        #expect(!wide.contains("class=\"cluster legend\""), "the view's legend: off")
        let overridden = try CJMProcess.run(["render", journey.path, "--legend", "off", "-o", "-"]).stdoutText
        #expect(!overridden.contains("class=\"cluster legend\""), "--legend beats the journey's")

        try #"journey "Салон" direction: sideways { channel calls "Звонки" }"#.write(to: journey, atomically: true, encoding: .utf8)
        let bad = try CJMProcess.run(["check", journey.path])
        #expect(bad.status == 65 && bad.stderr.contains("`sideways` is not a valid `direction:` (allowed: `right`, `down`)"), "\(bad.stderr)")
    }

    @Test func markdownMapsReadDownAt800PixelsUnlessTheBlockSaysOtherwise() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("guide.md")
        let template = try String(contentsOf: repositoryRoot.appendingPathComponent("templates/service-center.cjm"), encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("maps"), withIntermediateDirectories: true)
        try template.write(to: folder.appendingPathComponent("maps/sc.cjm"), atomically: true, encoding: .utf8)
        try """
            # Воронка

            <!-- cjm: maps/sc.cjm view=repair_fn name=down -->

            <!-- cjm: maps/sc.cjm view=repair_fn direction=right legend=off width=1200 name=right -->
            """.write(to: document, atomically: true, encoding: .utf8)
        let outcome = try CJMProcess.run(["md", document.path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let down = try Geometry(String(contentsOf: folder.appendingPathComponent("down.svg"), encoding: .utf8))
        let right = try Geometry(String(contentsOf: folder.appendingPathComponent("right.svg"), encoding: .utf8))
        #expect(down.smallestPixels(shown: 800) >= 9 && down.height > down.width && down.legendArea > 0)
        #expect(right.width > right.height && right.legendArea == 0)
        #expect(outcome.stderr.contains("guide.md:5:1: warning[W103]: shown 1200 px wide"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("guide.md:3:1: warning[W103]"))
    }

    /// Once by eye, as a docs site shows them: the targets as images in an 800-px column in
    /// headless Chromium. `CJM_DOCS_SCREENSHOTS=FOLDER` keeps a PNG of each, to look at.
    @Test func aBrowserShowsTheTargetsInAColumn() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var html = "<!doctype html><meta charset=utf-8><body style='margin:0;background:#eee'>"
            + "<main style='width:800px;margin:0 auto;background:#fff;font:16px sans-serif'>"
        for (index, target) in Self.targets.enumerated() {
            let (outcome, _) = try Self.render(target.file, ["--view", target.view, "--direction", "down"], into: folder, name: "\(index).svg")
            #expect(outcome.status == 0)
            html += "<h2 id='h\(index)'>\(target.view)</h2><img id='m\(index)' src='\(index).svg' alt='\(target.view)' style='max-width:100%'>"
        }
        try (html + "</main>").write(to: folder.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        let browser = try HeadlessChromium(url: folder.appendingPathComponent("index.html").absoluteString)
        var loaded = false
        for _ in 0..<100 where !loaded {
            loaded = (try? browser.evaluate("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0) ? 'yes' : 'no'")) == "yes"
            if !loaded { usleep(100_000) }
        }
        #expect(loaded, "every map loads as an image")
        let shots = ProcessInfo.processInfo.environment["CJM_DOCS_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }
        for index in Self.targets.indices {
            // Each fits the column: shown at most 800 px wide, scaled by its viewBox.
            let width = try browser.evaluate("document.getElementById('m\(index)').getBoundingClientRect().width")
            #expect((Double(width) ?? 0) <= 800.5 && (Double(width) ?? 0) > 100, "\(Self.targets[index]): \(width) px")
            if let shots {
                _ = try browser.evaluate("document.getElementById('h\(index)').scrollIntoView()")
                try browser.screenshot().write(to: shots.appendingPathComponent("docs-\(index)-\(Self.targets[index].view).png"))
            }
        }
    }
}
