/// What `--paper`, `--tile` and `--landscape`/`--portrait` ask of a map: where it will be printed.
public struct PageSetup: Hashable, Sendable {
    /// The sheet the whole map is fitted to (with `tile`: the size of the assembled poster).
    public var paper: PaperSize?
    /// The orientation of `paper`, or of the tiles when there is no `paper`; nil: whichever
    /// prints the text larger (for tiles: needs fewer sheets).
    public var orientation: Orientation?
    /// The office sheet a multi-page PDF poster is printed on.
    public var tile: PaperSize?

    public init(paper: PaperSize? = nil, orientation: Orientation? = nil, tile: PaperSize? = nil) {
        self.paper = paper
        self.orientation = orientation
        self.tile = tile
    }

    /// Why the combination cannot be printed, as a usage message; nil when it can.
    public var problem: String? {
        if paper == nil && tile == nil && orientation != nil { return "--\(orientation!.rawValue) needs --paper or --tile" }
        if let tile, !PaperSize.tiles.contains(tile) {
            return "--tile takes an office sheet: \(PaperSize.list(PaperSize.tiles)), not \(tile.name)"
        }
        if let tile, let paper, tile.area > paper.area + 1 {
            return "--tile \(tile.name) is larger than --paper \(paper.name); a poster is tiled from smaller sheets"
        }
        return nil
    }
}

/// White space kept around the drawing: printers cannot print to the edge of the sheet.
public enum PaperMargins {
    /// Around the map on a `--paper` sheet, and around the printed area of each tile.
    public static let sheet = 10 * 72 / 25.4
    /// The strip a tile shares with its right and lower neighbours, for gluing.
    public static let overlap = 10 * 72 / 25.4
}

/// Resolutions for bitmaps of a sheet.
public enum PaperDPI {
    /// A PNG of a `--paper` sheet when no `--dpi` is given: what print shops take for
    /// posters seen from a step away, and A0 stays at 35 megapixels.
    public static let png = 150.0
}
