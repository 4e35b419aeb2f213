import CJMSyntax

/// Where a journey's figures came from when a CSV export supplied them (`figures "counts.csv"`
/// in the journey, or `--figures FILE`), and what they changed.
public struct FiguresFile: Equatable, Sendable {
    /// The path as read (relative to the journey's folder for `figures`, as given for `--figures`).
    public var path: String
    /// The elements whose written `count:` (or, for a won stage's revenue, its pipeline's
    /// `revenue:`) the file replaced, in the order of its rows.
    public var replaced: [ElementPath]
    /// Every element the file gave a figure to, in the order of its rows.
    public var supplied: [ElementPath]

    public init(path: String, replaced: [ElementPath] = [], supplied: [ElementPath] = []) {
        self.path = path
        self.replaced = replaced
        self.supplied = supplied
    }
}

/// `figures "counts.csv"` as written in a journey.
public struct FiguresReference: Equatable, Sendable {
    /// The file name as written, relative to the journey file's folder.
    public var path: String
    /// Where the name was written.
    public var source: SourceRange
    public init(path: String, source: SourceRange) {
        self.path = path
        self.source = source
    }
}
