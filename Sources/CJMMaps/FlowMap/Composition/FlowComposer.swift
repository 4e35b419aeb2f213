import CJMViewGraph

/// Composes the pinned flow map from the `dot` layouts of its units: sizes the pieces,
/// orders the stacks, arranges everything into a sheet (`SheetArrangement`), routes the flows
/// between pieces (`FlowRouter`), places their labels (`LabelPlacer`) and writes every
/// position into the graph. Inside a unit, `dot`'s own placement and curves are kept, moved
/// as a whole. Works in screen coordinates (y down) and turns them into Graphviz's (y up) at
/// the end.
///
/// A map read down (`BlockPlan.transposed`) is arranged and routed transposed — every box
/// with x and y swapped, so sections still run along x — and swapped back when assembled:
/// the sections then run top to bottom, and each block, laid out by `dot` top to bottom,
/// keeps its own drawing.
struct FlowComposer {
    private let graph: ViewGraph
    private var plan: BlockPlan
    private let geometries: [GraphGeometry]

    /// Node index by id.
    private var nodeIndex: [String: Int] = [:]
    /// The unit that placed each node (block units) or measured it (stacks).
    private var unitOfNode: [Int?]
    /// Each node's box inside its unit, screen coordinates with the unit box's corner at 0
    /// (transposed for a map read down, as everything the arrangement sees).
    private var localRect: [Rect]
    /// Each unit's box in its own Graphviz coordinates.
    private var unitBox: [Rect] = []
    /// Each unit's size as the arrangement sees it (transposed for a map read down).
    private var unitExtent: [Size] = []
    /// Each legend strip's node boxes inside it, as `localRect` (the strips share nodes).
    private var legendLocal: [Int: [Int: Rect]] = [:]
    private let transposed: Bool
    /// The widest a map read down should be, in points.
    private let fitWidth: Double?
    private let sheetAspects: [Double]
    /// The mean x of what each node's flows reach, once a first arrangement has placed them.
    private var neighbourX: [Double]

    static let labelPadding = 6.0
    /// The share of `fitWidth` the arrangement aims at: routing may widen the gaps after.
    static let routingAllowance = 0.95

