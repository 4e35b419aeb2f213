/// A point in a source file: its line, its column counted two ways, and its byte offset.
///
/// Columns count Unicode scalars for people (a caret under a Cyrillic line lands under the
/// right letter) and UTF-16 code units for editors (the Language Server Protocol counts those:
/// an emoji is two).
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// 1-based column, counted in UTF-16 code units.
    public var utf16Column: Int
    /// 0-based byte offset into the file's UTF-8.
    public var offset: Int

    /// A location; `utf16Column` defaults to `column`, which is right for any line without
    /// characters above U+FFFF before it.
    public init(line: Int, column: Int, utf16Column: Int? = nil, offset: Int) {
        self.line = line
        self.column = column
        self.utf16Column = utf16Column ?? column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }
}
