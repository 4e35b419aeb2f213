/// Writes a tiled poster as one PDF: first an assembly page showing the whole map with the
/// grid over it, then one page per cell that has anything drawn in it, each with its overlap
/// strip, crop marks, its label (`B3`), the journey title and its neighbours' labels.
///
/// Every page places the same recorded drawing (`MapRecording`), moved and clipped: the map is
/// laid out and drawn once. Captions are in Russian, as the maps' own are.
struct PosterRenderer {
    let grid: PosterGrid
    /// Printed points per drawing point.
    let scale: Double
    let title: String
    let fontName: String
    /// The smallest text of the map, in points at scale 1.
    let smallestText: Double

    private var margin: Double { PaperMargins.sheet }
    private var overlap: Double { PaperMargins.overlap }

    /// The poster's PDF.
    func render(_ recording: MapRecording) throws(RenderFailure) -> [UInt8] {
        let ink = try InkMap(recording, scale: scale)
        var printed: [(column: Int, row: Int)] = []
        for row in 0..<grid.rows {
            for column in 0..<grid.columns where ink.hasInk(in: cell(column: column, row: row)) { printed.append((column, row)) }
        }
        let printedSet = Set(printed.map { PosterGrid.label(column: $0.column, row: $0.row) })
        let overviewSize = overviewSheet()
        let document = try PosterDocument(width: overviewSize.width, height: overviewSize.height, title: title, fontName: fontName)
        drawOverview(on: document, recording: recording, printed: printedSet, count: printed.count, size: overviewSize)
        for (index, place) in printed.enumerated() {
            drawTile(column: place.column, row: place.row, number: index + 1, of: printed.count, printed: printedSet,
                     on: document, recording: recording)
        }
        return try document.finish()
    }

    /// The part of the poster cell (`column`, `row`) is responsible for, in poster points.
    func cell(column: Int, row: Int) -> Rect {
        let size = grid.cell, origin = grid.posterOrigin
        return Rect(x: Double(column) * size.width - origin.x, y: Double(row) * size.height - origin.y, width: size.width, height: size.height)
    }

    // MARK: The assembly page

    /// The tile sheet, held the way the whole grid fits it best.
    private func overviewSheet() -> (width: Double, height: Double) {
        let wide = Double(grid.columns) * grid.cell.width >= Double(grid.rows) * grid.cell.height
        return grid.tile.sized(wide ? .landscape : .portrait)
    }

