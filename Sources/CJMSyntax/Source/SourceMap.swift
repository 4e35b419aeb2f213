/// Every file one compile read, the root first, then each included file in the order first
/// read: what the positions of its syntax trees, model and reference index point into.
///
/// The map is owned by whoever compiled (a `CheckResult`), not by the process, so a position
/// means the same for as long as its result lives, and a range looked up in a map that does
/// not hold its file stops the program instead of reading as some other place.
public struct SourceMap: Sendable {
    /// The files, indexed by `FileID.index`.
    public private(set) var files: [SourceFile] = []

    /// An empty map.
    public init() {}

    /// A map of `files`, numbered in the order given.
    public init(_ files: [SourceFile]) {
        for file in files { _ = add(file) }
    }

    /// Adds `file` under the next number and returns it with that `id`.
    @discardableResult
    public mutating func add(_ file: SourceFile) -> SourceFile {
        var numbered = file
        numbered.id = FileID(files.count)
        files.append(numbered)
        return numbered
    }

    /// The file numbered `id`.
    public subscript(id: FileID) -> SourceFile { files[id.index] }

    /// The first file read from `path`, if any.
    public func file(path: String) -> SourceFile? {
        files.first { $0.path == path }
    }

    /// The lines and columns of `range`.
    public func span(_ range: SourceRange) -> SourceSpan {
        self[range.file].span(range)
    }
}
