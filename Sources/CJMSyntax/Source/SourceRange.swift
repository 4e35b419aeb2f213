/// A half-open span of one source file: from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable, Codable {
    /// The file's path as the user wrote it (or as an `include` resolved it).
    public var file: String
    public var start: SourceLocation
    public var end: SourceLocation

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.file = file
        self.start = start
        self.end = end
    }

    /// A range covering both `self` and `other` (same file assumed).
    public func extended(to other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }
}
