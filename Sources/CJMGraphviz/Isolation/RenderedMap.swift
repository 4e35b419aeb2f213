/// A successful render: the bytes, what the layout measured and how it was put on paper.
public struct RenderedMap: Hashable, Sendable {
    public var bytes: [UInt8]
    /// The laid-out drawing at scale 1, in points: what legibility and paper advice are
    /// worked out from.
    public var drawing: DrawingSize
    /// The sheet and scale (and poster grid) the map was fitted to; nil without `--paper`/`--tile`.
    public var layout: PrintLayout?
    /// `cjm render timings: build … s, layout … s, render … s` (and peak memory), or nil.
    public var timings: String?

    public init(bytes: [UInt8], drawing: DrawingSize, layout: PrintLayout? = nil, timings: String? = nil) {
        self.bytes = bytes
        self.drawing = drawing
        self.layout = layout
        self.timings = timings
    }
}
