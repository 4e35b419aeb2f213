@testable import CJMSyntax

/// Every token of `text` up to and including the end token, and the lexer's diagnostics.
func lex(_ text: String) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var copy = text
    return copy.withUTF8 { bytes in
        var lexer = Lexer(bytes: bytes, file: "test.cjm")
        var bag = DiagnosticBag(limit: 100)
        var tokens: [Token] = []
        repeat {
            tokens.append(lexer.next(&bag))
        } while tokens.last?.kind != .end
        return (tokens, bag.finished())
    }
}

/// The kinds of `text`'s tokens, without the final end token.
func kinds(_ text: String) -> [TokenKind] {
    lex(text).tokens.dropLast().map(\.kind)
}
