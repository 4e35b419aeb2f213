import Foundation
import Testing
import CJMViewGraph
@testable import CJMGraphviz

/// User text and links that would break or abuse the SVG reach it only as literal text.
@Suite struct HostileInputTests {
    static let hostile = ["<script>alert(1)</script>", "say \"hi\"", "\\N and \\n and \\G", "&lt; &amp; & <!-- -->", "]]> '"]

    @Test func hostileLabelsShowLiterallyInWellFormedSVG() throws {
        var graph = ViewGraph(id: "x--y", title: Self.hostile[2])
        graph.clusters = [Cluster(id: "c--1", label: Self.hostile[3])]
        graph.nodes = [
            Node(id: "a--<b>", label: Self.hostile, tooltip: Self.hostile.joined(separator: "\n"), cluster: "c--1"),
            Node(id: "z", label: [Self.hostile[1]]),
        ]
        graph.edges = [Edge(id: "e", from: "a--<b>", to: "z", label: Self.hostile[0], tooltip: "\\N")]
        let svg = try Worker.bytes(RenderRequest(graph: graph, format: .svg))
        let parsed = try #require(try Tool.parseSVG(svg))
        for text in Self.hostile { #expect(parsed.texts.contains(text), "not literal: \(text)") }
        #expect(parsed.links.first?.title == Self.hostile.joined(separator: "\n"))
        let source = String(decoding: svg, as: UTF8.self)
        #expect(!source.contains("<script>"))
        #expect(parsed.groups.allSatisfy { !$0.id.contains("--") })
    }

    @Test func javascriptURLIsRefused() {
        var graph = ViewGraph(id: "g")
        graph.nodes = [Node(id: "a", label: ["Главная"], url: "javascript:alert(document.cookie)")]
        let result = Worker.render(RenderRequest(graph: graph, format: .svg))
        guard case .failure(.invalidGraph(let message)) = result else {
            Issue.record("expected a refusal, got \(result)")
            return
        }
        #expect(message.contains("only http, https, mailto, tel and relative links"))
    }

    @Test func urlWithQuotesAndSpacesIsPercentEncoded() throws {
        var graph = ViewGraph(id: "g")
        graph.nodes = [Node(id: "a", label: ["Главная"], url: "https://shop.example/a page\" onload=\"x?q=1&r=<2>")]
        let svg = try Worker.bytes(RenderRequest(graph: graph, format: .svg))
        let parsed = try #require(try Tool.parseSVG(svg))
        #expect(parsed.links.map(\.href) == ["https://shop.example/a%20page%22%20onload=%22x?q=1&r=%3C2%3E"])
    }

    @Test func aColourThatIsNotAColourIsRefused() {
        var graph = ViewGraph(id: "g")
        graph.nodes = [Node(id: "a", label: ["x"], style: NodeStyle(fill: "red\" onload=\"x"))]
        let result = Worker.render(RenderRequest(graph: graph, format: .svg))
        #expect(throws: RenderFailure.self) { try result.get() }
    }
}
