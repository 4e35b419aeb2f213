/// How a poster is cut into office sheets: columns and rows of cells, each printed on its
/// own sheet inside `PaperMargins.sheet`, with a strip of `PaperMargins.overlap` repeated
/// from the cell to its right and below for gluing.
///
/// Columns are lettered from the left (`A`, `B`, … `Z`, `AA`) and rows numbered from the top,
/// as in a spreadsheet, so `B3` is the second column of the third row. The poster is centred
/// in the grid.
public struct PosterGrid: Hashable, Sendable {
    /// The sheet each tile is printed on, and how it is held.
    public var tile: PaperSize
    public var orientation: Orientation
    public var columns: Int
    public var rows: Int
    /// The assembled poster's drawing, in printed points.
    public var posterWidth: Double
    public var posterHeight: Double

    /// The most sheets a poster may take; more is refused before anything is drawn.
    public static let maxSheets = 200

    /// The grid for a poster of `width` × `height` printed points on `tile` sheets; with
    /// `orientation` nil, the orientation that needs fewer sheets (portrait when equal).
    public init(posterWidth width: Double, posterHeight height: Double, tile: PaperSize, orientation: Orientation? = nil) {
        func grid(_ turned: Orientation) -> (columns: Int, rows: Int) {
            let cell = Self.cell(of: tile, turned)
            // A hair of tolerance so a poster that fits exactly does not get an empty row.
            return (max(1, Int(((width - 0.01) / cell.width).rounded(.up))), max(1, Int(((height - 0.01) / cell.height).rounded(.up))))
        }
        let portrait = grid(.portrait), landscape = grid(.landscape)
        let chosen = orientation ?? (landscape.columns * landscape.rows < portrait.columns * portrait.rows ? .landscape : .portrait)
        let counts = chosen == .portrait ? portrait : landscape
        self.tile = tile
        self.orientation = chosen
        self.columns = counts.columns
        self.rows = counts.rows
        self.posterWidth = width
        self.posterHeight = height
    }

    /// A grid worked out before (read back from the worker's answer).
    init(tile: PaperSize, orientation: Orientation, columns: Int, rows: Int, posterWidth: Double, posterHeight: Double) {
        self.tile = tile
        self.orientation = orientation
        self.columns = columns
        self.rows = rows
        self.posterWidth = posterWidth
        self.posterHeight = posterHeight
    }

    /// Sheets in the grid, blank ones included.
    public var sheets: Int { columns * rows }

    /// The part of the poster one sheet is responsible for, in printed points.
    public var cell: (width: Double, height: Double) { Self.cell(of: tile, orientation) }

    private static func cell(of tile: PaperSize, _ orientation: Orientation) -> (width: Double, height: Double) {
        let sheet = tile.sized(orientation)
        let printable = 2 * PaperMargins.sheet + PaperMargins.overlap
        return (max(sheet.width - printable, 1), max(sheet.height - printable, 1))
    }

    /// Where the poster's top-left corner sits in the grid (it is centred).
    public var posterOrigin: (x: Double, y: Double) {
        ((Double(columns) * cell.width - posterWidth) / 2, (Double(rows) * cell.height - posterHeight) / 2)
    }

    /// `A`, `B`, … `Z`, `AA`, `AB`, …: the name of column `index` (from 0).
    public static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            rest -= 1
            name = String(UnicodeScalar(UInt8(ascii: "A") + UInt8(rest % 26))) + name
            rest /= 26
        }
        return name
    }

    /// `B3`: the label of the sheet at `column` and `row` (both from 0).
    public static func label(column: Int, row: Int) -> String {
        columnName(column) + String(row + 1)
    }

    /// `12 sheets A4 portrait (4 × 3)`.
    public var description: String { "\(sheets) sheets \(tile.name) \(orientation.rawValue) (\(columns) × \(rows))" }
}
