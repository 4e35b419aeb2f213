import CJMViewGraph

/// Routes the flows between pieces over the arrangement, in screen coordinates (y down):
/// out of a node's side, along the gaps between columns (gutters) and through the gaps
/// between pieces of a column (passages), into the other node's side. Every route is a
/// sequence of horizontal and vertical segments; each edge gets its own track in every gap it
/// uses, and tracks are ordered to avoid crossings where the order allows it.
///
/// It is a router for this arrangement only: pieces stand in columns, so the free space is
/// known in advance and no search over the plane is needed. Time is linear in the number of
/// edges times the columns each one crosses, plus sorting the tracks of each gap.
struct FlowRouter {
    /// One end of an edge.
    struct Endpoint {
        var rect: Rect
        /// The box of the piece holding the node (its own rect for a stacked node).
        var shell: Rect
        var column: Int
        /// Other boxes inside the piece a line leaving the node must not cross.
        var obstacles: [Rect]
    }

    struct Request {
        var from: Endpoint
        var to: Endpoint
        var arrow: Bool
        /// Identifies the node at each end, so ports on one side are spread.
        var fromKey: Int
        var toKey: Int
    }

    /// A route: the polyline, and where an arrowhead's tip goes when the line stops short.
    struct Route {
        var points: [Point]
        var headTip: Point?
    }

    enum Side { case left, right, top, bottom }

    static let trackSpacing = 4.0
    /// Most tracks a gutter gets; more lines share them.
    static let maxTracks = 24
    /// Most runs of one gutter whose order is improved one run at a time.
    static let mostRunsReordered = 400
    static let gutterMargin = 14.0
    static let arrowLength = 10.0

    let columns: [SheetArrangement.Column]
    let bounds: Rect
    /// Free spans of y per column, top to bottom.
    private(set) var passages: [[ClosedRange<Double>]] = []

    init(columns: [SheetArrangement.Column], bounds: Rect, extraBlocked: [Rect]) {
        self.columns = columns
        self.bounds = bounds
        for column in columns {
            var blocked = column.blocked
            for rect in extraBlocked where rect.maxX > column.minX && rect.minX < column.maxX { blocked.append(rect.minY...rect.maxY) }
            passages.append(Self.free(blocked.sorted { $0.lowerBound < $1.lowerBound }, within: (bounds.minY + 4)...(bounds.maxY - 4)))
        }
    }

    /// The gutter left of column `index` (index == count: right of the last).
    func gutter(_ index: Int) -> ClosedRange<Double> {
        let left = index == 0 ? bounds.minX : columns[index - 1].maxX
        let right = index == columns.count ? bounds.maxX : columns[index].minX
        return left...max(left, right)
    }

    // MARK: Abstract coordinates

    private enum Value {
        case fixed(Double)
        case gutter(Int)
        case passage(Int)
        case port(Int)
    }

    private struct GutterRun {
        var gutter: Int
        var yIn: Value
        var yOut: Value
        var sideIn: Side
        var sideOut: Side
    }

    private struct PassageRun {
        var column: Int
        var passage: Int
        /// The x the run starts and ends at; an end inside the column drops to a node.
        var xIn: Value
        var xOut: Value
        /// For an end inside the column: whether its node is above the passage.
        var dropIn: Bool?
        var dropOut: Bool?
        /// Where the run's lines lead at each end, for ordering (y of the far end).
        var towards: [Value]
        /// Where the edge started, for nesting the runs of one passage.
        var source = Point(x: 0, y: 0)
        /// The height the run would keep if it had the passage to itself: the line's level,
        /// or the side of the passage next to the node it drops to.
        var want = 0.0
    }

    private struct Port {
        var node: Int
        var side: Side
        var rect: Rect
        /// What the port's line meets next, for ordering ports along the side.
        var towards: Value
    }

    private struct Path {
        var points: [(x: Value, y: Value)]
        var arrow: Bool
        var end: Side
    }

    private var gutterRuns: [GutterRun] = []
    private var passageRuns: [PassageRun] = []
    private var ports: [Port] = []
    private var passageLoad: [[Int]] = []
    /// The start of the edge being planned.
    private var currentSource = Point(x: 0, y: 0)

