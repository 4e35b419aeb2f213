@testable import CJMSyntax

/// A token as the tests look at it: with its text resolved (`Token` holds only its number).
struct LexedToken {
    var kind: TokenKind
    var start: SourceLocation
    var end: SourceLocation
    var text: String
    var number: Double
    var unit: DurationUnit
    /// How the token reads in an "expected ..., found ..." message.
    var description: String
}

/// Every token of `text` up to and including the end token, and the lexer's diagnostics.
func lex(_ text: String) -> (tokens: [LexedToken], diagnostics: [Diagnostic]) {
    var bag = DiagnosticCollector(limit: 100)
    let file = bag.sources.add(SourceFile(path: "test.cjm", text: text))
    return file.utf8.withUnsafeBufferPointer { bytes in
        var lexer = Lexer(bytes: bytes, file: file.id)
        var tokens: [LexedToken] = []
        repeat {
            let token = lexer.next(&bag)
            tokens.append(LexedToken(kind: token.kind, start: file.location(at: token.start), end: file.location(at: token.end), text: lexer.text(of: token),
                                     number: token.number, unit: token.unit,
                                     description: token.description(text: lexer.text(of: token))))
        } while tokens.last?.kind != .end
        return (tokens, bag.finished())
    }
}

/// The kinds of `text`'s tokens, without the final end token.
func kinds(_ text: String) -> [TokenKind] {
    lex(text).tokens.dropLast().map(\.kind)
}
