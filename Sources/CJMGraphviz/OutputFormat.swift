/// The file formats a map can be written in.
public enum OutputFormat: String, Sendable, CaseIterable {
    case svg, png, pdf, dot

    /// The Graphviz renderer asked for: bitmaps and PDF name cairo explicitly so the output
    /// never silently switches to the gd plugin when both are installed.
    var graphvizFormat: String {
        switch self {
        case .svg: "svg"
        case .png: "png:cairo"
        case .pdf: "pdf:cairo"
        case .dot: "dot"
        }
    }

    /// Formats whose size is counted in pixels, so the bitmap caps apply.
    var isBitmap: Bool { self == .png }
}
