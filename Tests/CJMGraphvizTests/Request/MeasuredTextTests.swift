import Foundation
import Testing
import CJMViewGraph
@testable import CJMGraphviz

/// The label lines a layout worker measured, handed on to the render worker
/// (`MeasuredText`): carried in the layout answer, taken by an SVG or DOT render, and ignored
/// by the formats cairo draws.
@Suite struct MeasuredTextTests {
    let graph = SampleGraphs.smallFlow()

    /// The width, in inches, that the DOT gives the node Graphviz named `name`.
    static func width(of name: String, in dot: String) -> Double? {
        guard let start = dot.range(of: "\t\(name)\t["), let end = dot[start.upperBound...].firstIndex(of: "]") else { return nil }
        let attributes = dot[start.upperBound..<end].split(whereSeparator: { " \t\n,".contains($0) })
        return attributes.first { $0.hasPrefix("width=") }.map { Double($0.dropFirst("width=".count)) ?? 0 } ?? 0.75
    }

    @Test func aLayoutAnswerCarriesEveryLabelLineItMeasured() throws {
        let answer = try Worker.renderer().layOut([graph]).get()
        let texts = Set(answer.measuredText.lines.map { String(decoding: $0.text, as: UTF8.self) })
        for line in graph.nodes.flatMap(\.label) + ["68%"] {
            #expect(texts.contains(line), "\(line) was not handed on")
        }
        #expect(answer.measuredText.lines.allSatisfy { $0.width > 0 && $0.height > 0 && $0.measured == 1 })
        // Each line once, in the order first measured.
        #expect(answer.measuredText.lines.count == Set(answer.measuredText.lines.map { [$0.text, $0.font] }).count)
    }

    /// The render takes what it is handed instead of measuring: a line handed on as 500 pt
    /// wide makes its node that wide in DOT, while the same request drawn by cairo (PNG)
    /// measures for itself, and a request without measurements draws as before.
    @Test func aRenderTakesTheLinesItIsHanded() throws {
        let measured = try Worker.renderer().layOut([graph]).get().measuredText
        var widened = measured
        let index = try #require(widened.lines.firstIndex { String(decoding: $0.text, as: UTF8.self) == "Квалификация" })
        widened.lines[index].width = 500
        // `leads-qualify` is the second node, which the lowering names n2.
        let plain = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .dot)), as: UTF8.self)
        let given = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .dot, measuredText: measured)), as: UTF8.self)
        let faked = String(decoding: try Worker.bytes(RenderRequest(graph: graph, format: .dot, measuredText: widened)), as: UTF8.self)
        #expect(given == plain)
        let plainWidth = try #require(Self.width(of: "n2", in: plain)), fakedWidth = try #require(Self.width(of: "n2", in: faked))
        #expect(plainWidth < 3)
        #expect(fakedWidth > 500 / 72)
        let png = try Worker.map(RenderRequest(graph: graph, format: .png, measuredText: widened))
        let pngPlain = try Worker.map(RenderRequest(graph: graph, format: .png))
        #expect(png.bytes == pngPlain.bytes)
    }

    @Test func measuredTextRoundTripsAndRefusesDamage() throws {
        let measured = try Worker.renderer().layOut([graph]).get().measuredText
        let request = RenderRequest(graph: graph, format: .svg, measuredText: measured)
        #expect(try RenderRequest(wireBytes: request.wireBytes) == request)
        let geometries = try Worker.renderer().layOut([graph]).get().geometries
        let answer = try GeometryWire.geometries(GeometryWire.bytes(geometries, measuredText: measured))
        #expect(answer.geometries == geometries && answer.measuredText == measured)
        // An answer cut inside its measurements is refused, not half read.
        let bytes = GeometryWire.bytes(geometries, measuredText: measured)
        #expect(throws: RenderFailure.self) { try GeometryWire.geometries(Array(bytes.dropLast(3))) }
    }
}
