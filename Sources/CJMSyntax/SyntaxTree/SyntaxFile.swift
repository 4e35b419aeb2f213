/// The syntax tree of one file: its top-level statements, in the order written, and the
/// comments and blank lines between them.
public struct SyntaxFile: Equatable, Sendable {
    public var path: String
    public var statements: [Statement]
    public var trivia: SyntaxTrivia

    public init(path: String, statements: [Statement], trivia: SyntaxTrivia = SyntaxTrivia()) {
        self.path = path
        self.statements = statements
        self.trivia = trivia
    }
}
