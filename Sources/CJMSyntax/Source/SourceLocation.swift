/// A point in a source file.
///
/// Stored as three `UInt32`s (12 bytes instead of 24). The syntax tree and tokens hold byte
/// offsets instead (`SourceRange`); locations are made when asked, mostly for diagnostics. Files are
/// capped far below 4 GiB (`Limits.maxFileBytes`), so no line, column or offset comes near it.
public struct SourceLocation: Hashable, Sendable, Comparable {
    private var storedLine: UInt32
    private var storedColumn: UInt32
    private var storedOffset: UInt32

    /// 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.narrow(newValue) }
    }
    /// 1-based column, counted in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.narrow(newValue) }
    }
    /// 0-based byte offset into the file's UTF-8.
    public var offset: Int {
        get { Int(storedOffset) }
        set { storedOffset = Self.narrow(newValue) }
    }

    @inline(__always)
    public init(line: Int, column: Int, offset: Int) {
        storedLine = Self.narrow(line)
        storedColumn = Self.narrow(column)
        storedOffset = Self.narrow(offset)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.storedOffset < rhs.storedOffset }

    /// Saturates instead of trapping, for a caller that raised `maxFileBytes` past 4 GiB.
    @inline(__always)
    private static func narrow(_ value: Int) -> UInt32 { UInt32(clamping: value) }
}
