/// The syntax tree of one file: its top-level statements, in the order written.
public struct SyntaxFile: Equatable, Sendable {
    public var path: String
    public var statements: [Statement]

    public init(path: String, statements: [Statement]) {
        self.path = path
        self.statements = statements
    }
}
