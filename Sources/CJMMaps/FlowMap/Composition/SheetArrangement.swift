import CJMViewGraph

/// Places the flow map's pieces: sections left to right in reading order, each a column of
/// its groups' pieces, wrapped into further columns at a height limit chosen so the whole
/// map has the proportions of a sheet. Coordinates here are screen-like: y grows downwards
/// from the top of the map.
struct SheetArrangement {
    /// A group as the arrangement sees it: an optional frame with a title band, and the
    /// sizes of its pieces in order.
    struct Group {
        /// Height of the frame's title band, or nil for a group without a frame.
        var band: Double?
        var sizes: [Size]
        /// Pieces laid out row by row across the group's columns instead of down each column.
        var gridded = false
        /// For a gridded group: which piece of a row goes further right (its lines lead right).
        var across: [Double] = []
        /// Length of the frame's title, for a map drawn transposed (`bandsAcross`), where the
        /// title crosses the columns instead of topping them.
        var titleLength = 0.0
        /// For a group laid out in rows (touchpoints, one row per channel): each piece's row,
        /// the pieces sorted by it. A row reads left to right and wraps onto further lines;
        /// every row holds as many pieces to a line, and that count is the fewest that keeps
        /// the group under the height limit. Empty: not a group of rows.
        var rows: [Int] = []
        /// The least height of each row (what stands level with it in the next section).
        var rowMinimum: [Double] = []
    }

    /// What shape the whole arrangement aims for.
    enum Target {
        /// A landscape A-series sheet, between 1:1 and 2:1 (a wall).
        case landscapeSheet
        /// No taller than this many points (a map drawn transposed for a docs column, whose
        /// real width is the arrangement's height), and then as short across as possible.
        case height(Double)
    }

    /// One column of pieces, the unit of wrapping and of routing between columns.
    struct Column {
        var section: Int
        /// The column's full extent, frame padding included.
        var minX = 0.0
        var maxX = 0.0
        var width: Double { maxX - minX }
        /// The pieces in it, top to bottom: (section's group, piece index).
        var pieces: [(group: Int, piece: Int)] = []
        /// Where its pieces are.
        var boxes: [Rect] = []
        /// Spans of y that a horizontal line through the column must not cross: pieces and
        /// the title bands and bottom borders of the frames standing in it.
        var blocked: [ClosedRange<Double>] = []
    }

    /// Where everything went for one height limit.
    struct Result {
        /// Per section, per group, per piece.
        var pieces: [[[Rect]]]
        /// Per section, per group: the frame, when the group has one.
        var frames: [[Rect?]]
        var columns: [Column]
        /// Everything placed, margins included.
        var bounds: Rect
    }

    static let pieceGap = 18.0
    static let groupGap = 24.0
    static let framePadding = 12.0
    /// Between two columns of one section, and between sections, before routing asks for more.
    static let columnGap = 36.0
    static let sectionGap = 48.0
    static let margin = 36.0
    /// A landscape sheet (A series): what the height limit is chosen for.
    static let sheetRatio = 2.0.squareRoot()

    let sections: [[Group]]
    /// The map is drawn transposed (`--direction down`): a frame's title band runs down the
    /// left of its columns (the real top) instead of across their top.
    var bandsAcross = false
    var target = Target.landscapeSheet

    /// For each group of rows, its height with 1, 2, … pieces to a line (`rows(_:across:)`),
    /// worked out once: every height limit tried picks from it.
    private var rowHeights: [[[Double]]] = []

    init(sections: [[Group]], bandsAcross: Bool = false, target: Target = .landscapeSheet) {
        self.sections = sections
        self.bandsAcross = bandsAcross
        self.target = target
        rowHeights = sections.map { section in
            section.map { group in
                guard !group.rows.isEmpty else { return [] }
                var count: [Int: Int] = [:]
                for row in group.rows { count[row, default: 0] += 1 }
                return Self.rowsHeights(group, upTo: max(1, count.values.max() ?? 1))
            }
        }
    }

    /// Room a frame's band takes at the top of its column (none when bands run across).
    private func topBand(_ group: Group) -> Double { bandsAcross ? 0 : group.band ?? 0 }
    /// Room a frame's band takes at the left of its columns (only when bands run across).
    private func sideBand(_ group: Group) -> Double { bandsAcross ? group.band ?? 0 : 0 }