    // Resolved values.
    private var gutterX: [Double] = []
    private var passageY: [Double] = []
    private var portAt: [Double] = []

    /// Routes every request; also reports how wide each gutter would need to be for its tracks
    /// to stand `trackSpacing` apart.
    mutating func route(_ requests: [Request]) -> (routes: [Route], gutterWidths: [Double]) {
        gutterRuns = []
        passageRuns = []
        ports = []
        passageLoad = passages.map { Array(repeating: 0, count: $0.count) }
        let paths = requests.map { plan($0) }
        resolvePassages()
        resolvePorts()
        let widths = resolveGutters()
        let routes = paths.map { path -> Route in
            var points = path.points.map { Point(x: value($0.x), y: value($0.y)) }
            points = Self.simplified(points)
            var tip: Point?
            if path.arrow, points.count >= 2 {
                let last = points[points.count - 1], before = points[points.count - 2]
                let length = abs(last.x - before.x) + abs(last.y - before.y)
                let cut = min(Self.arrowLength, length * 0.6)
                let ratio = cut / max(length, 1e-9)
                tip = last
                points[points.count - 1] = Point(x: last.x - (last.x - before.x) * ratio, y: last.y - (last.y - before.y) * ratio)
            }
            return Route(points: points, headTip: tip)
        }
        return (routes, widths)
    }

    private func value(_ value: Value) -> Double {
        switch value {
        case .fixed(let v): v
        case .gutter(let run): gutterX[run]
        case .passage(let run): passageY[run]
        case .port(let port): portAt[port]
        }
    }

    /// A first guess of a value before tracks are assigned: the middle of its gap or side.
    private func estimate(_ value: Value) -> Double {
        switch value {
        case .fixed(let v): return v
        case .gutter(let run):
            let range = gutter(gutterRuns[run].gutter)
            return (range.lowerBound + range.upperBound) / 2
        case .passage(let run):
            let span = passages[passageRuns[run].column][passageRuns[run].passage]
            return (span.lowerBound + span.upperBound) / 2
        case .port(let port):
            let port = ports[port]
            return port.side == .left || port.side == .right ? port.rect.centre.y : port.rect.centre.x
        }
    }

    // MARK: Planning one edge

