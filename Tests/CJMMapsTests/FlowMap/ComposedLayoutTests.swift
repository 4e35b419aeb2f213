import CJMMaps
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

    @Test(arguments: ["300", "1000", "5000"]) func largeMapsHaveTheShapeOfALandscapeSheet(_ name: String) throws {
        let graph = try Self.composed(name)
        let bounds = Self.bounds(graph)
        let aspect = bounds.width / bounds.height
        #expect(aspect >= 1 && aspect <= 2, "\(Int(bounds.width)) × \(Int(bounds.height)) pt")
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

    /// Everything drawn: nodes, frames and routes.
    static func bounds(_ graph: ViewGraph) -> Rect {
        var rects = graph.clusters.compactMap(\.frame)
        rects += graph.nodes.compactMap { node in node.position.map { Rect(centre: $0, size: node.size ?? Size(width: 0, height: 0)) } }
        rects += graph.edges.flatMap { $0.route?.points.map { Rect(x: $0.x, y: $0.y, width: 0, height: 0) } ?? [] }
        return rects.dropFirst().reduce(rects[0]) { $0.union($1) }
    }
}