    /// The arrangement whose bounds fit a landscape A-series sheet at the largest scale,
    /// among those between 1:1 and 2:1; when none is, the one closest to that range.
    func best() -> (limit: Double, result: Result) {
        let heights = sections.flatMap { $0.flatMap(\.sizes) }.map(\.height)
        let tallest = (heights.max() ?? 0) + 2 * Self.framePadding + 40
        let total = sections.indices.map { s in sections[s].indices.reduce(0.0) { $0 + groupHeight(s, $1) + Self.groupGap } }.max() ?? 0
        guard total > tallest else { return (max(tallest, total), arrange(limit: max(tallest, total))) }
        var best: (limit: Double, result: Result, cost: Double)?
        let steps = 48
        for step in 0...steps {
            // Denser among the low limits, where the arrangement changes fastest.
            let fraction = Double(step) / Double(steps)
            let limit = tallest + (total - tallest) * fraction * fraction
            let result = arrange(limit: limit)
            let cost = cost(result.bounds)
            if best.map({ cost < $0.cost - 1e-9 }) ?? true { best = (limit, result, cost) }
        }
        return (best!.limit, best!.result)
    }

    /// How far a map of `bounds` is from a good sheet: the side of the sheet it needs, plus
    /// a penalty outside the 1:1–2:1 landscape range that dominates any size difference.
    func cost(_ bounds: Rect) -> Double {
        switch target {
        case .landscapeSheet: return Self.cost(bounds)
        case .height(let most):
            // Over the limit costs more than any arrangement within it; within it, shorter across wins.
            return bounds.height > most + 0.5 ? 1e9 + bounds.height : bounds.width
        }
    }

    static func cost(_ bounds: Rect) -> Double {
        let aspect = bounds.width / max(bounds.height, 1)
        let sheet = max(bounds.width / sheetRatio, bounds.height)
        let outside = aspect < 1 ? 1 / aspect - 1 : aspect > 2 ? aspect / 2 - 1 : 0
        return sheet * (1 + 100 * outside)
    }

