/// Splits UTF-8 bytes into tokens, one `next` call at a time.
///
/// It works on bytes, never on `Character`s, because grapheme breaking would cost far more
/// than the whole parse. Tokens carry byte offsets only; the parser asks for the columns it
/// needs (`column(of:)`, in Unicode scalars), and ranges find theirs when a diagnostic is made.
/// The input has been validated by `SourceDecoder`, so every multi-byte sequence is well formed.
struct Lexer {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The file the ranges of diagnostics and trivia point into.
    private let file: FileID
    private var pos = 0
    /// Where the current line starts; every token carries it, for `column(of:)`.
    private var lineStart = 0
    /// Reused buffer for strings with escapes.
    private var scratch: [UInt8] = []
    /// Shares the storage of repeated long identifiers and strings.
    private var interner: StringInterner
    /// The comments and blank lines met so far.
    private(set) var trivia = SyntaxTrivia()
    /// Whether anything but spaces stood on the current line before `pos`.
    private var lineHasContent = false

    init(bytes: UnsafeBufferPointer<UInt8>, file: FileID) {
        self.bytes = bytes
        self.file = file
        self.interner = StringInterner(source: bytes)
    }

    /// The next token; problems go to `diagnostics` and the lexer carries on with a best guess.
    mutating func next(_ diagnostics: inout DiagnosticCollector) -> Token {
        while true {
            skipSpaces()
            guard pos < bytes.count else {
                return token(.end, from: pos)
            }
            let lead = bytes[pos]
            if lead != UInt8(ascii: "\n") { lineHasContent = true }
            switch lead {
            case UInt8(ascii: "#"):
                comment()
            case UInt8(ascii: "\n"):
                if !lineHasContent { trivia.blankLines.append(lineStart) }
                pos += 1
                let newline = token(.newline, from: pos - 1)
                lineStart = pos
                lineHasContent = false
                return newline
            case UInt8(ascii: "{"): return punctuation(.leftBrace)
            case UInt8(ascii: "}"): return punctuation(.rightBrace)
            case UInt8(ascii: ":"): return punctuation(.colon)
            case UInt8(ascii: ","): return punctuation(.comma)
            case UInt8(ascii: "."): return punctuation(.dot)
            case UInt8(ascii: ";"): return punctuation(.semicolon)
            case UInt8(ascii: "-"):
                if byte(at: pos + 1) == UInt8(ascii: ">") { return punctuation(.arrow, length: 2) }
                if isDigit(byte(at: pos + 1)) { return number(&diagnostics) }
                unexpectedCharacters(&diagnostics)
            case UInt8(ascii: "+"):
                if isDigit(byte(at: pos + 1)) { return number(&diagnostics) }
                unexpectedCharacters(&diagnostics)
            case UInt8(ascii: "\""):
                return string(&diagnostics)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number(&diagnostics)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                return identifier()
            default:
                if lead >= 0x80 {
                    let (scalar, length) = scalar(at: pos)
                    if ScalarClass.isIdentifierStart(scalar) { return identifier() }
                    // The typographic minus (U+2212) and the en dash (U+2013), which office
                    // editors put for a typed `-`: `emotion: −2`.
                    if (scalar == "\u{2212}" || scalar == "\u{2013}"), isDigit(byte(at: pos + length)) { return number(&diagnostics) }
                }
                unexpectedCharacters(&diagnostics)
            }
        }
    }

    /// The identifier or the decoded string of `token` (one this lexer made); empty for other kinds.
    func text(of token: Token) -> String {
        token.text < 0 ? "" : interner.string(token.text)
    }

    /// The column (in Unicode scalars, from 1) at which `token` starts: the parser asks only
    /// for tokens that start a line or a statement, so this counts little more than indentation.
    func column(of token: Token) -> Int {
        var column = 1
        for i in token.lineStart..<token.start where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    // MARK: Positions

    /// A token of `kind` from `start` to the current position.
    private func token(_ kind: TokenKind, from start: Int) -> Token {
        Token(kind: kind, start: start, end: pos, lineStart: lineStart)
    }

    private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(file: file, startOffset: start, endOffset: end)
    }

