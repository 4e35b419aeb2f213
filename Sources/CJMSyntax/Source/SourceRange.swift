/// A half-open span of one source file: from `start` up to (not including) `end`.
public struct SourceRange: Hashable, Sendable, Codable {
    /// The file, as its index in `SourcePathTable.shared` (28 bytes per range instead of 40).
    private var fileIndex: UInt32
    public var start: SourceLocation
    public var end: SourceLocation

    /// The file's path as the user wrote it (or as an `include` resolved it).
    public var file: String {
        get { SourcePathTable.shared.path(at: fileIndex) }
        set { fileIndex = SourcePathTable.shared.index(of: newValue) }
    }

    public init(file: String, start: SourceLocation, end: SourceLocation) {
        self.init(fileIndex: SourcePathTable.shared.index(of: file), start: start, end: end)
    }

    /// A range in a file already looked up, for the parser, which makes one per token.
    init(fileIndex: UInt32, start: SourceLocation, end: SourceLocation) {
        self.fileIndex = fileIndex
        self.start = start
        self.end = end
    }

    /// A range covering both `self` and `other` (same file assumed).
    public func extended(to other: SourceRange) -> SourceRange {
        SourceRange(fileIndex: fileIndex, start: min(start, other.start), end: max(end, other.end))
    }

    // Coded with the path itself, under the same keys as before: an index means nothing
    // outside this process.
    private enum CodingKeys: String, CodingKey { case file, start, end }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  start: try container.decode(SourceLocation.self, forKey: .start),
                  end: try container.decode(SourceLocation.self, forKey: .end))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
    }
}
