import Foundation
import Testing

/// The rest of issue 22: the board narrowed for a docs column, its deals row spanning the
/// phases, `cjm watch` taking the render's shape flags, the legend's share kept down on wall
/// maps, and `--strict` counting the warnings of maps embedded in Markdown — the real `cjm`,
/// its SVGs read back.
@Suite struct DocsColumnBoardTests {
    typealias Geometry = DocsColumnTests.Geometry

    /// Every `<text>` line of the SVG, in order.
    static func textLines(_ svg: String) -> [String] {
        svg.matches(of: /<text [^>]*>([^<]*)<\/text>/).map { String($0.1) }
    }

    @Test func theBoardShownInAColumnWrapsItsTextIntoNarrowerPhaseColumns() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = "Tests/Fixtures/spec-example.cjm"
        let (wall, wallSVG) = try DocsColumnTests.render(file, ["--view", "board"], into: folder, name: "wall.svg")
        let (column, columnSVG) = try DocsColumnTests.render(file, ["--view", "board", "--width", "800", "--timings"], into: folder, name: "column.svg")
        #expect(wall.status == 0 && column.status == 0, "\(column.stderr)")
        let wide = try Geometry(wallSVG), narrow = try Geometry(columnSVG)
        // The wall board at 800 px is 7.3 px (1528 pt wide); narrowed, its 14-pt text is 9 px or more.
        #expect(wide.smallestPixels(shown: 800) < 9)
        #expect(narrow.smallestPixels(shown: 800) >= 9, "\(narrow.width) pt wide")
        #expect(!column.stderr.contains("W103"), "\(column.stderr)")
        #expect(column.stderr.contains("timing: board shown 800 px wide: smallest text 9."), "\(column.stderr)")
        // The same words, wrapped onto more lines; the phases still one column each, in order.
        let wallLines = Self.textLines(wallSVG), columnLines = Self.textLines(columnSVG)
        #expect(columnLines.count > wallLines.count)
        #expect(wallLines.joined(separator: " ").split(separator: " ").count == columnLines.joined(separator: " ").split(separator: " ").count)
        #expect(columnLines.contains("1 · Звонит, чтобы") && wallLines.contains("1 · Звонит, чтобы узнать"))
        let phases = ["Осведомлённость", "Рассмотрение", "Покупка", "Удержание", "Рекомендация"]
        let xs = try phases.map { phase in
            try #require(columnSVG.firstMatch(of: try Regex<(Substring, Substring)>("<text [^>]*x=\"([\\d.]+)\"[^>]*>\(phase)</text>"))).1
        }.map { Double($0)! }
        #expect(xs == xs.sorted() && Set(xs).count == 5, "phases left to right: \(xs)")
        // `--direction down` asks the board for a docs column too: the same narrowed board.
        let (down, downSVG) = try DocsColumnTests.render(file, ["--view", "board", "--direction", "down"], into: folder, name: "down.svg")
        #expect(down.status == 0 && downSVG == columnSVG)
    }

    @Test func aLongBoardTakesItsLaneTitlesAboveItsRows() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // 1528 pt for a wall; its lane titles at the left would leave it 1305 pt (8.5 px at 800).
        let (outcome, svg) = try DocsColumnTests.render("templates/service-center.cjm", ["--view", "board", "--width", "800"],
                                                        into: folder, name: "board.svg")
        #expect(outcome.status == 0 && !outcome.stderr.contains("W103"), "\(outcome.stderr)")
        let geometry = try Geometry(svg)
        #expect(geometry.smallestPixels(shown: 800) >= 9, "\(geometry.width)")
        let band = try #require(Self.boxes(svg, id: "lane&#45;actions").first)
        let phases = try Self.boxes(svg, id: "phase&#45;")
        #expect(band.maxX >= phases.map(\.maxX).max()! - 1, "the lane's title spans the board above its row")
    }

    @Test func aBoardTooWideEvenNarrowedWarnsWithItsTrueSizeAndWhatWouldHelp() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let phases = ["Осведомлённость", "Рассмотрение", "Сравнение", "Покупка", "Доставка", "Использование", "Удержание", "Рекомендация"]
        let journey = folder.appendingPathComponent("wide.cjm")
        try ("journey \"Восемь фаз\" {\n" + phases.enumerated().map { "  phase p\($0.offset) \"\($0.element)\"\n" }.joined()
            + "  touchpoint t \"Звонок\" phase: p0\n}\n").write(to: journey, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("board.svg")
        let outcome = try CJMProcess.run(["render", journey.path, "--view", "board", "--width", "800", "-o", out.path])
        #expect(outcome.status == 0)
        let geometry = try Geometry(String(contentsOf: out, encoding: .utf8))
        let pixels = (geometry.smallestPixels(shown: 800) * 10).rounded(.down) / 10
        #expect(pixels < 9, "\(geometry.width)")
        let figure = pixels == pixels.rounded() ? "\(Int(pixels)) px" : "\(pixels) px"
        #expect(outcome.stderr.contains("warning[W103]: shown 800 px wide, the smallest text of `board` is \(figure)"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("the board keeps one column per phase (8 here)"), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("a `view` with `show:`"), "views are flow maps: no help for the board")
        let strict = try CJMProcess.run(["render", journey.path, "--view", "board", "--width", "800", "--strict", "-o", "-"])
        #expect(strict.status == 1 && strict.stdout.isEmpty)
    }

    @Test func theDealsRowSpansEveryPhaseColumn() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, arguments) in [("wall", [String]()), ("column", ["--width", "800"])] {
            let (outcome, svg) = try DocsColumnTests.render("templates/service-center.cjm", ["--view", "board"] + arguments,
                                                            into: folder, name: "\(name).svg")
            #expect(outcome.status == 0)
            let phases = try Self.boxes(svg, id: "phase&#45;")
            let deals = try Self.boxes(svg, id: "deals&#45;")
            #expect(phases.count == 5 && deals.count == 3, "\(name)")
            let left = phases.map(\.minX).min()!, right = phases.map(\.maxX).max()!
            #expect(abs(deals.map(\.minX).min()! - left) < 1 && abs(deals.map(\.maxX).max()! - right) < 1,
                    "\(name): the deals span \(deals), the phases \(left)…\(right)")
            // Not one phase's width each: three cards share five columns.
            #expect(deals.allSatisfy { card in !phases.contains { abs($0.minX - card.minX) < 1 && abs($0.maxX - card.maxX) < 1 } })
        }
    }

    /// The x extents of the boxes whose node id starts with `id`, from their polygon or path.
    static func boxes(_ svg: String, id: String) throws -> [(minX: Double, maxX: Double)] {
        let pattern = try Regex<(Substring, Substring)>(
            "<g id=\"\(id)[^\"]*\" class=\"node[^\"]*\">\\n<title>[^<]*</title>\\n(?:<g [^>]*><a [^>]*>\\n)?<(?:polygon|path) [^>]*(?:points|d)=\"([^\"]+)\"")
        return svg.matches(of: pattern).map { match in
            let numbers = match.1.matches(of: /-?[\d.]+/).map { Double($0.0)! }
            let xs = stride(from: 0, to: numbers.count, by: 2).map { numbers[$0] }
            return (xs.min()!, xs.max()!)
        }
    }

    @Test func theLegendOfSmallWallMapsStaysSmall() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Before: 9.3 %, 7.2 % and 6.8 % (auto's cheapest strip, in free space beside a small map).
        // The denser blocks (2026-12-07) shrank the maps around the same strip: 7.05 % and 7.16 %
        // for furniture-20 and referral_loop; lost stages hanging under their column (2026-12-07)
        // took a row of height off referral_loop: 8.05 %. Legend text at 14 pt like the rest of
        // the map (2026-12-08, the smallest text on a wall): 7.80 %, 7.27 % and 8.67 %; blocks
        // with less air between their boxes (2026-12-08): 7.93 % and 9.13 %.
        for (file, view, most) in [("Tests/Fixtures/furniture-20.cjm", "flow", 0.081), ("Tests/Fixtures/spec-example.cjm", "flow", 0.074),
                                   ("templates/online-store.cjm", "referral_loop", 0.093)] {
            let (outcome, svg) = try DocsColumnTests.render(file, ["--view", view], into: folder, name: "\(view).svg")
            #expect(outcome.status == 0)
            let geometry = try Geometry(svg)
            #expect(geometry.legendArea > 0 && geometry.legendShare <= most, "\(file) \(view): \(geometry.legendShare)")
        }
    }

    @Test func markdownWarningsCountForStrict() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("guide.md")
        try """
            # Доска

            ```cjm view=board width=150 name=board
            journey "Салон" {
              phase look "Знакомство"
              phase buy "Покупка"
              touchpoint visit "Визит в салон" phase: look {
                action "Смотрит образцы"
                feedback "Опрос на выходе"
              }
              touchpoint order "Заказ" phase: buy {
                action "Оформляет заказ"
                feedback "Звонок после доставки"
              }
            }
            ```
            """.write(to: document, atomically: true, encoding: .utf8)
        let svg = folder.appendingPathComponent("board.svg")
        let strict = try CJMProcess.run(["md", "--strict", document.path])
        #expect(strict.status == 1, "\(strict.stderr)")
        #expect(strict.stderr.contains("guide.md:3:1: warning[W103]") && strict.stderr.contains("--strict"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: svg.path), "--strict writes nothing")
        let render = try CJMProcess.run(["render", "--strict", folder.path])
        #expect(render.status == 1 && render.stderr.contains("warning[W103]"), "\(render.stderr)")
        #expect(!FileManager.default.fileExists(atPath: svg.path))
        let plain = try CJMProcess.run(["md", document.path])
        #expect(plain.status == 0 && plain.stderr.contains("warning[W103]"))
        #expect(FileManager.default.fileExists(atPath: svg.path))
        // Legible at its width: --strict passes.
        try String(contentsOf: document, encoding: .utf8).replacingOccurrences(of: "width=150", with: "width=800")
            .write(to: document, atomically: true, encoding: .utf8)
        let legible = try CJMProcess.run(["md", "--strict", document.path])
        #expect(legible.status == 0, "\(legible.stderr)")
    }
}
