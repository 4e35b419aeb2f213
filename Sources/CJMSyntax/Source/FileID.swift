/// A file's number in a `SourceMap`: what a `SourceRange` names its file by.
public struct FileID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The position of the file in `SourceMap.files`.
    public let index: Int

    /// The file at `index` of its map.
    public init(_ index: Int) { self.index = index }

    public static func < (lhs: FileID, rhs: FileID) -> Bool { lhs.index < rhs.index }

    public var description: String { "#\(index)" }
}
