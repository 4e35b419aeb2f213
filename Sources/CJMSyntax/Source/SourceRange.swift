/// A half-open span of one source file, from byte `startOffset` up to (not including) `endOffset`.
///
/// Holds offsets only, 12 bytes: the syntax tree and the model keep one for every part of every
/// statement, and stored lines and columns made them 28 (a 50 MB journey's tree held about
/// 90 MB of them). `start` and `end` find the line and column in the file's text when asked,
/// which works while a copy of its `SourceFile` is alive; a `Diagnostic` asks at once and keeps
/// the answer (`SourceSpan`), so diagnostics stay readable after the text is gone.
public struct SourceRange: Hashable, Sendable {
    /// The file, as its entry in `SourceTable.shared`.
    private var fileIndex: UInt32
    private var storedStart: UInt32
    private var storedEnd: UInt32

    /// The file's path as the user wrote it (or as an `include` resolved it).
    public var file: String { SourceTable.shared.path(at: fileIndex) }

    /// The byte offset where the range starts.
    public var startOffset: Int { Int(storedStart) }
    /// The byte offset just past the range.
    public var endOffset: Int { Int(storedEnd) }

    /// The line and column of the first byte (looked up in the file's text).
    public var start: SourceLocation { SourceTable.shared.location(at: startOffset, in: fileIndex) }
    /// The line and column just past the range (looked up in the file's text).
    public var end: SourceLocation { SourceTable.shared.location(at: endOffset, in: fileIndex) }

    /// A range of a file known only by its path (one that could not be read); its offsets count
    /// as columns of line 1.
    public init(file: String, startOffset: Int, endOffset: Int) {
        self.init(fileIndex: SourceTable.shared.index(of: file), startOffset: startOffset, endOffset: endOffset)
    }

    /// A range in a file already looked up, for the parser, which makes one per token.
    @inline(__always)
    init(fileIndex: UInt32, startOffset: Int, endOffset: Int) {
        self.fileIndex = fileIndex
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

    /// Equal when they cover the same bytes of files with the same path (two readings of one
    /// file give equal trees).
    public static func == (lhs: SourceRange, rhs: SourceRange) -> Bool {
        lhs.storedStart == rhs.storedStart && lhs.storedEnd == rhs.storedEnd
            && (lhs.fileIndex == rhs.fileIndex || lhs.file == rhs.file)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storedStart)
        hasher.combine(storedEnd)
    }
}
