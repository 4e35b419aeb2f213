/// What kind of token the lexer found.
enum TokenKind: Equatable, Sendable {
    /// A bare word; `Token.text` holds it.
    case identifier
    /// A double-quoted string; `Token.text` holds the decoded value.
    case string
    /// `12`, `-1`, `+1`, `−2`, `85 000`, `3.5`; `Token.number` holds the value, and
    /// `Token.currency` the mark of a sum (`85 000 ₽`).
    case number
    /// `40%`; `Token.number` holds 40.
    case percent
    /// `30m`, `2h`, `5d`, `1w`; `Token.number` and `Token.unit`.
    case duration
    case leftBrace
    case rightBrace
    case colon
    case comma
    case dot
    case arrow
    case semicolon
    /// A `"` right after a word with nothing after it on its line (`phase buy Покупка"`): the
    /// closing quote of a label whose opening quote is missing. The parser reports it.
    case strayQuote
    /// A line end; statements end here.
    case newline
    /// The end of the file.
    case end
}

/// One token with its exact place. The lexer hands them out one at a time so a 50 MB file never
/// sits in memory as a token array.
///
/// Plain values only, no `String`: the parser copies tokens constantly (current, lookahead,
/// the start of a statement), and a string inside made every copy a retain and a release.
struct Token: Sendable {
    var kind: TokenKind
    /// The byte offset of the token's first byte.
    var start: Int
    /// The byte offset just past the token.
    var end: Int
    /// The byte offset at which the token's line starts (for `Lexer.column(of:)`).
    var lineStart: Int
    /// The identifier or the decoded string, as its number in the lexer's string table
    /// (`Lexer.text(of:)`); -1 for other kinds.
    var text: Int32 = -1
    /// The value of a number, percentage or duration.
    var number: Double = 0
    /// The unit of a duration.
    var unit: DurationUnit = .minutes
    /// The currency mark after a sum (`350 ₽`); nil for plain numbers and other kinds.
    var currency: CurrencyMark?

    /// How the token reads in an "expected ..., found ..." message; `text` is its `Lexer.text(of:)`.
    func description(text: String) -> String {
        switch kind {
        case .identifier: "'\(text)'"
        case .string: "the string \(quotedPreview(text))"
        case .number: currency.map { "the sum \(numberText) \($0.symbol)" } ?? "the number \(numberText)"
        case .percent: "the percentage \(numberText)%"
        case .duration: "the duration \(numberText)\(unit.rawValue)"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .colon: "':'"
        case .comma: "','"
        case .dot: "'.'"
        case .arrow: "'->'"
        case .semicolon: "';'"
        case .strayQuote: "a '\"' that closes no string"
        case .newline: "the end of the line"
        case .end: "the end of the file"
        }
    }

    /// The string in quotes, cut after 24 characters, with control characters spelled out later
    /// by the printer.
    private func quotedPreview(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 24 else { return "\"\(text)\"" }
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars.prefix(24))
        return "\"\(String(cut))…\""
    }

    private var numberText: String { SourceNumber.text(number) }
}
