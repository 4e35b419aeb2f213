/// A laid-out drawing's size in points at scale 1: Graphviz's bounding box plus its pad.
public struct DrawingSize: Hashable, Sendable {
    public var width: Double
    public var height: Double

    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Graphviz pads the drawing by 4 points on every side by default.
    public static let padPoints = 4.0

    /// The size of the drawing whose `bb` is `boundingBox` ("llx,lly,urx,ury" in points);
    /// nil when it cannot be read.
    init?(boundingBox: String) {
        let numbers = boundingBox.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard numbers.count == 4, numbers.allSatisfy(\.isFinite) else { return nil }
        width = max(numbers[2] - numbers[0], 1) + 2 * Self.padPoints
        height = max(numbers[3] - numbers[1], 1) + 2 * Self.padPoints
    }
}