    private func byte(at offset: Int) -> UInt8 {
        offset < bytes.count ? bytes[offset] : 0
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// The scalar starting at `offset` and its length in bytes.
    private func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[offset])
        let length: Int
        var value: UInt32
        switch b0 {
        case 0..<0x80: return (Unicode.Scalar(UInt8(b0)), 1)
        case 0xC0..<0xE0: length = 2; value = b0 & 0x1F
        case 0xE0..<0xF0: length = 3; value = b0 & 0x0F
        default: length = 4; value = b0 & 0x07
        }
        for k in 1..<length { value = value << 6 | (UInt32(byte(at: offset + k)) & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // MARK: Tokens

    /// Records the comment at `pos` (a `#`) up to the end of its line, and moves past it.
    private mutating func comment() {
        let start = pos
        while pos < bytes.count, bytes[pos] != UInt8(ascii: "\n") { pos += 1 }
        var end = pos
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        trivia.comments.append(Comment(text: text, range: range(start, end)))
    }

    private mutating func skipSpaces() {
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                pos += 1
            } else if byte >= 0x80 {
                // Space separators start with one of four lead bytes (U+00A0, U+1680,
                // U+2000…U+205F, U+3000); a Cyrillic word never needs the property lookup.
                guard byte == 0xC2 || (byte >= 0xE1 && byte <= 0xE3) else { return }
                let (scalar, length) = scalar(at: pos)
                guard ScalarClass.isSpace(scalar) else { return }
                pos += length
            } else {
                return
            }
        }
    }

    private mutating func punctuation(_ kind: TokenKind, length: Int = 1) -> Token {
        pos += length
        return token(kind, from: pos - length)
    }