    private mutating func plan(_ request: Request) -> Path {
        let source = request.from, target = request.to
        currentSource = source.rect.centre
        let exitGutter: Int, entryGutter: Int
        if target.column > source.column {
            (exitGutter, entryGutter) = (source.column + 1, target.column)
        } else if target.column < source.column {
            (exitGutter, entryGutter) = (source.column, target.column + 1)
        } else {
            // Within one column, the gutter on the side of the piece where the target stands
            // (a cross-sell into the first stage of a pipeline: the left one), away from the
            // lines every piece sends on to the next section.
            let side = target.rect.centre.x < target.shell.centre.x ? source.column : source.column + 1
            (exitGutter, entryGutter) = (side, side)
        }
        let exitSide = side(of: source, towardsGutter: exitGutter, otherY: target.rect.centre.y)
        let entrySide = side(of: target, towardsGutter: entryGutter, otherY: source.rect.centre.y)

        var points: [(x: Value, y: Value)] = []
        // Leaving the source: a port, then (for a top or bottom side) the passage by its piece.
        let startPort = addPort(node: request.fromKey, side: exitSide, rect: source.rect)
        var currentY: Value
        let startGutterSide: Side
        switch exitSide {
        case .left, .right:
            points.append((exitSide == .right ? .fixed(source.rect.maxX) : .fixed(source.rect.minX), .port(startPort)))
            currentY = .port(startPort)
        case .top, .bottom:
            points.append((.port(startPort), exitSide == .top ? .fixed(source.rect.minY) : .fixed(source.rect.maxY)))
            let passage = adjacentPassage(column: source.column, shell: source.shell, above: exitSide == .top)
            let toRight = exitGutter == source.column + 1
            let run = addPassageRun(column: source.column, passage: passage, xIn: .port(startPort),
                                    xOut: .fixed(toRight ? columns[source.column].maxX : columns[source.column].minX),
                                    dropIn: exitSide == .top ? false : true, dropOut: nil, next: exitSide == .top)
            points.append((.port(startPort), .passage(run)))
            currentY = .passage(run)
        }
        startGutterSide = exitGutter == source.column + 1 ? .left : .right
        ports[startPort].towards = .fixed(target.rect.centre.y)

        // Entering the target: where its last gutter run must end.
        let endPort = addPort(node: request.toKey, side: entrySide, rect: target.rect)
        var tail: [(x: Value, y: Value)] = []
        let endY: Value
        switch entrySide {
        case .left, .right:
            endY = .port(endPort)
            tail.append((entrySide == .left ? .fixed(target.rect.minX) : .fixed(target.rect.maxX), .port(endPort)))
        case .top, .bottom:
            let passage = adjacentPassage(column: target.column, shell: target.shell, above: entrySide == .top)
            let fromRight = entryGutter == target.column + 1
            let run = addPassageRun(column: target.column, passage: passage,
                                    xIn: .fixed(fromRight ? columns[target.column].maxX : columns[target.column].minX), xOut: .port(endPort),
                                    dropIn: nil, dropOut: entrySide == .top ? false : true, next: entrySide == .top)
            endY = .passage(run)
            tail.append((.port(endPort), .passage(run)))
            tail.append((.port(endPort), entrySide == .top ? .fixed(target.rect.minY) : .fixed(target.rect.maxY)))
        }
        ports[endPort].towards = .fixed(source.rect.centre.y)
        let endGutterSide: Side = entryGutter == target.column ? .right : .left

        // Between: gutter runs joined by passage runs through the columns in between.
        var gutterIndex = exitGutter
        var sideIn = startGutterSide
        let step = entryGutter > exitGutter ? 1 : -1
        // Columns in between are crossed as level as their passages allow; the line climbs or
        // drops to its target's height once, in the gutter where it enters the target's section
        // (between sections, where the gaps are wide), so the gutters it only passes stay narrow.
        var level = estimate(currentY)
        let goal = estimate(endY)
        let targetSection = columns[target.column].section
        while gutterIndex != entryGutter {
            let column = step > 0 ? gutterIndex : gutterIndex - 1
            let outside = step > 0 ? gutterIndex - 1 : gutterIndex
            if columns[column].section == targetSection && (outside < 0 || outside >= columns.count || columns[outside].section != targetSection) {
                level = goal
            }
            let passage = nearestPassage(column: column, to: level)
            let chosen = passages[column][passage]
            level = min(max(level, chosen.lowerBound), chosen.upperBound)
            let run = addPassageRun(column: column, passage: passage,
                                    xIn: .fixed(step > 0 ? columns[column].minX : columns[column].maxX),
                                    xOut: .fixed(step > 0 ? columns[column].maxX : columns[column].minX), dropIn: nil, dropOut: nil,
                                    want: level)
            let sideOut: Side = step > 0 ? .right : .left
            let gutterRun = addGutterRun(gutter: gutterIndex, yIn: currentY, yOut: .passage(run), sideIn: sideIn, sideOut: sideOut)
            points.append((.gutter(gutterRun), currentY))
            points.append((.gutter(gutterRun), .passage(run)))
            passageRuns[run].towards = [currentY, endY]
            currentY = .passage(run)
            sideIn = step > 0 ? .left : .right
            gutterIndex += step
        }
        let last = addGutterRun(gutter: entryGutter, yIn: currentY, yOut: endY, sideIn: sideIn, sideOut: endGutterSide)
        points.append((.gutter(last), currentY))
        points.append((.gutter(last), endY))
        points += tail
        return Path(points: points, arrow: request.arrow, end: entrySide)
    }

    /// The side of `end` a line towards `gutter` leaves from: the one facing the gutter when
    /// nothing of its piece stands in the way, else top or bottom (nearer `otherY` first),
    /// else the facing one anyway.
    private func side(of end: Endpoint, towardsGutter gutter: Int, otherY: Double) -> Side {
        let facing: Side = gutter == end.column + 1 ? .right : .left
        if isClear(end, facing) { return facing }
        let vertical: [Side] = otherY < end.rect.centre.y ? [.top, .bottom] : [.bottom, .top]
        for side in vertical where isClear(end, side) { return side }
        return facing
    }