    /// Everything placed with columns no taller than `limit` (a piece taller than that gets a
    /// column of its own). The gap left of column `i` (and right of the last, `i` = count) is
    /// at least `gaps[i]` when given: what the routes through it need.
    func arrange(limit: Double, gaps wanted: [Double] = []) -> Result {
        func gap(_ index: Int, startsSection: Bool) -> Double {
            let standard = index == 0 ? Self.margin : startsSection ? Self.sectionGap : Self.columnGap
            return index < wanted.count ? max(standard, wanted[index]) : standard
        }
        var pieces: [[[Rect]]] = []
        var frames: [[Rect?]] = []
        var columns: [Column] = []
        var sectionTops: [(columns: Range<Int>, height: Double)] = []
        var x = 0.0
        for (sectionIndex, section) in sections.enumerated() {
            let first = columns.count
            var sectionPieces: [[Rect]] = []
            var sectionFrames: [Rect?] = []
            // Column contents as (group, piece, y) before x is known; frames as column ranges.
            var contents: [[(group: Int, piece: Int, y: Double)]] = []
            var heights: [Double] = []
            var frameSpans: [(group: Int, columns: Range<Int>, top: Double, bottom: Double)] = []
            for (groupIndex, group) in section.enumerated() {
                sectionPieces.append(Array(repeating: Rect(x: 0, y: 0, width: 0, height: 0), count: group.sizes.count))
                let inset = group.band.map { _ in topBand(group) + Self.framePadding } ?? 0
                let padding = group.band == nil ? 0 : Self.framePadding
                let whole = groupHeight(sectionIndex, groupIndex)
                if let last = heights.last, last + Self.groupGap + whole <= limit {
                    // Fits under what the last column holds.
                    var y = last + Self.groupGap + inset
                    let top = last + Self.groupGap
                    for (pieceIndex, size) in group.sizes.enumerated() {
                        contents[contents.count - 1].append((groupIndex, pieceIndex, y))
                        y += size.height + Self.pieceGap
                    }
                    let bottom = top + whole
                    heights[heights.count - 1] = bottom
                    frameSpans.append((groupIndex, (contents.count - 1)..<contents.count, top, bottom))
                    continue
                }
                let start = contents.count
                var bottom = 0.0
                /// Rows or a grid: pieces across columns that all stand as tall as the group.
                func placeAcross(_ layout: (columns: [[(piece: Int, y: Double)]], height: Double)) {
                    for column in layout.columns { contents.append(column.map { (groupIndex, $0.piece, inset + $0.y) }) }
                    let bottom = inset + layout.height + padding
                    heights += Array(repeating: bottom, count: layout.columns.count)
                    frameSpans.append((groupIndex, start..<contents.count, 0, bottom))
                }
                if !group.rows.isEmpty {
                    // The fewest pieces to a line that fit (the most a row holds when none do).
                    let tried = rowHeights[sectionIndex][groupIndex]
                    let across = (tried.firstIndex { $0 <= limit - inset - padding } ?? tried.count - 1) + 1
                    placeAcross(Self.rows(group, across: across))
                    continue
                }
                let heights0 = group.sizes.map(\.height)
                let runs = Self.balancedColumns(heights0, limit: limit - inset - padding)
                if group.gridded && runs.count > 1 {
                    // Row by row, every row as tall as its tallest piece, so the gaps between
                    // rows line up across the columns and a row's lines run straight through.
                    var across = runs.count
                    var grid = Self.grid(heights0, across: across, keys: group.across)
                    while grid.height > limit - inset - padding && across < heights0.count {
                        across += 1
                        grid = Self.grid(heights0, across: across, keys: group.across)
                    }
                    placeAcross(grid)
                    continue
                }
                for run in runs {
                    var y = inset
                    var column: [(group: Int, piece: Int, y: Double)] = []
                    for pieceIndex in run {
                        column.append((groupIndex, pieceIndex, y))
                        y += group.sizes[pieceIndex].height + Self.pieceGap
                    }
                    let height = y - Self.pieceGap + padding
                    contents.append(column)
                    heights.append(height)
                    bottom = max(bottom, height)
                }
                for index in start..<contents.count { heights[index] = bottom }
                frameSpans.append((groupIndex, start..<contents.count, 0, bottom))
            }
            // Widths: the widest piece, plus frame padding (and a band running across) when any
            // frame stands in the column.
            var widths: [Double] = []
            var shifts: [Double] = []
            for column in contents {
                let widest = column.map { section[$0.group].sizes[$0.piece].width }.max() ?? 0
                let framed = column.contains { section[$0.group].band != nil }
                let side = column.map { sideBand(section[$0.group]) }.max() ?? 0
                widths.append(widest + (framed ? 2 * Self.framePadding : 0) + side)
                shifts.append(side)
            }
            // A frame as wide as its title at least (a band across the top holds it on one line),
            // its columns widened alike.
            for span in frameSpans where !bandsAcross && section[span.group].band != nil {
                let need = section[span.group].titleLength + 2 * Self.framePadding
                let have = span.columns.reduce(0) { $0 + widths[$1] } + Double(span.columns.count - 1) * Self.columnGap
                guard have < need else { continue }
                for index in span.columns { widths[index] += (need - have) / Double(span.columns.count) }
            }
            var minX: [Double] = []
            for index in contents.indices {
                x += gap(columns.count + index, startsSection: index == 0)
                minX.append(x)
                x += widths[index]
            }
            for (index, column) in contents.enumerated() {
                var placed = Column(section: sectionIndex, minX: minX[index], maxX: minX[index] + widths[index])
                for entry in column {
                    let size = section[entry.group].sizes[entry.piece]
                    let rect = Rect(x: minX[index] + shifts[index] + (widths[index] - shifts[index] - size.width) / 2, y: entry.y,
                                    width: size.width, height: size.height)
                    sectionPieces[entry.group][entry.piece] = rect
                    placed.pieces.append((entry.group, entry.piece))
                    placed.boxes.append(rect)
                }
                columns.append(placed)
            }
            for (groupIndex, group) in section.enumerated() {
                guard group.band != nil, let span = frameSpans.first(where: { $0.group == groupIndex }) else {
                    sectionFrames.append(nil)
                    continue
                }
                let left = minX[span.columns.lowerBound]
                let right = minX[span.columns.upperBound - 1] + widths[span.columns.upperBound - 1]
                sectionFrames.append(Rect(x: left, y: span.top, width: right - left, height: span.bottom - span.top))
            }
            pieces.append(sectionPieces)
            frames.append(sectionFrames)
            sectionTops.append((first..<columns.count, heights.max() ?? 0))
        }
        // Sections centred on the tallest one.
        let height = sectionTops.map(\.height).max() ?? 0
        for (sectionIndex, section) in sectionTops.enumerated() {
            let dy = Self.margin + (height - section.height) / 2
            for groupIndex in pieces[sectionIndex].indices {
                for pieceIndex in pieces[sectionIndex][groupIndex].indices {
                    pieces[sectionIndex][groupIndex][pieceIndex] = pieces[sectionIndex][groupIndex][pieceIndex].offsetBy(dx: 0, dy: dy)
                }
                frames[sectionIndex][groupIndex] = frames[sectionIndex][groupIndex]?.offsetBy(dx: 0, dy: dy)
            }
            for index in section.columns {
                columns[index].boxes = columns[index].boxes.map { $0.offsetBy(dx: 0, dy: dy) }
            }
        }
        let right = x + max(gap(columns.count, startsSection: true), Self.margin)
        var result = Result(pieces: pieces, frames: frames, columns: columns,
                            bounds: Rect(x: 0, y: 0, width: right, height: height + 2 * Self.margin))
        refreshBlocked(&result)
        return result
    }

