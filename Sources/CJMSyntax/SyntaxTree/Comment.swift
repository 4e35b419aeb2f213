/// A `# …` comment: from the `#` to the end of its line.
public struct Comment: Equatable, Sendable {
    /// The comment as written, `#` included, line break and a trailing `\r` not.
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