    init(graph: ViewGraph, plan: BlockPlan, geometries: [GraphGeometry], fitWidth: Double? = nil, sheetAspects: [Double] = []) {
        self.graph = graph
        self.plan = plan
        self.geometries = geometries
        self.fitWidth = fitWidth
        self.sheetAspects = sheetAspects
        transposed = plan.transposed
        let legendUnits = Set(plan.legends.map(\.unit))
        unitOfNode = Array(repeating: nil, count: graph.nodes.count)
        localRect = Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: graph.nodes.count)
        neighbourX = Array(repeating: 0, count: graph.nodes.count)
        for (index, node) in graph.nodes.enumerated() { nodeIndex[node.id] = index }
        for (unit, entry) in plan.units.enumerated() {
            let geometry = geometries[unit]
            var box = geometry.clusters.first ?? geometry.nodes.first ?? Rect(x: 0, y: 0, width: 0, height: 0)
            for rect in geometry.clusters + geometry.nodes { box = box.union(rect) }
            for route in geometry.edges {
                if let route, let centre = route.labelCentre, let size = route.labelSize { box = box.union(Rect(centre: centre, size: size)) }
            }
            unitBox.append(box)
            unitExtent.append(transposed ? Size(width: box.height, height: box.width) : Size(width: box.width, height: box.height))
            for (position, node) in entry.graph.nodes.enumerated() {
                guard let index = nodeIndex[node.id] else { continue }
                let rect = geometry.nodes[position]
                let local = entry.measuresOnly
                    ? Rect(x: 0, y: 0, width: rect.width, height: rect.height)
                    : Rect(x: rect.minX - box.minX, y: box.maxY - rect.maxY, width: rect.width, height: rect.height)
                if legendUnits.contains(unit) {
                    legendLocal[unit, default: [:]][index] = Self.swapped(local, transposed)
                } else {
                    unitOfNode[index] = unit
                    localRect[index] = Self.swapped(local, transposed)
                }
            }
        }
    }

    mutating func compose() -> ViewGraph {
        orderStacks()
        var sheet = arrangement()
        var (limit, first) = sheet.best()
        // Stacks that follow their neighbours are sorted again by where those ended up.
        if reorderByNeighbourHeight(Layout(composer: self, result: first)) {
            sheet = arrangement()
            first = sheet.arrange(limit: limit)
        }
        align(&first, sheet)
        var layout = Layout(composer: self, result: first)
        var routed = layout.route(composer: self)
        let current = (0...first.columns.count).map { index -> Double in
            let gutter = FlowRouter(columns: first.columns, bounds: first.bounds, extraBlocked: []).gutter(index)
            return gutter.upperBound - gutter.lowerBound
        }
        if zip(routed.gutterWidths, current).contains(where: { $0 > $1 + 0.5 }) {
            var wider = sheet.arrange(limit: limit, gaps: zip(routed.gutterWidths, current).map { max($0, $1) })
            align(&wider, sheet)
            layout = Layout(composer: self, result: wider)
            routed = layout.route(composer: self)
        }
        return assemble(layout, routed.routes)
    }

    private func arrangement() -> SheetArrangement {
        SheetArrangement(sections: plan.sections.map { section in
            section.groups.map { group in
                SheetArrangement.Group(band: group.frame.map(bandHeight), sizes: group.pieces.map(size), gridded: group.ordersByNeighbours,
                                       across: group.pieces.map { piece in
                                           guard case .node(let node) = piece else { return 0 }
                                           return neighbourX[node]
                                       },
                                       titleLength: group.frame.map(titleLength) ?? 0, rows: group.rows,
                                       rowMinimum: group.rowAnchors.map { anchor in anchor.map { localRect[$0].height } ?? 0 })
            }
        }, bandsAcross: transposed, target: transposed ? .height((fitWidth ?? .infinity) * Self.routingAllowance) : .landscapeSheet)
    }

    /// `rect` with x and y swapped when `transposed` (a map read down), else as it is.
    static func swapped(_ rect: Rect, _ transposed: Bool) -> Rect {
        transposed ? Rect(x: rect.minY, y: rect.minX, width: rect.height, height: rect.width) : rect
    }

    static func swapped(_ point: Point, _ transposed: Bool) -> Point {
        transposed ? Point(x: point.y, y: point.x) : point
    }

    /// How long a frame's title runs, in points.
    private func titleLength(_ frame: String) -> Double {
        guard let cluster = graph.clusters.first(where: { $0.id == frame }), let label = cluster.label else { return 0 }
        return TextMeasure(fontSize: cluster.fontSize ?? graph.style.fontSize).width(of: label)
    }

    /// Moves the pieces of each group that aligns with a section level with the mean height
    /// of what they reach there, when the group stands in one column.
    private func align(_ result: inout SheetArrangement.Result, _ sheet: SheetArrangement) {
        for (s, section) in plan.sections.enumerated() {
            for (g, group) in section.groups.enumerated() {
                guard let other = group.alignsWithSection, sheet.isOneColumn(section: s, group: g, in: result) else { continue }
                let layout = Layout(composer: self, result: result)
                var inOther = Set<Int>()
                for otherGroup in plan.sections[other].groups {
                    for piece in otherGroup.pieces {
                        switch piece {
                        case .node(let node): inOther.insert(node)
                        case .unit(let unit):
                            for node in plan.units[unit].graph.nodes { if let index = nodeIndex[node.id] { inOther.insert(index) } }
                        }
                    }
                }
                var sum: [Int: Double] = [:], count: [Int: Int] = [:]
                for edge in graph.edges where edge.style.line != .invisible {
                    guard let a = nodeIndex[edge.from], let b = nodeIndex[edge.to] else { continue }
                    for (mine, theirs) in [(a, b), (b, a)] where inOther.contains(theirs) {
                        sum[mine, default: 0] += layout.nodeRect[theirs].centre.y
                        count[mine, default: 0] += 1
                    }
                }
                let rects = result.pieces[s][g]
                let targets = group.pieces.map { piece -> Double? in
                    guard case .node(let node) = piece, let n = count[node] else { return nil }
                    return sum[node]! / Double(n)
                }
                guard targets.contains(where: { $0 != nil }) else { continue }
                let top = SheetArrangement.margin + (transposed ? 0 : group.frame.map(bandHeight) ?? 0) + SheetArrangement.framePadding
                let centres = LevelAlignment.centres(heights: rects.map(\.height), targets: targets, gap: SheetArrangement.pieceGap, top: top)
                sheet.move(section: s, group: g, centres: centres, in: &result)
            }
        }
    }

    /// Sorts each group that follows its neighbours by the mean height of what its flows
    /// reach in `layout`; true when some order changed.
    private mutating func reorderByNeighbourHeight(_ layout: Layout) -> Bool {
        var groupOf = Array(repeating: -1, count: graph.nodes.count)
        var groupCount = 0
        for section in plan.sections {
            for group in section.groups {
                for case .node(let node) in group.pieces { groupOf[node] = groupCount }
                groupCount += 1
            }
        }
        var sum = Array(repeating: 0.0, count: graph.nodes.count)
        var sumX = Array(repeating: 0.0, count: graph.nodes.count)
        var count = Array(repeating: 0.0, count: graph.nodes.count)
        let section = sectionOfNodes()
        for edge in graph.edges where edge.style.line != .invisible {
            guard let a = nodeIndex[edge.from], let b = nodeIndex[edge.to], groupOf[a] != groupOf[b] || groupOf[a] < 0 else { continue }
            let weight = Self.neighbourWeight(section[a], section[b])
            sum[a] += weight * layout.nodeRect[b].centre.y
            sumX[a] += weight * layout.nodeRect[b].centre.x
            count[a] += weight
            sum[b] += weight * layout.nodeRect[a].centre.y
            sumX[b] += weight * layout.nodeRect[a].centre.x
            count[b] += weight
        }
        for node in graph.nodes.indices where count[node] > 0 { neighbourX[node] = sumX[node] / count[node] }
        var changed = false
        for s in plan.sections.indices {
            for g in plan.sections[s].groups.indices where plan.sections[s].groups[g].ordersByNeighbours {
                let pieces = plan.sections[s].groups[g].pieces
                let keys = pieces.map { piece -> Double in
                    guard case .node(let node) = piece else { return 0 }
                    return count[node] > 0 ? sum[node] / count[node] : layout.nodeRect[node].centre.y
                }
                let order = pieces.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
                if order != Array(pieces.indices) { changed = true }
                plan.sections[s].groups[g].pieces = order.map { pieces[$0] }
            }
        }
        return changed
    }

    /// Each node's section in the plan (-1: none, the legend).
    private func sectionOfNodes() -> [Int] {
        var section = Array(repeating: -1, count: graph.nodes.count)
        for (s, entry) in plan.sections.enumerated() {
            for group in entry.groups {
                for piece in group.pieces {
                    switch piece {
                    case .node(let node): section[node] = s
                    case .unit(let unit):
                        for node in plan.units[unit].graph.nodes { if let index = nodeIndex[node.id] { section[index] = s } }
                    }
                }
            }
        }
        return section
    }

    /// How much a flow pulls a piece level with its other end when ordering a stack: fully
    /// from the next section (ads and their pages), little from far ones, whose lines travel
    /// the gutters anyway and would otherwise cross the near ones to keep level with them.
    static func neighbourWeight(_ a: Int, _ b: Int) -> Double {
        a < 0 || b < 0 || abs(a - b) <= 1 ? 1 : 0.05
    }

    // MARK: Pieces

    private func size(_ piece: BlockPlan.Piece) -> Size {
        switch piece {
        case .unit(let unit): unitExtent[unit]
        case .node(let node): Size(width: localRect[node].width, height: localRect[node].height)
        }
    }

    /// Room for a frame's title: its font's line with Graphviz's label padding.
    private func bandHeight(_ frame: String) -> Double {
        let size = graph.clusters.first { $0.id == frame }?.fontSize ?? graph.style.fontSize
        return (size * 1.25 + 10).rounded(.up)
    }

    /// Sorts the pieces of each group that asks for it by the mean position of what its
    /// flows reach, each position read within its own section (0 at its top, 1 at its end).
    private mutating func orderStacks() {
        var position = Array(repeating: Double.nan, count: graph.nodes.count)
        var groupOf = Array(repeating: -1, count: graph.nodes.count)
        var groupCount = 0
        for section in plan.sections {
            let total = Double(max(1, section.groups.reduce(0) { $0 + $1.pieces.count }))
            var ordinal = 0.0
            for group in section.groups {
                for piece in group.pieces {
                    switch piece {
                    case .node(let node):
                        position[node] = ordinal / total
                        groupOf[node] = groupCount
                    case .unit(let unit):
                        let height = max(unitExtent[unit].height, 1)
                        for node in plan.units[unit].graph.nodes {
                            guard let index = nodeIndex[node.id] else { continue }
                            position[index] = (ordinal + localRect[index].centre.y / height) / total
                            groupOf[index] = groupCount
                        }
                    }
                    ordinal += 1
                }
                groupCount += 1
            }
        }
        var sum = Array(repeating: 0.0, count: graph.nodes.count)
        var count = Array(repeating: 0.0, count: graph.nodes.count)
        let section = sectionOfNodes()
        for edge in graph.edges where edge.style.line != .invisible {
            guard let a = nodeIndex[edge.from], let b = nodeIndex[edge.to], groupOf[a] != groupOf[b],
                  !position[a].isNaN, !position[b].isNaN else { continue }
            let weight = Self.neighbourWeight(section[a], section[b])
            sum[a] += weight * position[b]
            count[a] += weight
            sum[b] += weight * position[a]
            count[b] += weight
        }
        for s in plan.sections.indices {
            for g in plan.sections[s].groups.indices where plan.sections[s].groups[g].ordersByNeighbours {
                let pieces = plan.sections[s].groups[g].pieces
                let keys = pieces.enumerated().map { offset, piece -> Double in
                    guard case .node(let node) = piece, count[node] > 0 else { return Double(offset) / Double(pieces.count) }
                    return sum[node] / Double(count[node])
                }
                let order = pieces.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
                plan.sections[s].groups[g].pieces = order.map { pieces[$0] }
            }
        }
    }

    // MARK: One arrangement

    /// Screen boxes of every node, unit and frame for one arrangement, and its columns.
    private struct Layout {
        var result: SheetArrangement.Result
        var nodeRect: [Rect]
        var unitOrigin: [Point]
        var nodeColumn: [Int]
        var frames: [String: Rect] = [:]
        var legend: Rect?
        /// The legend strip drawn (one of `BlockPlan.legends`).
        var legendUnit: Int?
        var bounds: Rect

        init(composer: FlowComposer, result: SheetArrangement.Result) {
            self.result = result
            nodeRect = composer.localRect
            unitOrigin = Array(repeating: Point(x: 0, y: 0), count: composer.plan.units.count)
            nodeColumn = Array(repeating: 0, count: composer.graph.nodes.count)
            var columnOf: [[[Int]]] = composer.plan.sections.map { $0.groups.map { Array(repeating: 0, count: $0.pieces.count) } }
            for (index, column) in result.columns.enumerated() {
                for entry in column.pieces { columnOf[column.section][entry.group][entry.piece] = index }
            }
            for (s, section) in composer.plan.sections.enumerated() {
                for (g, group) in section.groups.enumerated() {
                    if let frame = group.frame, let rect = result.frames[s][g] { frames[frame] = rect }
                    for (p, piece) in group.pieces.enumerated() {
                        let rect = result.pieces[s][g][p]
                        switch piece {
                        case .node(let node):
                            nodeRect[node] = rect
                            nodeColumn[node] = columnOf[s][g][p]
                        case .unit(let unit):
                            unitOrigin[unit] = Point(x: rect.minX, y: rect.minY)
                            for node in composer.plan.units[unit].graph.nodes {
                                guard let index = composer.nodeIndex[node.id] else { continue }
                                nodeRect[index] = composer.localRect[index].offsetBy(dx: rect.minX, dy: rect.minY)
                                nodeColumn[index] = columnOf[s][g][p]
                            }
                        }
                    }
                }
            }
            bounds = result.bounds
            if let (unit, rect) = composer.placeLegend(result) {
                unitOrigin[unit] = Point(x: rect.minX, y: rect.minY)
                for (index, local) in composer.legendLocal[unit] ?? [:] {
                    nodeRect[index] = local.offsetBy(dx: rect.minX, dy: rect.minY)
                    nodeColumn[index] = -1
                }
                legend = rect
                legendUnit = unit
                let real = FlowComposer.swapped(rect, composer.transposed)
                bounds = bounds.union(FlowComposer.swapped(Rect(x: real.minX, y: real.minY, width: real.width + SheetArrangement.margin,
                                                                height: real.height + SheetArrangement.margin), composer.transposed))
            }
        }

        /// The same boxes with x and y swapped: a transposed arrangement as it is drawn.
        func swapped() -> Layout {
            var copy = self
            copy.nodeRect = nodeRect.map { FlowComposer.swapped($0, true) }
            copy.unitOrigin = unitOrigin.map { FlowComposer.swapped($0, true) }
            copy.frames = frames.mapValues { FlowComposer.swapped($0, true) }
            copy.legend = legend.map { FlowComposer.swapped($0, true) }
            copy.bounds = FlowComposer.swapped(bounds, true)
            return copy
        }

        /// Every flow between two pieces, routed.
        func route(composer: FlowComposer) -> (routes: [Int: FlowRouter.Route], gutterWidths: [Double]) {
            var router = FlowRouter(columns: result.columns, bounds: bounds, extraBlocked: legend.map { [$0.insetBy(-8)] } ?? [])
            var requests: [FlowRouter.Request] = []
            var edges: [Int] = []
            for (index, edge) in composer.graph.edges.enumerated() where composer.isRouted(edge) {
                guard let a = composer.nodeIndex[edge.from], let b = composer.nodeIndex[edge.to],
                      nodeColumn[a] >= 0, nodeColumn[b] >= 0 else { continue }
                requests.append(FlowRouter.Request(from: endpoint(a, composer), to: endpoint(b, composer),
                                                   arrow: edge.style.arrowHead != .none, fromKey: a, toKey: b))
                edges.append(index)
            }
            let (routes, widths) = router.route(requests)
            var byEdge: [Int: FlowRouter.Route] = [:]
            for (edge, route) in zip(edges, routes) { byEdge[edge] = route }
            return (byEdge, widths)
        }

        private func endpoint(_ node: Int, _ composer: FlowComposer) -> FlowRouter.Endpoint {
            let rect = nodeRect[node]
            guard let unit = composer.unitOfNode[node], !composer.plan.units[unit].measuresOnly else {
                return FlowRouter.Endpoint(rect: rect, shell: rect, column: nodeColumn[node], obstacles: [])
            }
            let box = composer.unitExtent[unit]
            let origin = unitOrigin[unit]
            let shell = Rect(x: origin.x, y: origin.y, width: box.width, height: box.height)
            var obstacles: [Rect] = []
            for other in composer.plan.units[unit].graph.nodes {
                guard let index = composer.nodeIndex[other.id], index != node else { continue }
                obstacles.append(nodeRect[index])
            }
            return FlowRouter.Endpoint(rect: rect, shell: shell, column: nodeColumn[node], obstacles: obstacles)
        }
    }

    // MARK: The legend

    /// The legend strip to draw and where, in the arrangement's coordinates: for each strip
    /// the plan laid out, the first free spot along its side of the map (either end of the
    /// bottom edge, or of the right edge), else a place beyond that side; of those, the one
    /// whose map costs least (`mapCost`), the smaller map on a tie, then the plan's order.
    fileprivate func placeLegend(_ result: SheetArrangement.Result) -> (unit: Int, rect: Rect)? {
        guard !plan.legends.isEmpty else { return nil }
        let margin = SheetArrangement.margin
        // In the drawing's own coordinates (swapped back for a map read down).
        let bounds = Self.swapped(result.bounds, transposed)
        let taken = (result.columns.flatMap(\.boxes) + result.frames.flatMap { $0.compactMap { $0 } }).map { Self.swapped($0, transposed).insetBy(-12) }
        var best: (unit: Int, rect: Rect, cost: Double, area: Double)?
        for (unit, side) in plan.legends {
            let size = Size(width: unitBox[unit].width, height: unitBox[unit].height)
            let inside: [Point] = side == .right
                ? [Point(x: bounds.maxX - margin - size.width, y: margin), Point(x: bounds.maxX - margin - size.width, y: bounds.maxY - margin - size.height)]
                : [Point(x: margin, y: bounds.maxY - margin - size.height), Point(x: bounds.maxX - margin - size.width, y: bounds.maxY - margin - size.height)]
            var rect = side == .right ? Rect(x: bounds.maxX, y: margin, width: size.width, height: size.height)
                                      : Rect(x: margin, y: bounds.maxY, width: size.width, height: size.height)
            for corner in inside {
                let candidate = Rect(x: corner.x, y: corner.y, width: size.width, height: size.height)
                if candidate.minX >= margin - 0.5, candidate.minY >= margin - 0.5, !taken.contains(where: { $0.overlaps(candidate) }) {
                    rect = candidate
                    break
                }
            }
            let grown = bounds.union(Rect(x: rect.minX, y: rect.minY, width: rect.width + margin, height: rect.height + margin))
            let cost = mapCost(grown), area = grown.width * grown.height
            if best.map({ cost < $0.cost - 1e-6 || (abs(cost - $0.cost) <= 1e-6 && area < $0.area - 1e-6) }) ?? true {
                best = (unit, rect, cost, area)
            }
        }
        return best.map { ($0.unit, Self.swapped($0.rect, transposed)) }
    }

    /// How badly a drawing of `bounds` (its own coordinates) fits where it goes: on a sheet,
    /// the side of the sheet it needs; read down, its height once no wider than `fitWidth`;
    /// otherwise the landscape sheet the arrangement aims for (`SheetArrangement.cost`).
    private func mapCost(_ bounds: Rect) -> Double {
        if !sheetAspects.isEmpty {
            return sheetAspects.map { max(bounds.width / $0, bounds.height) }.min()!
        }
        if transposed {
            let most = fitWidth ?? .infinity
            return bounds.width > most + 0.5 ? 1e9 + bounds.width : bounds.height
        }
        return SheetArrangement.cost(bounds)
    }

    /// Whether `edge` is drawn by the router: visible and not inside one `dot` unit.
    private func isRouted(_ edge: Edge) -> Bool {
        guard edge.style.line != .invisible, let a = nodeIndex[edge.from], let b = nodeIndex[edge.to] else { return false }
        guard let unit = unitOfNode[a], unitOfNode[b] == unit else { return true }
        return plan.units[unit].measuresOnly
    }

    // MARK: The graph

    private func assemble(_ arranged: Layout, _ arrangedRoutes: [Int: FlowRouter.Route]) -> ViewGraph {
        let layout = transposed ? arranged.swapped() : arranged
        let routes = transposed ? arrangedRoutes.mapValues { route in
            FlowRouter.Route(points: route.points.map { Self.swapped($0, true) }, headTip: route.headTip.map { Self.swapped($0, true) })
        } : arrangedRoutes
        // The legend strips not drawn, and the unit each legend node was drawn in.
        let unused = Set(plan.legends.map(\.unit)).subtracting(layout.legendUnit.map { [$0] } ?? [])
        var unitOfNode = self.unitOfNode
        if let unit = layout.legendUnit { for index in (legendLocal[unit] ?? [:]).keys { unitOfNode[index] = unit } }
        var result = graph
        let bounds = layout.bounds
        let height = bounds.height
        func flip(_ point: Point) -> Point { Point(x: Self.rounded(point.x), y: Self.rounded(height - point.y)) }
        func flip(_ rect: Rect) -> Rect {
            Rect(x: Self.rounded(rect.minX), y: Self.rounded(height - rect.maxY), width: Self.rounded(rect.width), height: Self.rounded(rect.height))
        }
        // How each unit moved: Graphviz coordinates inside the unit to those of the map.
        let shifts = plan.units.indices.map { unit -> Point in
            let origin = layout.unitOrigin[unit], box = unitBox[unit]
            return Point(x: origin.x - box.minX, y: height - origin.y - box.maxY)
        }
        func shifted(_ point: Point, _ unit: Int) -> Point {
            Point(x: Self.rounded(point.x + shifts[unit].x), y: Self.rounded(point.y + shifts[unit].y))
        }

        for index in result.nodes.indices {
            let rect = layout.nodeRect[index]
            result.nodes[index].position = flip(rect.centre)
            result.nodes[index].size = Size(width: Self.rounded(rect.width), height: Self.rounded(rect.height))
        }
        var clusterFrame: [String: Rect] = [:]
        for (unit, entry) in plan.units.enumerated() where !entry.measuresOnly && !unused.contains(unit) {
            for (position, cluster) in entry.graph.clusters.enumerated() {
                let frame = geometries[unit].clusters[position]
                clusterFrame[cluster.id] = Rect(x: Self.rounded(frame.minX + shifts[unit].x), y: Self.rounded(frame.minY + shifts[unit].y),
                                                width: Self.rounded(frame.width), height: Self.rounded(frame.height))
            }
        }
        for (id, rect) in layout.frames { clusterFrame[id] = flip(rect) }
        for index in result.clusters.indices { result.clusters[index].frame = clusterFrame[result.clusters[index].id] }

        // Labels of routed edges go where nothing else is.
        var placer = LabelPlacer()
        for rect in layout.nodeRect { placer.block(rect) }
        for (id, rect) in layout.frames {
            let band = bandHeight(id)
            placer.block(Rect(x: rect.minX, y: rect.minY, width: rect.width, height: band))
        }
        if let legend = layout.legend { placer.block(legend) }
        for (unit, entry) in plan.units.enumerated() where !entry.measuresOnly && !unused.contains(unit) {
            let origin = layout.unitOrigin[unit], box = unitBox[unit]
            func screen(_ rect: Rect) -> Rect {
                Rect(x: rect.minX - box.minX + origin.x, y: box.maxY - rect.maxY + origin.y, width: rect.width, height: rect.height)
            }
            for (position, cluster) in entry.graph.clusters.enumerated() where cluster.label != nil {
                let frame = screen(geometries[unit].clusters[position])
                placer.block(Rect(x: frame.minX, y: frame.minY, width: frame.width, height: (cluster.fontSize ?? 14) * 1.25 + 8))
            }
            for route in geometries[unit].edges {
                if let route, let centre = route.labelCentre, let size = route.labelSize { placer.block(screen(Rect(centre: centre, size: size))) }
            }
        }

        let measure = TextMeasure(fontSize: graph.style.fontSize)
        var kept: [Edge] = []
        kept.reserveCapacity(result.edges.count)
        for (index, var edge) in result.edges.enumerated() {
            guard edge.style.line != .invisible, let a = nodeIndex[edge.from], let b = nodeIndex[edge.to] else { continue }
            if let route = routes[index] {
                var drawn = EdgeRoute(points: RoundedPath.bezier(route.points).map(flip), headTip: route.headTip.map(flip))
                if let label = edge.label {
                    let size = Size(width: measure.width(of: label) + Self.labelPadding, height: graph.style.fontSize * 1.2 + 4)
                    let centre = placer.place(size, along: route.points, within: bounds) ?? Self.midpoint(route.points)
                    drawn.labelCentre = flip(centre)
                    drawn.labelSize = size
                }
                edge.route = drawn
            } else if let unit = unitOfNode[a], unitOfNode[b] == unit, let position = plan.units[unit].graph.edges.firstIndex(where: { $0.id == edge.id }),
                      let route = geometries[unit].edges[position] {
                edge.route = EdgeRoute(points: route.points.map { shifted($0, unit) }, headTip: route.headTip.map { shifted($0, unit) },
                                       tailTip: route.tailTip.map { shifted($0, unit) }, labelCentre: route.labelCentre.map { shifted($0, unit) },
                                       labelSize: route.labelSize)
            } else {
                // Not drawn by `dot` and not routed: a straight line keeps the flow on the map.
                let from = flip(layout.nodeRect[a].centre), to = flip(layout.nodeRect[b].centre)
                edge.route = EdgeRoute(points: [from, from, to, to])
            }
            edge.rankedBackward = false
            kept.append(edge)
        }
        result.edges = kept
        result.sameRank = []
        if transposed, let fitWidth, let title = graph.title {
            // A docs column is narrower than a long title at title size: lines of it (`ViewGraph.title`).
            let lines = WordWrapper.wrap(title, points: fitWidth * Self.routingAllowance - 2 * SheetArrangement.margin,
                                         measure: TextMeasure(fontSize: graph.style.titleFontSize))
            result.title = lines.joined(separator: "\n")
        }
        return result
    }

    private static func midpoint(_ points: [Point]) -> Point {
        guard let first = points.first, let last = points.last else { return Point(x: 0, y: 0) }
        return Point(x: (first.x + last.x) / 2, y: (first.y + last.y) / 2)
    }

    /// Two decimals: short, stable attribute values.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