    /// Each column's blocked spans from its boxes and the frames standing in it.
    func refreshBlocked(_ result: inout Result) {
        for index in result.columns.indices {
            let column = result.columns[index]
            var blocked = column.boxes.map { $0.minY...$0.maxY }
            for (groupIndex, frame) in result.frames[column.section].enumerated() {
                let group = sections[column.section][groupIndex]
                guard let frame, let band = group.band,
                      frame.minX <= column.minX + 0.5, frame.maxX >= column.maxX - 0.5 else { continue }
                if bandsAcross {
                    // The title stands centred along the frame's left side; lines must not run
                    // along the borders they cross here either.
                    let middle = frame.minY + frame.height / 2, half = group.titleLength / 2 + 8
                    if frame.minX >= column.minX - 0.5 { blocked.append((middle - half)...(middle + half)) }
                    blocked.append((frame.minY - 2)...(frame.minY + 2))
                } else {
                    blocked.append(frame.minY...(frame.minY + band))
                }
                blocked.append((frame.maxY - 2)...(frame.maxY + 2))
            }
            result.columns[index].blocked = blocked
        }
    }

    /// Moves the pieces of group `group` of `section`, which stand in one column, to the
    /// centres given (same order), and its frame and the map's bounds with them.
    func move(section: Int, group: Int, centres: [Double], in result: inout Result) {
        guard let columnIndex = result.columns.firstIndex(where: { $0.section == section && $0.pieces.contains { $0.group == group } }) else { return }
        for (piece, centre) in centres.enumerated() {
            let old = result.pieces[section][group][piece]
            let moved = Rect(x: old.minX, y: centre - old.height / 2, width: old.width, height: old.height)
            result.pieces[section][group][piece] = moved
            if let slot = result.columns[columnIndex].pieces.firstIndex(where: { $0.group == group && $0.piece == piece }) {
                result.columns[columnIndex].boxes[slot] = moved
            }
        }
        if sections[section][group].band != nil, let frame = result.frames[section][group], let first = result.pieces[section][group].first,
           let last = result.pieces[section][group].last {
            let top = first.minY - topBand(sections[section][group]) - Self.framePadding, bottom = last.maxY + Self.framePadding
            result.frames[section][group] = Rect(x: frame.minX, y: top, width: frame.width, height: bottom - top)
            result.bounds = result.bounds.union(Rect(x: frame.minX, y: top - Self.margin, width: frame.width, height: bottom - top + 2 * Self.margin))
        }
        refreshBlocked(&result)
    }

    /// Whether the pieces of group `group` of `section` all stand in one column.
    func isOneColumn(section: Int, group: Int, in result: SheetArrangement.Result) -> Bool {
        result.columns.filter { $0.section == section && $0.pieces.contains { $0.group == group } }.count == 1
    }

    /// Height of a group in one column: pieces, gaps, frame band and padding.
    private func groupHeight(_ section: Int, _ index: Int) -> Double {
        let group = sections[section][index]
        let pieces = group.rows.isEmpty
            ? group.sizes.reduce(0.0) { $0 + $1.height } + Double(max(group.sizes.count - 1, 0)) * Self.pieceGap
            : rowHeights[section][index][0]
        return pieces + (group.band.map { _ in topBand(group) + 2 * Self.framePadding } ?? 0)
    }

