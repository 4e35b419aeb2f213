/// A half-open span of one source file, from byte `startOffset` up to (not including)
/// `endOffset`, in the file numbered `file` of its compile's `SourceMap`.
///
/// Holds numbers only (12 bytes): the syntax tree and the model keep one for every part of
/// every statement. Lines and columns come from the file: `SourceMap.span(_:)`.
public struct SourceRange: Hashable, Sendable {
    private var storedFile: UInt32
    private var storedStart: UInt32
    private var storedEnd: UInt32

    /// The file the range points into.
    public var file: FileID { FileID(Int(storedFile)) }
    /// The byte offset where the range starts.
    public var startOffset: Int { Int(storedStart) }
    /// The byte offset just past the range.
    public var endOffset: Int { Int(storedEnd) }

    /// The bytes `startOffset..<endOffset` of `file`. Files are capped far below 4 GiB
    /// (`Limits.maxFileBytes`); larger offsets saturate instead of trapping.
    public init(file: FileID, startOffset: Int, endOffset: Int) {
        storedFile = UInt32(clamping: file.index)
        storedStart = UInt32(clamping: startOffset)
        storedEnd = UInt32(clamping: endOffset)
    }

    /// A range covering both `self` and `other` (same file assumed).
    public func extended(to other: SourceRange) -> SourceRange {
        var range = self
        range.storedStart = min(storedStart, other.storedStart)
        range.storedEnd = max(storedEnd, other.storedEnd)
        return range
    }

    /// Whether `offset` lies inside the range, or just past its end (where an editor's cursor
    /// stands after typing a name).
    public func touches(_ offset: Int) -> Bool {
        startOffset <= offset && offset <= endOffset
    }
}
