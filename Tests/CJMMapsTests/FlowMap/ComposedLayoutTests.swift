@testable import CJMMaps
import CJMModel
import CJMSyntax
import CJMViewGraph
import Foundation
import Synchronization
import Testing

/// Properties of the composed flow map, checked from the coordinates the composition wrote:
/// nothing overlaps, blocks read left to right, large maps have the shape of a sheet, the same
/// journey composes the same way. On the templates and on journeys from
/// scripts/generate-journey.py, their blocks laid out for real by `dot` in a worker.
@Suite(.enabled(if: ComposedMaps.workerIsBuilt, "needs the built cjm executable"))
struct ComposedLayoutTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A template or a generated journey, checked.
    static func journey(_ name: String) throws -> Journey {
        let text: String
        if let elements = Int(name) {
            text = try generated(elements: elements)
        } else {
            text = try String(contentsOf: root.appendingPathComponent("templates/\(name).cjm"), encoding: .utf8)
        }
        let result = Checker.check(SourceFile(path: "\(name).cjm", text: text))
        return try #require(result.journey, "\(result.diagnostics)")
    }

    /// What `scripts/generate-journey.py --elements N` writes (seed 1).
    static func generated(elements: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", root.appendingPathComponent("scripts/generate-journey.py").path, "--elements", String(elements)]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 scripts/generate-journey.py failed (is python3 installed?)")
        return String(decoding: data, as: UTF8.self)
    }

    /// Composed once per run: several tests read the same large maps.
    static let cache = Mutex<[String: ViewGraph]>([:])

    static func composed(_ name: String) throws -> ViewGraph {
        if let graph = cache.withLock({ $0[name] }) { return graph }
        let graph = try ComposedMaps.compose(FlowMap.draft(journey(name), theme: .named(.default)))
        cache.withLock { $0[name] = graph }
        return graph
    }

    static let maps = ["service-center", "online-store", "100", "1000", "5000"]

    @Test(arguments: maps) func everythingIsPlacedAndNothingOverlaps(_ name: String) throws {
        let graph = try Self.composed(name)
        #expect(graph.layout == .pinned)
        let boxes = try graph.nodes.map { node in
            Rect(centre: try #require(node.position, "\(node.id) has no position"), size: try #require(node.size, "\(node.id) has no size"))
        }
        for edge in graph.edges {
            let route = try #require(edge.route, "\(edge.id) has no route")
            #expect(route.points.count >= 4 && route.points.count % 3 == 1, "\(edge.id)")
            #expect(edge.label == nil || route.labelCentre != nil, "\(edge.id) has a label but no place for it")
        }
        for cluster in graph.clusters { #expect(cluster.frame != nil, "\(cluster.id) has no frame") }

        #expect(Self.overlaps(boxes).isEmpty, "nodes overlap: \(Self.overlaps(boxes).prefix(3).map { (graph.nodes[$0.0].id, graph.nodes[$0.1].id) })")
        let labelled = graph.edges.filter { $0.route?.labelCentre != nil }
        let labels = labelled.map { Rect(centre: $0.route!.labelCentre!, size: $0.route!.labelSize ?? Size(width: 0, height: 0)) }
        let mixed = Self.overlaps(boxes + labels).filter { $0.1 >= boxes.count }
        let names = mixed.prefix(3).map { pair in
            [pair.0, pair.1].map { $0 < boxes.count ? graph.nodes[$0].id : "label of " + labelled[$0 - boxes.count].id }
        }
        #expect(mixed.isEmpty, "\(mixed.count) edge labels overlap a node or another label: \(names)")

        // Every node inside its cluster's frame, every cluster inside its parent's.
        let frames = Dictionary(uniqueKeysWithValues: graph.clusters.map { ($0.id, $0.frame!) })
        for (node, box) in zip(graph.nodes, boxes) {
            guard let cluster = node.cluster, let frame = frames[cluster] else { continue }
            #expect(frame.insetBy(-0.5).contains(box), "\(node.id) sticks out of \(cluster)")
        }
        for cluster in graph.clusters {
            guard let parent = cluster.parent, let outer = frames[parent] else { continue }
            #expect(outer.insetBy(-0.5).contains(frames[cluster.id]!), "\(cluster.id) sticks out of \(parent)")
        }
        // Top-level frames do not overlap one another.
        let top = graph.clusters.filter { $0.parent == nil }.map { frames[$0.id]! }
        #expect(Self.overlaps(top).isEmpty)
    }

    @Test(arguments: maps) func blocksReadLeftToRight(_ name: String) throws {
        let graph = try Self.composed(name)
        let order = ["touchpoint", "channel", "crm", "leads", "pipeline", "site", "ads"]
        let blocks = graph.clusters.filter { $0.parent == nil && !$0.classes.contains("legend") }
        let ranks = blocks.map { block in (order.firstIndex { block.classes.contains($0) } ?? -1, block.frame!) }
        for (a, b) in zip(ranks, ranks.dropFirst()) where a.0 >= 0 && b.0 >= 0 {
            let (left, right) = a.0 < b.0 ? (a, b) : (b, a)
            if left.0 != right.0 { #expect(left.1.maxX <= right.1.minX + 0.5, "block \(order[left.0]) is not left of \(order[right.0])") }
        }
    }

    /// Most crossings allowed, a little above what the layout gives (2026-12-08, text at 14 pt,
    /// tighter blocks, gutters in their least-crossing order: 36, 32, 18 and 2,508; the
    /// single-`dot` layout before the block layout gave 49 at 140 elements, D2 with ELK 75 and
    /// 3,064, benchmarks/README.md), so a regression fails.
    static let crossingBounds: [String: Int] = ["service-center": 38, "online-store": 36, "100": 22, "1000": 2_650]

    @Test(arguments: ["service-center", "online-store", "100", "1000"]) func flowsCrossFewTimes(_ name: String) throws {
        let crossings = Self.crossings(try Self.composed(name))
        #expect(crossings <= Self.crossingBounds[name]!, "\(crossings) crossings")
    }

    /// Each touchpoint stands in its channel's row: the channel is level with the rows of its
    /// touchpoints, so their lines run along the row and cross no other touchpoint's.
    @Test(arguments: ["service-center", "1000"]) func touchpointsStandInTheirChannelsRows(_ name: String) throws {
        let graph = try Self.composed(name)
        var span: [String: ClosedRange<Double>] = [:]
        for edge in graph.edges where edge.classes.contains("touchpoint") {
            guard let touchpoint = graph.nodes.first(where: { $0.id == edge.to }), let centre = touchpoint.position,
                  let size = touchpoint.size else { continue }
            let own = (centre.y - size.height / 2)...(centre.y + size.height / 2)
            span[edge.from] = span[edge.from].map { min($0.lowerBound, own.lowerBound)...max($0.upperBound, own.upperBound) } ?? own
        }
        #expect(!span.isEmpty)
        for (channel, rows) in span {
            let y = try #require(graph.nodes.first { $0.id == channel }?.position).y
            #expect(rows.contains(y), "\(channel) at \(Int(y)) is not level with its touchpoints (\(Int(rows.lowerBound))…\(Int(rows.upperBound)))")
        }
    }

    @Test(arguments: ["300", "1000", "5000"]) func largeMapsHaveTheShapeOfALandscapeSheet(_ name: String) throws {
        let graph = try Self.composed(name)
        let bounds = Self.bounds(graph)
        let aspect = bounds.width / bounds.height
        #expect(aspect >= 1 && aspect <= 2, "\(Int(bounds.width)) × \(Int(bounds.height)) pt")
    }

    /// Fitted to an A0 sheet, a 500-element map prints its smallest text at 8 pt or more (the
    /// README's rule of thumb for one sheet), and the 1,010-element one at 6.5 pt or more
    /// (issue 17 asks for 8 there; benchmarks/README.md says why that is not reached). A
    /// looser arrangement, looser blocks or text set smaller than the body fail it.
    @Test(arguments: [("500", 8.0), ("1000", 6.5)]) func mapsPrintOnA0AtTheirFloor(_ name: String, floor: Double) throws {
        let graph = try Self.composed(name)
        let bounds = Self.bounds(graph)
        let smallest = graph.nodes.map { $0.style.fontSize ?? graph.style.fontSize }.min() ?? graph.style.fontSize
        let a0 = (long: 1189 / 25.4 * 72, short: 841 / 25.4 * 72)
        let scale = max(min(a0.long / bounds.width, a0.short / bounds.height), min(a0.short / bounds.width, a0.long / bounds.height))
        #expect(smallest * scale >= floor, "\(Int(bounds.width)) × \(Int(bounds.height)) pt: \(smallest) pt text prints at \(smallest * scale) pt")
    }

    /// A block's title stands on one line inside its frame: the 100-element map's «Сайт
    /// компании» once ran past its narrow frame. (Frames inside a block are `dot`'s, which
    /// sizes them to their titles itself.)
    @Test(arguments: maps) func everyBlockIsAsWideAsItsTitle(_ name: String) throws {
        let graph = try Self.composed(name)
        for cluster in graph.clusters where cluster.parent == nil {
            guard let label = cluster.label, let frame = cluster.frame else { continue }
            let title = TextMeasure(fontSize: cluster.fontSize ?? graph.style.fontSize).width(of: label)
            #expect(frame.width >= title + 8, "\(cluster.id): «\(label)» is \(Int(title)) pt in a frame \(Int(frame.width)) pt wide")
        }
    }

    @Test(arguments: ["service-center", "1000"]) func theSameJourneyComposesTheSame(_ name: String) throws {
        let draft = FlowMap.draft(try Self.journey(name), theme: .named(.default))
        let first = try ComposedMaps.compose(draft)
        let second = try ComposedMaps.compose(FlowMap.draft(try Self.journey(name), theme: .named(.default)))
        #expect(first == second)
        // Every block laid out in a worker of its own comes out as in the shared worker: a
        // block's layout does not depend on what the worker laid out before it.
        let together = try ComposedMaps.geometries(draft)
        for index in Array(draft.blocks.indices).suffix(3) {
            let alone = try ComposedMaps.renderer().layOut([draft.blocks[index]]).get().geometries
            #expect(alone == [together[index]], "\(draft.blocks[index].id)")
        }
    }

    @Test func everyLabelIdClassTooltipAndLinkReachesTheSVG() throws {
        let draft = FlowMap.draft(try Self.journey("service-center"), theme: .named(.default))
        let svg = try ComposedMaps.svg(try ComposedMaps.compose(draft)).replacing("&#45;", with: "-")
        for node in draft.graph.nodes {
            #expect(svg.contains("id=\"\(node.id)\""), "no \(node.id)")
            #expect(svg.contains("class=\"node \(node.classes.joined(separator: " "))\""), "no classes of \(node.id)")
        }
        for edge in draft.graph.edges where edge.style.line != .invisible {
            #expect(svg.contains("id=\"\(edge.id)\""), "no \(edge.id)")
        }
        for cluster in draft.graph.clusters { #expect(svg.contains("id=\"\(cluster.id)\""), "no \(cluster.id)") }
        for url in draft.graph.nodes.compactMap(\.url) where !url.contains("\"") { #expect(svg.contains("href=\"\(url)\""), "no link \(url)") }
        #expect(!svg.contains("class=\"layout\""))
    }

    /// Pairs of boxes whose interiors meet (half a point of slack for rounding).
    static func overlaps(_ boxes: [Rect]) -> [(Int, Int)] {
        let order = boxes.indices.sorted { boxes[$0].minX < boxes[$1].minX }
        var active: [Int] = []
        var result: [(Int, Int)] = []
        for index in order {
            let box = boxes[index].insetBy(0.5)
            active.removeAll { boxes[$0].maxX - 0.5 <= box.minX }
            for other in active where boxes[other].insetBy(0.5).overlaps(box) { result.append((min(other, index), max(other, index))) }
            active.append(index)
        }
        return result
    }

    /// Crossings counted as `scripts/svg-metrics.py` counts them in the SVG: each edge's
    /// control polygon against every other's, proper intersections only, edges sharing a node
    /// not compared; the legend's edges left out.
    static func crossings(_ graph: ViewGraph) -> Int {
        var segments: [(edge: Int, a: Point, b: Point)] = []
        let edges = graph.edges.filter { $0.route != nil && !$0.classes.contains("legend") }
        for (index, edge) in edges.enumerated() {
            for (a, b) in zip(edge.route!.points, edge.route!.points.dropFirst()) where a != b { segments.append((index, a, b)) }
        }
        func cross(_ o: Point, _ a: Point, _ b: Point) -> Double { (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x) }
        func meet(_ p1: Point, _ p2: Point, _ p3: Point, _ p4: Point) -> Bool {
            let d1 = cross(p3, p4, p1), d2 = cross(p3, p4, p2), d3 = cross(p1, p2, p3), d4 = cross(p1, p2, p4)
            return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))
        }
        // A grid of 200-point cells, so only segments near each other are compared.
        var cells: [Int: [Int]] = [:]
        for (number, segment) in segments.enumerated() {
            let x0 = Int((min(segment.a.x, segment.b.x) / 200).rounded(.down)), x1 = Int((max(segment.a.x, segment.b.x) / 200).rounded(.down))
            let y0 = Int((min(segment.a.y, segment.b.y) / 200).rounded(.down)), y1 = Int((max(segment.a.y, segment.b.y) / 200).rounded(.down))
            for x in x0...x1 { for y in y0...y1 { cells[(x + 10_000) * 100_000 + y + 10_000, default: []].append(number) } }
        }
        var seen = Set<Int>()
        var count = 0
        for members in cells.values {
            for i in members.indices {
                for j in members.indices where j > i {
                    let s = segments[members[i]], t = segments[members[j]]
                    let (e, f) = (edges[s.edge], edges[t.edge])
                    guard s.edge != t.edge, !Set([e.from, e.to]).contains(f.from), !Set([e.from, e.to]).contains(f.to),
                          seen.insert(members[i] * segments.count + members[j]).inserted else { continue }
                    if meet(s.a, s.b, t.a, t.b) { count += 1 }
                }
            }
        }
        return count
    }

    /// Everything drawn: nodes, frames and routes.
    static func bounds(_ graph: ViewGraph) -> Rect {
        var rects = graph.clusters.compactMap(\.frame)
        rects += graph.nodes.compactMap { node in node.position.map { Rect(centre: $0, size: node.size ?? Size(width: 0, height: 0)) } }
        rects += graph.edges.flatMap { $0.route?.points.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) } ?? [] }
        return rects.dropFirst().reduce(rects[0]) { $0.union($1) }
    }
}