    /// A group of rows with `across` pieces to a line: each row's lines stacked, every line
    /// as tall as its tallest piece and each piece centred in it, the lines centred in the
    /// row, the rows `pieceGap` apart.
    static func rows(_ group: Group, across: Int) -> (columns: [[(piece: Int, y: Double)]], height: Double) {
        var columns = Array(repeating: [(piece: Int, y: Double)](), count: across)
        let members = rowMembers(group)
        var y = 0.0
        for (row, pieces) in members.enumerated() {
            let (lines, used, height) = rowLines(group, pieces, row: row, across: across)
            var lineTop = y + (height - used) / 2
            for (start, lineHeight) in zip(stride(from: 0, to: pieces.count, by: across), lines) {
                for (slot, piece) in pieces[start..<min(start + across, pieces.count)].enumerated() {
                    columns[slot].append((piece, lineTop + (lineHeight - group.sizes[piece].height) / 2))
                }
                lineTop += lineHeight + pieceGap
            }
            y += height + pieceGap
        }
        return (columns.filter { !$0.isEmpty }, max(0, y - pieceGap))
    }

    /// `rows(group, across: n).height` for n = 1 through `most`, without placing any piece
    /// (a group of many rows is tried at every count).
    static func rowsHeights(_ group: Group, upTo most: Int) -> [Double] {
        let members = rowMembers(group)
        return (1...max(1, most)).map { across in
            let y = members.enumerated().reduce(0.0) { $0 + (rowLines(group, $1.element, row: $1.offset, across: across).height + pieceGap) }
            return max(0, y - pieceGap)
        }
    }

    /// The pieces of each row of `group`, in order.
    private static func rowMembers(_ group: Group) -> [[Int]] {
        var members = Array(repeating: [Int](), count: max(group.rowMinimum.count, (group.rows.max() ?? -1) + 1))
        for (piece, row) in group.rows.enumerated() { members[row].append(piece) }
        return members
    }

    /// One row's `pieces` `across` to a line: each line's height (its tallest piece), the lines
    /// stacked `pieceGap` apart, and the row's height (at least its minimum).
    private static func rowLines(_ group: Group, _ pieces: [Int], row: Int, across: Int) -> (lines: [Double], used: Double, height: Double) {
        let lines = stride(from: 0, to: pieces.count, by: across).map { start in
            pieces[start..<min(start + across, pieces.count)].map { group.sizes[$0].height }.max() ?? 0
        }
        let used = lines.reduce(0.0, +) + Double(max(lines.count - 1, 0)) * pieceGap
        return (lines, used, max(used, row < group.rowMinimum.count ? group.rowMinimum[row] : 0))
    }

    /// Pieces `across` to a row in reading order, each centred in its row's height: per
    /// column, the pieces with their tops; and the grid's height.
    static func grid(_ heights: [Double], across: Int, keys: [Double] = []) -> (columns: [[(piece: Int, y: Double)]], height: Double) {
        var columns = Array(repeating: [(piece: Int, y: Double)](), count: across)
        var y = 0.0
        for start in stride(from: 0, to: heights.count, by: across) {
            var row = Array(start..<min(start + across, heights.count))
            if keys.count == heights.count { row.sort { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 } }
            let rowHeight = row.map { heights[$0] }.max() ?? 0
            for (slot, index) in row.enumerated() { columns[slot].append((index, y + (rowHeight - heights[index]) / 2)) }
            y += rowHeight + pieceGap
        }
        return (columns.filter { !$0.isEmpty }, max(0, y - pieceGap))
    }

    /// Indices of `heights` cut into as few consecutive columns as fit under `limit`, then
    /// evened out: the lowest limit that needs no more columns.
    static func balancedColumns(_ heights: [Double], limit: Double) -> [[Int]] {
        func cut(_ limit: Double) -> [[Int]] {
            var columns: [[Int]] = []
            var current: [Int] = []
            var used = 0.0
            for (index, height) in heights.enumerated() {
                let needed = current.isEmpty ? height : used + pieceGap + height
                if !current.isEmpty && needed > limit {
                    columns.append(current)
                    current = [index]
                    used = height
                } else {
                    current.append(index)
                    used = needed
                }
            }
            if !current.isEmpty { columns.append(current) }
            return columns
        }
        let loose = cut(limit)
        guard loose.count > 1 else { return loose }
        var low = (heights.max() ?? 0), high = limit
        for _ in 0..<30 {
            let middle = (low + high) / 2
            if cut(middle).count <= loose.count { high = middle } else { low = middle }
        }
        return cut(high)
    }
}