    /// Whether the bytes at `offset` continue an identifier; a `-` does unless `->` follows.
    private func continuesIdentifier(at offset: Int) -> (Bool, Int) {
        guard offset < bytes.count else { return (false, 0) }
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            return (true, 1)
        case UInt8(ascii: "-"):
            return (self.byte(at: offset + 1) != UInt8(ascii: ">"), 1)
        case 0xD0, 0xD1:
            // Cyrillic letters without decoding: А–я is D0 90…D1 8F, Ё is D0 81, ё is D1 91.
            let second = self.byte(at: offset + 1)
            if (byte == 0xD0 && (second >= 0x90 || second == 0x81)) || (byte == 0xD1 && (second <= 0x8F || second == 0x91)) {
                return (true, 2)
            }
            let (scalar, length) = scalar(at: offset)
            return (ScalarClass.isIdentifierContinuation(scalar), length)
        case 0x80...:
            let (scalar, length) = scalar(at: offset)
            return (ScalarClass.isIdentifierContinuation(scalar), length)
        default:
            return (false, 0)
        }
    }

    private mutating func identifier() -> Token {
        let begin = pos
        // Whether a letter outside ASCII and Russian was met: only such an id can be decomposed.
        var unusual = bytes[pos] >= 0x80 && !isRussianLead(bytes[pos])
        pos += scalar(at: pos).1
        while true {
            let (continues, length) = continuesIdentifier(at: pos)
            guard continues else { break }
            if length > 1, !isRussianLead(bytes[pos]) { unusual = true }
            pos += length
        }
        var identifier = token(.identifier, from: begin)
        identifier.text = unusual ? composedIdentifier(begin..<pos) : interner.number(at: begin..<pos)
        return identifier
    }

    private func isRussianLead(_ byte: UInt8) -> Bool { byte == 0xD0 || byte == 0xD1 }

    /// The id spelled by `range`, in composed form (NFC): `и` + U+0306 and `й` are one id, and
    /// ids compare by their bytes from here on.
    private mutating func composedIdentifier(_ range: Range<Int>) -> Int32 {
        let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        let composed = written._nfcCodeUnits
        return composed.elementsEqual(written.utf8) ? interner.number(at: range) : interner.add(String(decoding: composed, as: UTF8.self))
    }

    /// A number as business people write it: a sign (`-`, `+`, `−`, `–`), digits grouped in
    /// threes by a space, no-break space or thin space (`85 000`), a decimal point or comma
    /// (`3.5`, `12,5%`), then `%`, a duration unit, or a currency mark (`85 000 ₽`).
    private mutating func number(_ diagnostics: inout DiagnosticCollector) -> Token {
        let begin = pos
        var negative = false
        switch bytes[pos] {
        case UInt8(ascii: "-"): negative = true; pos += 1
        case UInt8(ascii: "+"): pos += 1
        case UInt8(ascii: "0")...UInt8(ascii: "9"): break
        default: negative = true; pos += scalar(at: pos).1  // U+2212 or U+2013, checked by the caller
        }
        let digitsStart = pos
        var integer: Double = 0
        var digitCount = 0
        while pos < bytes.count, isDigit(bytes[pos]) {
            integer = integer * 10 + Double(bytes[pos] - UInt8(ascii: "0"))
            digitCount += 1
            pos += 1
        }
        // Groups of exactly three digits after a first group of one to three: `1 570`, `1 234 567`.
        var grouped = false
        if digitCount <= 3 {
            while let separator = groupSeparatorLength(at: pos), isDigit(byte(at: pos + separator)),
                  isDigit(byte(at: pos + separator + 1)), isDigit(byte(at: pos + separator + 2)),
                  !isDigit(byte(at: pos + separator + 3)) {
                pos += separator
                for _ in 0..<3 {
                    integer = integer * 10 + Double(bytes[pos] - UInt8(ascii: "0"))
                    pos += 1
                }
                digitCount += 3
                grouped = true
            }
        }
        var value = integer
        var slowPath = digitCount > 15 || grouped
        var ambiguousComma = false
        let decimalMark = byte(at: pos)
        if decimalMark == UInt8(ascii: ".") || decimalMark == UInt8(ascii: ","), isDigit(byte(at: pos + 1)) {
            pos += 1
            let fractionStart = pos
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            // `1,500` reads as fifteen hundred in English and one and a half in Russian.
            ambiguousComma = decimalMark == UInt8(ascii: ",") && !grouped && pos - fractionStart == 3 && percentSignLength(at: pos) == nil
            slowPath = true
        }
        if slowPath {
            // Fractions, groups and long integers: let the standard library round them exactly.
            var literal = ""
            for byte in UnsafeBufferPointer(rebasing: bytes[digitsStart..<pos]) {
                if isDigit(byte) { literal.unicodeScalars.append(Unicode.Scalar(byte)) }
                else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") { literal += "." }
            }
            value = Double(literal) ?? .infinity
        }
        if negative { value = -value }

        var kind = TokenKind.number
        var unit = DurationUnit.minutes
        var currency: CurrencyMark?
        let suffix = byte(at: pos)
        if let percent = percentSignLength(at: pos) {
            kind = .percent
            pos += percent
        } else if let found = durationUnit(suffix), !continuesIdentifier(at: pos + 1).0 {
            kind = .duration
            unit = found
            pos += 1
        } else if let (mark, length) = currencyMark(at: pos) {
            currency = mark
            pos += length
        }

        // Anything word-like glued to the number (`5days`, `12px`, `1.2.3`) is one bad literal.
        var malformed = false
        while true {
            let (continues, length) = continuesIdentifier(at: pos)
            if continues {
                pos += length
            } else if byte(at: pos) == UInt8(ascii: ".") && isDigit(byte(at: pos + 1)) {
                pos += 1
            } else if malformed && byte(at: pos) == UInt8(ascii: "%") {
                pos += 1
            } else {
                break
            }
            malformed = true
        }
        if malformed {
            diagnostics.error(.invalidNumber, "'\(text(begin, pos))' is not a number, percentage or duration; write numbers as 12, -1, 3.5 or 85 000, percentages as 40% or 12,5%, durations as 30m, 2h, 5d or 1w", at: range(begin, pos))
        } else if ambiguousComma {
            let parts = text(digitsStart, pos).split(separator: ",")
            var fraction = parts[1]
            while fraction.last == "0" { fraction.removeLast() }
            let decimal = fraction.isEmpty ? String(parts[0]) : "\(parts[0]).\(fraction)"
            diagnostics.error(.invalidNumber, "'\(text(begin, pos))' could mean \(parts[0])\(parts[1]) or \(decimal); write \(parts[0]) \(parts[1]) or \(parts[0])\(parts[1]) for the first, \(decimal) for the second", at: range(begin, pos))
        }
        var number = token(kind, from: begin)
        number.number = value
        number.unit = unit
        number.currency = currency
        return number
    }

    /// The source text from byte `start` to byte `end`, as written.
    func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The length of a digit-group separator at `offset`: a space, U+00A0, U+2009 or U+202F.
    private func groupSeparatorLength(at offset: Int) -> Int? {
        switch byte(at: offset) {
        case UInt8(ascii: " "): return 1
        case 0xC2: return byte(at: offset + 1) == 0xA0 ? 2 : nil
        case 0xE2: return byte(at: offset + 1) == 0x80 && (byte(at: offset + 2) == 0x89 || byte(at: offset + 2) == 0xAF) ? 3 : nil
        default: return nil
        }
    }

    /// The length of `%` at `offset`, or of one separator and `%` (`12,5 %`, as Russian
    /// typography spaces it).
    private func percentSignLength(at offset: Int) -> Int? {
        if byte(at: offset) == UInt8(ascii: "%") { return 1 }
        if let separator = groupSeparatorLength(at: offset), byte(at: offset + separator) == UInt8(ascii: "%") { return separator + 1 }
        return nil
    }

    /// The currency mark at `offset`, glued to a number or after spaces (`350₽`, `85 000 руб.`),
    /// and the bytes up to its end; nil when none stands there. A word is a mark only when it
    /// ends there and is not an attribute's name (`rub:`).
    private func currencyMark(at offset: Int) -> (CurrencyMark, Int)? {
        var start = offset
        while let separator = groupSeparatorLength(at: start) { start += separator }
        switch byte(at: start) {
        case UInt8(ascii: "$"): return (.usd, start + 1 - offset)
        case 0xE2 where byte(at: start + 1) == 0x82 && byte(at: start + 2) == 0xBD: return (.rub, start + 3 - offset)
        case 0xE2 where byte(at: start + 1) == 0x82 && byte(at: start + 2) == 0xAC: return (.eur, start + 3 - offset)
        default: break
        }
        // Words: `RUB`, `Br`, `руб.`: at most three letters, so a longer word is never read.
        var end = start
        while end - start <= 6 {
            let (continues, length) = continuesIdentifier(at: end)
            guard continues, byte(at: end) != UInt8(ascii: "-") else { break }
            end += length
        }
        guard end > start, end - start <= 6, !continuesIdentifier(at: end).0 else { return nil }
        // `5 count: 2` is a number and an attribute: most words after a number are attribute
        // names, so the colon is looked for before the word is made a `String`.
        var after = end
        while let separator = groupSeparatorLength(at: after) { after += separator }
        if byte(at: after) == UInt8(ascii: ":") { return nil }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        guard let mark = CurrencyMark.word(word) else { return nil }
        if CurrencyMark.takesFullStop(word), byte(at: end) == UInt8(ascii: "."), !continuesIdentifier(at: end + 1).0 { end += 1 }
        return (mark, end - offset)
    }

    private func durationUnit(_ byte: UInt8) -> DurationUnit? {
        switch byte {
        case UInt8(ascii: "m"): .minutes
        case UInt8(ascii: "h"): .hours
        case UInt8(ascii: "d"): .days
        case UInt8(ascii: "w"): .weeks
        default: nil
        }
    }

    private mutating func string(_ diagnostics: inout DiagnosticCollector) -> Token {
        let start = pos
        if closesMissingOpening(quoteAt: start) {
            pos += 1
            return token(.strayQuote, from: start)
        }
        pos += 1
        var segmentStart = pos
        var usesScratch = false
        scratch.removeAll(keepingCapacity: true)

        var closed = false
        /// Where the quote is that was found to open the next string instead of closing this
        /// one; -1 when none was (an offset, not the name's text: nothing to release after
        /// every string).
        var nextStringQuote = -1
        let raw = UnsafeRawPointer(bytes.baseAddress)
        while pos < bytes.count {
            // Most of a label is plain text: take it eight bytes at a time.
            if pos + 8 <= bytes.count, let raw {
                let word = raw.loadUnaligned(fromByteOffset: pos, as: UInt64.self)
                if PlainText.isPlain(word) {
                    pos += 8
                    continue
                }
            }
            let byte = bytes[pos]
            // The common case first: printable ASCII other than `"` and `\`, a continuation
            // byte, or the lead byte of a character above U+00FF (never a control character).
            if (byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\")) || (byte >= 0x80 && byte < 0xC2) {
                pos += 1
                continue
            }
            if byte >= 0xC3 {
                pos += 1
                continue
            }
            if byte == UInt8(ascii: "\"") {
                closed = true
                break
            }
            if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && self.byte(at: pos + 1) == UInt8(ascii: "\n")) {
                break
            }
            if byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]))
                usesScratch = true
                if let decoded = escape(&diagnostics) {
                    UTF8.encode(decoded) { scratch.append($0) }
                }
                segmentStart = pos
                continue
            }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F || (byte == 0xC2 && (0x80...0x9F).contains(self.byte(at: pos + 1))) {
                // Control characters would reach SVG and terminals invisibly; refuse them.
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]))
                usesScratch = true
                let (scalar, length) = scalar(at: pos)
                diagnostics.error(.unexpectedCharacter, "control character \(ScalarClass.codePoint(scalar)) inside a string; write \\n or \\t for line breaks and tabs", at: range(pos, pos + length))
                pos += length
                segmentStart = pos
                continue
            }
            pos += 1
        }
        if !closed {
            endBeforeBlockBrace(after: max(start + 1, segmentStart))
        } else if pos + 1 < bytes.count, !canFollowString(bytes[pos + 1]),
                  let end = endBeforeAttribute(from: max(start + 1, segmentStart)) {
            // `"Отзывы  url: "/reviews"`: the quote read as closing this string opened the next.
            closed = false
            nextStringQuote = pos
            pos = end
        }
        let text: Int32
        if usesScratch {
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<pos]))
            text = interner.add(String(decoding: scratch, as: UTF8.self))
        } else {
            text = interner.number(at: segmentStart..<pos)
        }
        if closed {
            pos += 1
        } else if nextStringQuote >= 0 {
            let name = self.text(pos, nextStringQuote).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            diagnostics.error(.unterminatedString, "this string has no closing '\"' before '\(name)'; the '\"' after that opens the next string", at: range(start, pos))
        } else {
            diagnostics.error(.unterminatedString, "this string has no closing '\"' on its line; strings cannot span lines (write \\n for a line break)", at: range(start, pos))
        }
        var string = token(.string, from: start)
        string.text = text
        return string
    }

    /// Whether the `"` at `quote` stands right after a word (`phase buy Покупка"`): then it
    /// closes a label whose opening quote was forgotten, since a string never opens there, and
    /// reading it as an opening quote would swallow the rest of the line and turn the label's
    /// words into flags.
    private func closesMissingOpening(quoteAt quote: Int) -> Bool {
        guard quote > 0 else { return false }
        let before = bytes[quote - 1]
        return isNameByte(before) || before >= 0x80 || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(before)
    }

    /// Moves `pos`, at the end of an unterminated string's line, back to a `{` that ends the
    /// line after `earliest`, and past the spaces before it: that brace most likely opens the
    /// element's block (`stage new "Новая {`), and leaving it in the string would put every
    /// statement of the block into the enclosing one.
    private mutating func endBeforeBlockBrace(after earliest: Int) {
        var end = pos
        while end > earliest, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        guard end > earliest, bytes[end - 1] == UInt8(ascii: "{") else { return }
        pos = end - 1
        while pos > earliest, bytes[pos - 1] == UInt8(ascii: " ") || bytes[pos - 1] == UInt8(ascii: "\t") { pos -= 1 }
    }

    /// Whether `byte` may stand right after a string's closing quote in a well-formed file.
    /// Inlined: it is asked after every string, and the answer is nearly always a space.
    @inline(__always)
    private func canFollowString(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "#"), UInt8(ascii: "\""):
            true
        default:
            false
        }
    }

    /// Where a string that ends at `pos` (its closing quote) with `name: ` (`url: `) should have
    /// ended: before that name and the spaces in front of it; nil when it does not end so, or
    /// the place is before `earliest`.
    private func endBeforeAttribute(from earliest: Int) -> Int? {
        var end = pos
        while end > earliest, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end > earliest, bytes[end - 1] == UInt8(ascii: ":") else { return nil }
        end -= 1
        let nameEnd = end
        while end > earliest, isNameByte(bytes[end - 1]) { end -= 1 }
        guard end < nameEnd, end > earliest, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") else { return nil }
        while end > earliest, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return end > earliest ? end : nil
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    /// Decodes the escape at `pos` (a backslash), moving past it; nil after reporting E004.
    private mutating func escape(_ diagnostics: inout DiagnosticCollector) -> Unicode.Scalar? {
        let backslash = pos
        pos += 1
        let next = byte(at: pos)
        switch next {
        case UInt8(ascii: "\""): pos += 1; return "\""
        case UInt8(ascii: "\\"): pos += 1; return "\\"
        case UInt8(ascii: "n"): pos += 1; return "\n"
        case UInt8(ascii: "t"): pos += 1; return "\t"
        case UInt8(ascii: "u"):
            pos += 1
            var value: UInt32 = 0
            var digits = 0
            var braced = false
            if byte(at: pos) == UInt8(ascii: "{") {
                braced = true
                pos += 1
                while let digit = hexValue(byte(at: pos)), digits < 8 {
                    value = value << 4 | digit
                    digits += 1
                    pos += 1
                }
            }
            if braced, byte(at: pos) == UInt8(ascii: "}"), (1...6).contains(digits),
               let scalar = Unicode.Scalar(value), !isForbiddenControl(scalar) {
                pos += 1
                return scalar
            }
            if braced, byte(at: pos) == UInt8(ascii: "}") { pos += 1 }
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[backslash..<pos]), as: UTF8.self)
            diagnostics.error(.invalidEscape, "invalid escape '\(written)'; write \\u{…} with 1 to 6 hex digits naming a printable Unicode character, such as \\u{2192}", at: range(backslash, pos))
            return nil
        default:
            // Skip the backslash and the character after it, unless that ends the line.
            if pos < bytes.count, next != UInt8(ascii: "\n"), next != UInt8(ascii: "\r") { pos += scalar(at: pos).1 }
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[backslash..<pos]), as: UTF8.self)
            diagnostics.error(.invalidEscape, "unknown escape '\(written)'; a string may use \\\" \\\\ \\n \\t and \\u{…}", at: range(backslash, pos))
            return nil
        }
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Control characters other than line break and tab, which `\n` and `\t` already spell.
    private func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || (0x7F...0x9F).contains(v)
    }

    /// Reports a run of the same unexpected character once (a file of NUL bytes gives one
    /// error, not a million) and moves past it.
    private mutating func unexpectedCharacters(_ diagnostics: inout DiagnosticCollector) {
        let start = pos
        let first = scalar(at: pos).0
        var count = 0
        while pos < bytes.count {
            let (scalar, length) = scalar(at: pos)
            guard scalar == first, bytes[pos] != UInt8(ascii: "\n") else { break }
            pos += length
            count += 1
        }
        var message = "unexpected character \(ScalarClass.describe(first))"
        if count > 1 { message += " (\(count) in a row)" }
        switch first {
        case "«", "»", "“", "”", "„", "'", "‘", "’":
            message += "; strings are written in straight double quotes: \"Текст\""
        case "=":
            message += "; attributes are written as name: value"
        case "\u{FEFF}":
            message += " (a byte order mark in the middle of the file)"
        case "₽", "$", "€":
            message += "; a currency mark stands after the sum (avg_check: 85 000 \(first)), and the journey's currency is written currency: RUB, BYN, USD or EUR"
        case "+", "\u{2212}", "\u{2013}":
            message += "; a sign stands right before the digits: +1, -2"
        default:
            break
        }
        diagnostics.error(.unexpectedCharacter, message, at: range(start, pos))
    }
}

/// Eight bytes of a string literal at once (SWAR): whether they hold nothing the string loop
/// must look at one byte at a time.
enum PlainText {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// True when no byte is a control character (below 0x20, 0x7F), `"`, `\`, or 0xC2 (which
    /// may start a C1 control); such bytes are left to the byte loop.
    static func isPlain(_ word: UInt64) -> Bool {
        let belowSpace = (word &- 0x20 &* ones) & ~word & highs
        return belowSpace == 0 && !hasByte(word, 0x22) && !hasByte(word, 0x5C) && !hasByte(word, 0x7F) && !hasByte(word, 0xC2)
    }

    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let v = word ^ (UInt64(byte) &* ones)
        return (v &- ones) & ~v & highs != 0
    }
}