    private func isClear(_ end: Endpoint, _ side: Side) -> Bool {
        let rect = end.rect, shell = end.shell
        let lane: Rect
        switch side {
        case .right: lane = Rect(minX: rect.maxX, minY: rect.minY + 1, maxX: shell.maxX, maxY: rect.maxY - 1)
        case .left: lane = Rect(minX: shell.minX, minY: rect.minY + 1, maxX: rect.minX, maxY: rect.maxY - 1)
        case .top: lane = Rect(minX: rect.minX + 1, minY: shell.minY, maxX: rect.maxX - 1, maxY: rect.minY)
        case .bottom: lane = Rect(minX: rect.minX + 1, minY: rect.maxY, maxX: rect.maxX - 1, maxY: shell.maxY)
        }
        return !end.obstacles.contains { $0.overlaps(lane) }
    }

    private mutating func addPort(node: Int, side: Side, rect: Rect) -> Int {
        ports.append(Port(node: node, side: side, rect: rect, towards: .fixed(0)))
        return ports.count - 1
    }

    private mutating func addGutterRun(gutter: Int, yIn: Value, yOut: Value, sideIn: Side, sideOut: Side) -> Int {
        gutterRuns.append(GutterRun(gutter: gutter, yIn: yIn, yOut: yOut, sideIn: sideIn, sideOut: sideOut))
        return gutterRuns.count - 1
    }

    /// A run through a passage; `next` (the node is below the passage) or not (above) sets
    /// its wish to the passage's side next to the node, else it wishes for `want`.
    private mutating func addPassageRun(column: Int, passage: Int, xIn: Value, xOut: Value, dropIn: Bool?, dropOut: Bool?,
                                        next: Bool? = nil, want: Double = 0) -> Int {
        var wish = want
        if let below = next, passages[column].indices.contains(passage) {
            let span = passages[column][passage]
            wish = below ? span.upperBound : span.lowerBound
        }
        passageRuns.append(PassageRun(column: column, passage: passage, xIn: xIn, xOut: xOut, dropIn: dropIn, dropOut: dropOut, towards: [],
                                      source: currentSource, want: wish))
        passageLoad[column][passage] += 1
        return passageRuns.count - 1
    }

    // MARK: Passages

    /// Free stretches of `range` between the blocked spans (sorted by their start).
    static func free(_ blocked: [ClosedRange<Double>], within range: ClosedRange<Double>) -> [ClosedRange<Double>] {
        var result: [ClosedRange<Double>] = []
        var cursor = range.lowerBound
        for span in blocked {
            if span.lowerBound > cursor { result.append(cursor...min(span.lowerBound, range.upperBound)) }
            cursor = max(cursor, span.upperBound)
            if cursor >= range.upperBound { break }
        }
        if cursor < range.upperBound { result.append(cursor...range.upperBound) }
        return result.filter { $0.upperBound - $0.lowerBound >= 2 }
    }

    private func capacity(_ span: ClosedRange<Double>) -> Int {
        max(1, Int((span.upperBound - span.lowerBound - 2) / Self.trackSpacing))
    }

    /// The passage nearest `y` in `column` that still has room, or the nearest when none has.
    private func nearestPassage(column: Int, to y: Double) -> Int {
        let list = passages[column]
        guard !list.isEmpty else { return 0 }
        // Binary search for the first passage ending below y.
        var low = 0, high = list.count
        while low < high {
            let middle = (low + high) / 2
            if list[middle].upperBound < y { low = middle + 1 } else { high = middle }
        }
        var best: Int?
        var bestDistance = Double.infinity
        var left = min(low, list.count - 1), right = left + 1
        // Walk outwards; stop once the distance alone exceeds the best found.
        while left >= 0 || right < list.count {
            for index in [left, right] where index >= 0 && index < list.count {
                let distance = Self.distance(y, list[index])
                if distance < bestDistance && passageLoad[column][index] < capacity(list[index]) {
                    best = index
                    bestDistance = distance
                }
            }
            let nextLeft = left - 1 >= 0 ? Self.distance(y, list[left - 1]) : .infinity
            let nextRight = right < list.count ? Self.distance(y, list[right]) : .infinity
            if min(nextLeft, nextRight) > bestDistance { break }
            left -= 1
            right += 1
        }
        if let best { return best }
        return list.indices.min { Self.distance(y, list[$0]) < Self.distance(y, list[$1]) } ?? 0
    }

