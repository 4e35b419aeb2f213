import Foundation
import Testing

/// `cjm render --paper` and `--tile`, end to end, read back with poppler as a viewer would.
@Suite("cjm render --paper and --tile")
struct PosterCommandTests {
    static let templates = ["service-center", "online-store"]

    static func template(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("templates/\(name).cjm").path
    }

    /// Every piece of text the map draws, from its SVG (same view, same theme).
    static func labels(of name: String, folder: URL, extra: [String] = []) throws -> [String] {
        let svg = folder.appendingPathComponent("\(name)-labels.svg")
        let outcome = try CJMProcess.run(["render", template(name), "-o", svg.path] + extra)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = try String(contentsOf: svg, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: "<text[^>]*>([^<]*)</text>")
        return pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            Range(match.range(at: 1), in: text).map { unescaped(String(text[$0])) }
        }
    }

    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Text compared without spaces, line breaks and hyphens (pdftotext rejoins a word cut at
    /// a hyphen at the end of a line).
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "-" }.map(Character.init))
    }

    static func isSheet(_ size: (width: Double, height: Double), _ width: Double, _ height: Double) -> Bool {
        abs(size.width - width) <= 1 && abs(size.height - height) <= 1
    }

    @Test(.enabled(if: Poppler.available, Poppler.skipMessage),
          arguments: [("A0", 2384.0, 3370.0), ("A1", 1684, 2384), ("A2", 1191, 1684), ("A3", 842, 1191), ("A4", 595, 842)])
    func paperIsOnePageOfThatSheetEitherWayUp(_ paper: String, _ width: Double, _ height: Double) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (flag, size) in [("--portrait", (width, height)), ("--landscape", (height, width))] {
            let pdf = folder.appendingPathComponent("map-\(paper)\(flag).pdf")
            let outcome = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--paper", paper, flag])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let pages = try Poppler.pageSizes(pdf)
            #expect(pages.count == 1)
            #expect(pages.first.map { Self.isSheet($0, size.0, size.1) } == true, "\(paper) \(flag): \(pages)")
        }
        // Left to choose, a wide map goes landscape, which prints its text larger.
        let chosen = folder.appendingPathComponent("map.pdf")
        #expect(try CJMProcess.run(["render", Self.template("service-center"), "-o", chosen.path, "--paper", paper]).status == 0)
        #expect(try Poppler.pageSizes(chosen).first.map { Self.isSheet($0, height, width) } == true)
    }

    @Test(.enabled(if: Poppler.available, Poppler.skipMessage))
    func everyLabelIsTextOnASheet() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in Self.templates {
            let pdf = folder.appendingPathComponent("\(name).pdf")
            #expect(try CJMProcess.run(["render", Self.template(name), "-o", pdf.path, "--paper", "A0"]).status == 0)
            let text = Self.squeezed(try Poppler.text(pdf))
            let labels = try Self.labels(of: name, folder: folder, extra: ["--paper", "A0"])
            #expect(labels.count > 100)
            for label in labels { #expect(text.contains(Self.squeezed(label)), "\(name): \(label) is not text in the PDF") }
        }
    }

    @Test(.enabled(if: Poppler.available, Poppler.skipMessage), arguments: templates)
    func aTiledPosterHasAnAssemblyPageAndLabelledA4Sheets(_ name: String) throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("poster.pdf")
        let outcome = try CJMProcess.run(["render", Self.template(name), "-o", pdf.path, "--tile", "A4", "--timings"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // `timing: flow on 30 sheets A4 portrait (10 × 3): smallest text 12 pt printed (scale 1)`
        let grid = try #require(outcome.stderr.firstMatch(of: /flow on (\d+) sheets A4 (\w+) \((\d+) × (\d+)\): smallest text 12 pt printed/))
        let (columns, rows) = (Int(grid.3)!, Int(grid.4)!)
        let pages = try Poppler.pageSizes(pdf)
        #expect(pages.count >= 2 && pages.count <= columns * rows + 1)
        for page in pages { #expect(Self.isSheet(page, 595, 842) || Self.isSheet(page, 842, 595), "\(page) is not A4") }

        // The assembly page: the title, the count, and every cell's label, blank ones too.
        let overview = try Poppler.text(pdf, page: 1)
        #expect(overview.contains("Постер: \(pages.count - 1) "))
        #expect(overview.contains("\(columns) столб") && overview.contains("\(rows) ряд"))
        let words = Set(overview.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        let letters = (0..<columns).map { String(UnicodeScalar(UInt8(ascii: "A") + UInt8($0))) }
        let cells = Set(letters.flatMap { letter in (1...rows).map { "\(letter)\($0)" } })
        #expect(cells.isSubset(of: words), "missing on the assembly page: \(cells.subtracting(words).sorted())")
        #expect(!words.contains("\(letters.last!)\(rows + 1)") && !words.contains(String(UnicodeScalar(UInt8(ascii: "A") + UInt8(columns))) + "1"))

        // Each sheet names itself and its place, in order.
        var named: [String] = []
        for page in 2...pages.count {
            // In the order drawn: laid out by position, map text level with the sheet's footer
            // (the whole map is on every sheet, clipped) can be spliced into it.
            let text = try Poppler.text(pdf, page: page, raw: true)
            let place = try #require(text.firstMatch(of: /столбец ([A-Z]+), ряд (\d+) · лист (\d+) из (\d+)/), "page \(page)")
            #expect(Int(place.3) == page - 1 && Int(place.4) == pages.count - 1)
            let label = "\(place.1)\(place.2)"
            #expect(text.contains(label) && cells.contains(label))
            named.append(label)
        }
        #expect(Set(named).count == named.count)

        // Every label of the map is text in the poster.
        let text = Self.squeezed(try Poppler.text(pdf))
        for label in try Self.labels(of: name, folder: folder) {
            #expect(text.contains(Self.squeezed(label)), "\(label) is not text in the poster")
        }

        // The same command gives the same bytes.
        let again = folder.appendingPathComponent("again.pdf")
        #expect(try CJMProcess.run(["render", Self.template(name), "-o", again.path, "--tile", "A4"]).status == 0)
        #expect(try Data(contentsOf: again) == (try Data(contentsOf: pdf)))
    }

    @Test(.enabled(if: Poppler.available, Poppler.skipMessage))
    func sheetsCarryCropMarksInTheirMargins() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("poster.pdf")
        #expect(try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--tile", "A4"]).status == 0)
        // At 72 dpi a pixel is a point; the printed area starts 10 mm (28.35 points) in. The
        // cut marks run along its left and top edges, out in the margin, from 3 points off
        // the sheet's edge to 3 points short of the printed area; the corner stays blank.
        let page = try Poppler.grayPixels(pdf, page: 2, dpi: 72)
        func pixel(_ x: Int, _ y: Int) -> UInt8 { page.pixels[y * page.width + x] }
        #expect((8...20).allSatisfy { y in (27...29).map { pixel($0, y) }.min()! < 200 }, "no vertical cut mark")
        #expect((8...20).allSatisfy { x in (27...29).map { pixel(x, $0) }.min()! < 200 }, "no horizontal cut mark")
        #expect((0..<25).allSatisfy { y in (0..<25).allSatisfy { pixel($0, y) > 250 } }, "the corner is not blank")
    }

    @Test func aMapTooSmallToReadOnA4WarnsAndFailsUnderStrict() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("map.pdf")
        let warned = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--paper", "A4"])
        #expect(warned.status == 0, "\(warned.stderr)")
        #expect(warned.stderr.contains("service-center.cjm:10:1: warning[W101]: on A4 landscape the smallest text of `flow` prints at 2.8 pt"))
        #expect(warned.stderr.contains("note: --paper A1 prints it at 8.3 pt"))
        #expect(warned.stderr.contains("note: --tile A4 without --paper prints it at 12 pt on at most"))
        #expect(warned.stderr.contains("these views of the journey each print legibly on A4: --view ads_only (8.8 pt), --view plant_path"))
        #expect(FileManager.default.fileExists(atPath: pdf.path))

        try Data("old map".utf8).write(to: pdf)
        let strict = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--paper", "A4", "--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("warning[W101]") && strict.stderr.contains("--strict"))
        #expect(try Data(contentsOf: pdf) == Data("old map".utf8), "--strict wrote over the old map")

        let json = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--paper", "A4", "--diagnostics", "json"])
        #expect(json.stdoutText.contains("\"code\":\"W101\""), "JSON diagnostics go to stdout: \(json.stdoutText)")

        let legible = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf.path, "--paper", "A0", "--strict", "--timings"])
        #expect(legible.status == 0, "\(legible.stderr)")
        #expect(legible.stderr.contains("timing: flow on A0 landscape: smallest text 11.8 pt printed"))
    }

    /// W101 is switched off like a lint: `lint ignore: W101` in the journey, or `# cjm-ignore
    /// W101` above its `journey` line. Then `--strict` passes and the map is written; the
    /// switch is not reported as unused by `cjm lint` (which cannot know the sheet).
    @Test func theJourneyCanSwitchThePrintSizeWarningOff() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOfFile: Self.template("service-center"), encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        #expect(lines[9].hasPrefix("journey "), "the template's journey line moved: \(lines[9])")
        var ignoredInBlock = lines
        ignoredInBlock.insert("  lint ignore: illegible-print", at: 10)
        var ignoredByComment = lines
        ignoredByComment[8] = "# cjm-ignore W101 — printed as an A0 poster only"
        for (name, variant) in [("block", ignoredInBlock), ("comment", ignoredByComment)] {
            let journey = folder.appendingPathComponent("\(name).cjm")
            try variant.joined(separator: "\n").write(to: journey, atomically: true, encoding: .utf8)
            let pdf = folder.appendingPathComponent("\(name).pdf")
            let render = try CJMProcess.run(["render", journey.path, "-o", pdf.path, "--paper", "A4", "--strict"])
            #expect(render.status == 0, "\(name): \(render.stderr)")
            #expect(!render.stderr.contains("W101"), "\(name): \(render.stderr)")
            #expect(FileManager.default.fileExists(atPath: pdf.path))
            let lint = try CJMProcess.run(["lint", journey.path, "--strict"])
            #expect(lint.status == 0, "\(name): \(lint.stderr)")
        }
        lines[8] = "# cjm-ignore W002 — not the print-size rule"
        let other = folder.appendingPathComponent("other.cjm")
        try lines.joined(separator: "\n").write(to: other, atomically: true, encoding: .utf8)
        let warned = try CJMProcess.run(["render", other.path, "-o", folder.appendingPathComponent("other.pdf").path, "--paper", "A4"])
        #expect(warned.stderr.contains("other.cjm:10:1: warning[W101]"), "\(warned.stderr)")
    }

    @Test func badPaperOptionsAreUsageErrors() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("map.pdf").path
        let unknown = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf, "--paper", "B5"])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("A0, A1, A2, A3, A4, letter, legal, tabloid"))
        let larger = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf, "--paper", "A4", "--tile", "A3"])
        #expect(larger.status == 64)
        #expect(larger.stderr.contains("--tile A3 is larger than --paper A4"))
        let svg = try CJMProcess.run(["render", Self.template("service-center"), "-o", folder.appendingPathComponent("map.svg").path, "--tile", "A4"])
        #expect(svg.status == 64)
        #expect(svg.stderr.contains("--tile makes a multi-page PDF poster"))
        let both = try CJMProcess.run(["render", Self.template("service-center"), "-o", pdf, "--paper", "A1", "--landscape", "--portrait"])
        #expect(both.status == 64)
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }

    @Test func aPngTooLargeNamesWhatWouldWork() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("map.png")
        let refused = try CJMProcess.run(["render", Self.template("service-center"), "-o", png.path, "--dpi", "600"])
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("more than a bitmap can hold"))
        #expect(refused.stderr.contains("--dpi 482 or lower"), "\(refused.stderr)")
        #expect(refused.stderr.contains("--paper A1"))
        // A PNG of a sheet is the sheet at 150 dpi: A2 landscape, 594 × 420 mm, is 3,508 × 2,480 pixels.
        let sheet = try CJMProcess.run(["render", Self.template("service-center"), "-o", png.path, "--paper", "A2"])
        #expect(sheet.status == 0, "\(sheet.stderr)")
        let bytes = [UInt8](try Data(contentsOf: png))
        func number(at offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        #expect(number(at: 16) == 3_508 && number(at: 20) == 2_480)
    }
}
