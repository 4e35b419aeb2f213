/// Caps that keep a hostile or enormous `.cjm` file from taking the tool down.
///
/// Every stage checks the caps it can see (the decoder the size, the parser depth, labels,
/// statement count and error count) and reports a diagnostic that states the cap, so a user who
/// really needs more knows exactly what was hit.
public struct Limits: Sendable, Hashable {
    /// Largest file accepted, in bytes. Default 256 MiB, so a 50 MB journey passes easily.
    public var maxFileBytes: Int
    /// Deepest allowed nesting of `{ }` blocks. Default 64; real journeys need about 6.
    public var maxNestingDepth: Int
    /// Longest allowed string literal (label, URL, text line), in characters (Unicode scalars).
    /// Default 4,000.
    public var maxLabelLength: Int
    /// Most statements (elements, edges and properties, nested ones included) in one file.
    /// Default 2,000,000, well above what a 50 MB journey holds.
    public var maxElements: Int
    /// Most errors kept per file; the rest are counted and summed up in a final note. Default 50.
    public var maxErrors: Int

    /// Creates caps; every parameter defaults to the value of `standard`.
    public init(
        maxFileBytes: Int = 256 * 1024 * 1024,
        maxNestingDepth: Int = 64,
        maxLabelLength: Int = 4_000,
        maxElements: Int = 2_000_000,
        maxErrors: Int = 50
    ) {
        self.maxFileBytes = maxFileBytes
        self.maxNestingDepth = maxNestingDepth
        self.maxLabelLength = maxLabelLength
        self.maxElements = maxElements
        self.maxErrors = maxErrors
    }

    /// The documented defaults.
    public static let standard = Limits()
}