    private static func distance(_ y: Double, _ span: ClosedRange<Double>) -> Double {
        y < span.lowerBound ? span.lowerBound - y : y > span.upperBound ? y - span.upperBound : 0
    }

    /// The passage touching `shell` from above or below.
    private func adjacentPassage(column: Int, shell: Rect, above: Bool) -> Int {
        let list = passages[column]
        guard !list.isEmpty else { return 0 }
        if above {
            return list.lastIndex { $0.upperBound <= shell.minY + 0.5 } ?? 0
        }
        return list.firstIndex { $0.lowerBound >= shell.maxY - 0.5 } ?? (list.count - 1)
    }

    // MARK: Resolving tracks

    private mutating func resolvePassages() {
        passageY = Array(repeating: 0, count: passageRuns.count)
        var byPassage: [Int: [Int]] = [:]
        for (index, run) in passageRuns.enumerated() { byPassage[run.column << 20 | run.passage, default: []].append(index) }
        for key in byPassage.keys.sorted() {
            let runs = byPassage[key]!
            let first = passageRuns[runs[0]]
            let span = passages[first.column][first.passage]
            let info = runs.map { run -> (xl: Double, xr: Double, dropL: Bool?, dropR: Bool?, key: Double) in
                let r = passageRuns[run]
                let a = estimate(r.xIn), b = estimate(r.xOut)
                let towards = r.towards.isEmpty ? [a, b].map { _ in (span.lowerBound + span.upperBound) / 2 } : r.towards.map(estimate)
                let key = towards.reduce(0, +) / Double(towards.count)
                return a <= b ? (a, b, r.dropIn, r.dropOut, key) : (b, a, r.dropOut, r.dropIn, key)
            }
            // A line dropping from a node above the passage crosses every track between the
            // passage's top and its own; order so such lines meet as few as possible.
            func crossings(_ upper: Int, _ lower: Int) -> Int {
                var count = 0
                let u = info[upper], l = info[lower]
                // Lower run's drops from above pass the upper run's track.
                for (x, drop) in [(l.xl, l.dropL), (l.xr, l.dropR)] where drop == true && x > u.xl && x < u.xr { count += 1 }
                // Upper run's drops from below pass the lower run's track.
                for (x, drop) in [(u.xl, u.dropL), (u.xr, u.dropR)] where drop == false && x > l.xl && x < l.xr { count += 1 }
                return count
            }
            // Lines that came down into the passage first, the nearest source on top; then
            // those that came up, the farthest first: a line turning in later never crosses
            // one already running along the passage.
            let middle = (span.lowerBound + span.upperBound) / 2
            // Lines from one column (level in x) nest by their sources' heights: the higher
            // source on top, so neither line's turn into the passage crosses the other.
            let nesting = runs.map { run -> (Int, Double, Double) in
                let r = passageRuns[run]
                let x = (estimate(r.xIn) + estimate(r.xOut)) / 2
                let distance = abs(r.source.x - x)
                return r.source.y < middle ? (0, distance, r.source.y) : (1, -distance, r.source.y)
            }
            let order = Array(runs.indices).sorted { a, b in
                let ab = crossings(a, b), ba = crossings(b, a)
                if ab != ba { return ab < ba }
                if nesting[a] != nesting[b] { return nesting[a] < nesting[b] }
                if info[a].key != info[b].key { return info[a].key < info[b].key }
                return a < b
            }
            let levels = Self.levels(order.map { (info[$0].xl - 0.5)...(info[$0].xr + 0.5) })
            let count = (levels.max() ?? 0) + 1
            let top = span.lowerBound + 1, height = span.upperBound - span.lowerBound - 2
            let spacing = min(Self.trackSpacing * 1.5, height / Double(count + 1))
            // Tracks in their order, each as near the mean wish of its runs as the spacing
            // allows (a long passage keeps each line at its own level instead of bunching all
            // of them in its middle), within the passage.
            var wish = Array(repeating: 0.0, count: count), many = Array(repeating: 0.0, count: count)
            for (rank, local) in order.enumerated() {
                wish[levels[rank]] += min(max(passageRuns[runs[local]].want, top), top + height)
                many[levels[rank]] += 1
            }
            var tracks = LevelAlignment.centres(heights: Array(repeating: 0, count: count),
                                                targets: wish.indices.map { many[$0] > 0 ? wish[$0] / many[$0] : nil },
                                                gap: spacing, top: top + spacing / 2)
            let overflow = (tracks.last ?? 0) - (top + height - spacing / 2)
            if overflow > 0 { tracks = tracks.map { $0 - min(overflow, (tracks.first ?? top) - top) } }
            for (rank, local) in order.enumerated() { passageY[runs[local]] = tracks[levels[rank]] }
        }
    }