    private func drawOverview(on document: PosterDocument, recording: MapRecording, printed: Set<String>, count: Int,
                              size: (width: Double, height: Double)) {
        document.beginPage(width: size.width, height: size.height, label: "Схема")
        let textWidth = size.width - 2 * margin
        document.text(title, x: margin, y: margin + 12, size: 14, bold: true, maxWidth: textWidth)
        let sheets = Self.plural(count, "лист", "листа", "листов")
        let columns = Self.plural(grid.columns, "столбец", "столбца", "столбцов")
        let rows = Self.plural(grid.rows, "ряд", "ряда", "рядов")
        let smallest = Int((Legibility.printed(smallestText, scale: scale) + 1e-9).rounded(.down))
        document.text("Постер: \(count) \(sheets) \(grid.tile.name) (\(grid.orientation.caption)), \(grid.columns) \(columns) × \(grid.rows) \(rows); "
                      + "самый мелкий текст не меньше \(smallest) pt.", x: margin, y: margin + 27, size: 9, maxWidth: textWidth)
        document.text("Обрежьте поля листа по сплошным меткам, совместите край со штриховыми метками соседа слева и сверху, "
                      + "склейте внахлёст по полосе \(Int((overlap * 25.4 / 72).rounded())) мм.",
                      x: margin, y: margin + 39, size: 8, maxWidth: textWidth)
        document.text("Серые клетки пусты и не печатаются; буква — столбец, число — ряд.", x: margin, y: margin + 50, size: 8, maxWidth: textWidth)

        let top = margin + 60
        let gridWidth = Double(grid.columns) * grid.cell.width, gridHeight = Double(grid.rows) * grid.cell.height
        let fit = min(textWidth / gridWidth, (size.height - top - margin) / gridHeight)
        let left = margin + (textWidth - gridWidth * fit) / 2
        let origin = grid.posterOrigin
        let poster = Rect(x: left + origin.x * fit, y: top + origin.y * fit, width: grid.posterWidth * fit, height: grid.posterHeight * fit)
        document.paint(recording.surface, scale: scale * fit, x: poster.x, y: poster.y, clip: poster)
        let cellWidth = grid.cell.width * fit, cellHeight = grid.cell.height * fit
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                let label = PosterGrid.label(column: column, row: row)
                let box = Rect(x: left + Double(column) * cellWidth, y: top + Double(row) * cellHeight, width: cellWidth, height: cellHeight)
                let used = printed.contains(label)
                document.rectangle(box, fill: used ? nil : 0.6, alpha: 0.35, stroke: 0.15, width: 0.75)
                let labelSize = min(max(min(cellWidth, cellHeight) * 0.22, 5), 20)
                document.text(label, x: box.x + cellWidth / 2, y: box.y + cellHeight / 2 + labelSize * 0.35, size: labelSize, bold: true,
                              gray: used ? 0 : 0.45, maxWidth: cellWidth * 0.9, centred: true, halo: true)
            }
        }
        document.endPage()
    }

    // MARK: A tile

    private func drawTile(column: Int, row: Int, number: Int, of count: Int, printed: Set<String>,
                          on document: PosterDocument, recording: MapRecording) {
        let sheet = grid.tile.sized(grid.orientation)
        let label = PosterGrid.label(column: column, row: row)
        document.beginPage(width: sheet.width, height: sheet.height, label: label)
        let part = cell(column: column, row: row)
        let image = Rect(x: margin, y: margin, width: part.width + overlap, height: part.height + overlap)
        document.paint(recording.surface, scale: scale, x: margin - part.x, y: margin - part.y, clip: image)
        drawMarks(sheet: sheet, part: part, hasRight: column + 1 < grid.columns, hasBelow: row + 1 < grid.rows, on: document)

        func neighbour(_ dc: Int, _ dr: Int) -> String? {
            let (c, r) = (column + dc, row + dr)
            guard c >= 0, r >= 0, c < grid.columns, r < grid.rows else { return nil }
            let name = PosterGrid.label(column: c, row: r)
            return printed.contains(name) ? name : nil
        }
        let middle = margin / 2 + 2.5
        if let above = neighbour(0, -1) { document.text("↑ \(above)", x: margin + image.width / 2, y: middle, size: 7, centred: true) }
        if let left = neighbour(-1, 0) {
            document.text("← \(left)", x: margin / 2, y: margin + image.height / 2, size: 7, maxWidth: margin - 4, centred: true)
        }
        if let right = neighbour(1, 0) {
            document.text("\(right) →", x: sheet.width - margin / 2, y: margin + image.height / 2, size: 7, maxWidth: margin - 4, centred: true)
        }
        let baseline = sheet.height - margin / 2 + 3
        var below = 0.0
        if let under = neighbour(0, 1) {
            let text = "↓ \(under)"
            below = document.width(of: text, size: 7) + 8
            document.text(text, x: margin + image.width - below + 8, y: baseline, size: 7)
        }
        let drawn = document.text(label, x: margin + 4, y: baseline, size: 11, bold: true)
        document.text("\(title) · столбец \(PosterGrid.columnName(column)), ряд \(row + 1) · лист \(number) из \(count)",
                      x: margin + 4 + drawn + 8, y: baseline - 0.5, size: 7.5, maxWidth: image.width - drawn - below - 20)
        document.endPage()
    }

    /// Solid marks where the sheet is cut (the printed area's left and top edges), dashed ones
    /// where the next sheet's cut edge goes (the cell's right and lower edges).
    private func drawMarks(sheet: (width: Double, height: Double), part: Rect, hasRight: Bool, hasBelow: Bool, on document: PosterDocument) {
        let gap = 3.0
        func vertical(_ x: Double, dash: Double?) {
            document.line(from: (x, gap), to: (x, margin - gap), dash: dash)
            document.line(from: (x, sheet.height - margin + gap), to: (x, sheet.height - gap), dash: dash)
        }
        func horizontal(_ y: Double, dash: Double?) {
            document.line(from: (gap, y), to: (margin - gap, y), dash: dash)
            document.line(from: (sheet.width - margin + gap, y), to: (sheet.width - gap, y), dash: dash)
        }
        vertical(margin, dash: nil)
        horizontal(margin, dash: nil)
        if hasRight { vertical(margin + part.width, dash: 2) }
        if hasBelow { horizontal(margin + part.height, dash: 2) }
    }

    /// The Russian form of a noun after `count`: 1 лист, 3 листа, 12 листов, 21 лист.
    static func plural(_ count: Int, _ one: String, _ few: String, _ many: String) -> String {
        let lastTwo = count % 100, last = count % 10
        if (11...14).contains(lastTwo) { return many }
        if last == 1 { return one }
        if (2...4).contains(last) { return few }
        return many
    }
}
