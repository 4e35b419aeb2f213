/// What a file holds besides its statements: comments and blank lines, which the tree leaves
/// out and the formatter puts back where they were written.
public struct SyntaxTrivia: Equatable, Sendable {
    /// Every `# …` comment, in the order written.
    public var comments: [Comment] = []
    /// The byte offset at which each blank line (nothing but spaces) starts, in order.
    public var blankLines: [Int] = []

    /// No comments and no blank lines.
    public init(comments: [Comment] = [], blankLines: [Int] = []) {
        self.comments = comments
        self.blankLines = blankLines
    }
}