    private mutating func resolvePorts() {
        portAt = Array(repeating: 0, count: ports.count)
        var bySide: [Int: [Int]] = [:]
        for (index, port) in ports.enumerated() {
            let side = switch port.side { case .left: 0; case .right: 1; case .top: 2; case .bottom: 3 }
            bySide[port.node << 2 | side, default: []].append(index)
        }
        for key in bySide.keys.sorted() {
            let list = bySide[key]!
            let port = ports[list[0]]
            let horizontal = port.side == .left || port.side == .right
            let towards = list.map { index -> Double in
                switch ports[index].towards {
                case .passage(let run): return passageY[run]
                default: return estimate(ports[index].towards)
                }
            }
            let order = list.indices.sorted { towards[$0] != towards[$1] ? towards[$0] < towards[$1] : $0 < $1 }
            let length = horizontal ? port.rect.height : port.rect.width
            let centre = horizontal ? port.rect.centre.y : port.rect.centre.x
            let spacing = list.count > 1 ? min(6, length * 0.7 / Double(list.count - 1)) : 0
            for (rank, local) in order.enumerated() {
                portAt[list[local]] = centre + spacing * (Double(rank) - Double(list.count - 1) / 2)
            }
        }
    }

    private mutating func resolveGutters() -> [Double] {
        gutterX = Array(repeating: 0, count: gutterRuns.count)
        var widths = Array(repeating: 0.0, count: columns.count + 1)
        var byGutter: [Int: [Int]] = [:]
        for (index, run) in gutterRuns.enumerated() { byGutter[run.gutter, default: []].append(index) }
        for gutterIndex in byGutter.keys.sorted() {
            let runs = byGutter[gutterIndex]!
            let ends = runs.map { (y0: value(gutterRuns[$0].yIn), y1: value(gutterRuns[$0].yOut), in: gutterRuns[$0].sideIn, out: gutterRuns[$0].sideOut) }
            // Crossings when run `a` stands left of run `b`.
            func crossings(_ a: Int, _ b: Int) -> Int {
                var count = 0
                let left = ends[a], right = ends[b]
                let leftSpan = min(left.y0, left.y1)...max(left.y0, left.y1)
                let rightSpan = min(right.y0, right.y1)...max(right.y0, right.y1)
                // The right run's lines from the left pass the left run's vertical.
                if right.in == .left && leftSpan.contains(right.y0) && right.y0 != left.y0 { count += 1 }
                if right.out == .left && leftSpan.contains(right.y1) && right.y1 != left.y1 { count += 1 }
                // The left run's lines to the right pass the right run's vertical.
                if left.in == .right && rightSpan.contains(left.y0) && right.y0 != left.y0 { count += 1 }
                if left.out == .right && rightSpan.contains(left.y1) && right.y1 != left.y1 { count += 1 }
                return count
            }
            var order = Array(runs.indices).sorted { a, b in
                let ab = crossings(a, b), ba = crossings(b, a)
                if ab != ba { return ab < ba }
                let ma = (ends[a].y0 + ends[a].y1) / 2, mb = (ends[b].y0 + ends[b].y1) / 2
                if ma != mb { return ma < mb }
                return a < b
            }
            // The pairwise rule above is not transitive, so the sort can leave a run that would
            // cross less further along. Quadratic, so only where a gutter's lines are few enough
            // to keep their own tracks for much of the way (`maxTracks`).
            if runs.count <= Self.mostRunsReordered {
                let n = runs.count
                var cost: [Int] = []
                cost.reserveCapacity(n * n)
                for a in 0..<n { for b in 0..<n { cost.append(a == b ? 0 : crossings(a, b)) } }
                order = Self.fewerCrossings(order, cost: cost)
            }
            // Beyond `maxTracks` lines share tracks (run in bundles) rather than widen the map.
            let levels = Self.levels(order.map { (min(ends[$0].y0, ends[$0].y1) - 1)...(max(ends[$0].y0, ends[$0].y1) + 1) })
                .map { $0 % Self.maxTracks }
            let count = (levels.max() ?? 0) + 1
            let range = gutter(gutterIndex)
            let left = range.lowerBound + Self.gutterMargin, width = max(0, range.upperBound - range.lowerBound - 2 * Self.gutterMargin)
            let spacing = min(Self.trackSpacing * 2, width / Double(count + 1))
            let start = left + (width - spacing * Double(count - 1)) / 2
            for (rank, local) in order.enumerated() { gutterX[runs[local]] = start + spacing * Double(levels[rank]) }
            widths[gutterIndex] = 2 * Self.gutterMargin + Self.trackSpacing * Double(count + 1)
        }
        return widths
    }

