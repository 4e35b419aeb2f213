/// A range of a file with its lines and columns worked out: what a `Diagnostic` points at.
///
/// Made from a `SourceRange` by its `SourceMap`, so a diagnostic can be printed,
/// compared and tested after the file (and the tree that pointed into it) is gone.
public struct SourceSpan: Hashable, Sendable {
    /// The file's path as the user wrote it (or as an `include` resolved it).
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }
}
