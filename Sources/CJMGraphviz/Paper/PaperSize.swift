/// A named sheet of paper, held portrait: `width` ≤ `height`, both in points (1/72 inch).
public struct PaperSize: Hashable, Sendable, CustomStringConvertible {
    /// The name as `--paper` and `--tile` take it and messages print it (`A1`, `letter`).
    public var name: String
    public var width: Double
    public var height: Double

    public init(name: String, width: Double, height: Double) {
        self.name = name
        self.width = min(width, height)
        self.height = max(width, height)
    }

    /// ISO 216 sizes are defined in millimetres.
    private static func millimetres(_ name: String, _ width: Double, _ height: Double) -> PaperSize {
        PaperSize(name: name, width: width * 72 / 25.4, height: height * 72 / 25.4)
    }

    public static let a0 = millimetres("A0", 841, 1189)
    public static let a1 = millimetres("A1", 594, 841)
    public static let a2 = millimetres("A2", 420, 594)
    public static let a3 = millimetres("A3", 297, 420)
    public static let a4 = millimetres("A4", 210, 297)
    public static let letter = PaperSize(name: "letter", width: 612, height: 792)
    public static let legal = PaperSize(name: "legal", width: 612, height: 1008)
    public static let tabloid = PaperSize(name: "tabloid", width: 792, height: 1224)

    /// Every sheet `--paper` accepts, in the order messages list them.
    public static let all: [PaperSize] = [a0, a1, a2, a3, a4, letter, legal, tabloid]
    /// The sheets an office printer takes, which `--tile` accepts.
    public static let tiles: [PaperSize] = [a4, a3, letter]

    /// The sheet called `name`, ignoring case (`a1`, `Letter`); nil for any other name.
    public static func named(_ name: String) -> PaperSize? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// `A0, A1, …, tabloid`, for the message that refuses an unknown name.
    public static func list(_ sizes: [PaperSize]) -> String {
        sizes.map(\.name).joined(separator: ", ")
    }

    /// Width and height of the sheet turned to `orientation`.
    public func sized(_ orientation: Orientation) -> (width: Double, height: Double) {
        orientation == .portrait ? (width, height) : (height, width)
    }

    /// Square points, to compare sheets (`--tile` may not be larger than `--paper`).
    public var area: Double { width * height }

    public var description: String { name }
}

/// Which way up a sheet is held.
public enum Orientation: String, Hashable, Sendable, CaseIterable {
    case portrait, landscape

    /// The Russian word the poster's own captions use.
    var caption: String { self == .portrait ? "книжная" : "альбомная" }
}