    /// `order` (a permutation of 0..<n) with each item moved, for a few rounds, to the place
    /// where it crosses least; `cost[a * n + b]` is what `a` standing left of `b` costs. Each
    /// move lowers the total, so the result costs no more than `order`.
    static func fewerCrossings(_ order: [Int], cost: [Int]) -> [Int] {
        var order = order
        let n = order.count
        for _ in 0..<4 {
            var moved = false
            for item in 0..<n {
                let from = order.firstIndex(of: item)!
                var best = (change: 0, to: from), change = 0
                for to in stride(from: from - 1, through: 0, by: -1) {
                    change += cost[item * n + order[to]] - cost[order[to] * n + item]
                    if change < best.change { best = (change, to) }
                }
                change = 0
                for to in (from + 1)..<n {
                    change += cost[order[to] * n + item] - cost[item * n + order[to]]
                    if change < best.change { best = (change, to) }
                }
                guard best.to != from else { continue }
                order.remove(at: from)
                order.insert(item, at: best.to)
                moved = true
            }
            if !moved { break }
        }
        return order
    }

    /// A track for each span, in order: one past the highest track of any earlier span it
    /// overlaps, so overlapping spans keep their order and disjoint ones share tracks.
    static func levels(_ spans: [ClosedRange<Double>]) -> [Int] {
        var levels: [Int] = []
        levels.reserveCapacity(spans.count)
        // Per track, the spans on it so far; a span's level is found from the highest track down.
        var tracks: [[ClosedRange<Double>]] = []
        for span in spans {
            var level = 0
            for track in stride(from: tracks.count - 1, through: 0, by: -1) where tracks[track].contains(where: { $0.overlaps(span) }) {
                level = track + 1
                break
            }
            if level == tracks.count { tracks.append([]) }
            tracks[level].append(span)
            levels.append(level)
        }
        return levels
    }

    /// Without repeated points and with straight runs of three points joined.
    static func simplified(_ points: [Point]) -> [Point] {
        var result: [Point] = []
        for point in points {
            if let last = result.last, abs(last.x - point.x) < 0.01, abs(last.y - point.y) < 0.01 { continue }
            if result.count >= 2 {
                let a = result[result.count - 2], b = result[result.count - 1]
                let collinear = (abs(a.x - b.x) < 0.01 && abs(b.x - point.x) < 0.01) || (abs(a.y - b.y) < 0.01 && abs(b.y - point.y) < 0.01)
                if collinear { result[result.count - 1] = point; continue }
            }
            result.append(point)
        }
        return result
    }
}
