/// A map embedded in a Markdown document, as written: a fenced ```` ```cjm ```` block holding a
/// journey, or a `<!-- cjm: FILE -->` marker naming one. Lines are indices into the
/// document's `MarkdownLine`s, byte offsets into its text.
struct EmbeddedMapSyntax: Equatable {
    /// Where the journey comes from.
    enum Source: Equatable {
        /// The journey is the block's content: these lines, between the fences.
        case fenced(content: Range<Int>)
        /// A journey file, its path as written (relative to the document's folder), and the
        /// bytes that path occupies in the marker.
        case file(path: String, range: Range<Int>)
    }

    var source: Source
    /// The `key=value` words after `cjm` (fence) or after the path (marker).
    var options: [MapOptionSyntax]
    /// The opening fence's or the marker's line.
    var firstLine: Int
    /// The closing fence's or the marker's line: the map's link goes after it.
    var lastLine: Int
    /// Columns the fence or marker is indented by; the inserted link gets as many spaces, so
    /// it stays in the same list item.
    var indentation: Int
    /// The line of the image link already following the block, if there is one.
    var linkLine: Int?
}

/// One `key=value` word, with the byte range of the whole word for diagnostics.
struct MapOptionSyntax: Equatable {
    var key: String
    var value: String
    var range: Range<Int>
}
