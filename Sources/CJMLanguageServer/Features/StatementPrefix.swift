/// The statement the cursor stands in, read from the start of the statement up to the
/// cursor: rough tokens, enough to tell what completion may offer there.
///
/// Read from the text, not the syntax tree, since the line being typed rarely parses yet.
struct StatementPrefix: Equatable, Sendable {
    enum Token: Equatable, Sendable {
        case word(String)
        case string
        case colon
        case comma
        case arrow
    }

    /// The tokens before the word being typed.
    var tokens: [Token]
    /// The word being typed (possibly empty, possibly dotted) and the byte offset it starts at.
    var typed: String
    var typedStart: Int
    /// True inside a string or a comment, where nothing is offered.
    var isInText: Bool
    /// Inside a string: the byte offset just after its opening quote (what `include "` completes).
    var openStringStart: Int?

    /// The statement prefix before byte `offset` of `bytes`.
    init(bytes: [UInt8], offset: Int) {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        var tokens: [Token] = []
        var isInText = false
        var openStringStart: Int?
        var index = lineStart
        var wordStart: Int?
        func endWord(at end: Int) {
            if let start = wordStart {
                tokens.append(.word(String(decoding: bytes[start..<end], as: UTF8.self)))
                wordStart = nil
            }
        }
        while index < offset {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "-") where index + 1 < offset && bytes[index + 1] == UInt8(ascii: ">"):
                endWord(at: index)
                tokens.append(.arrow)
                index += 2
                continue
            case UInt8(ascii: "\""):
                endWord(at: index)
                var end = index + 1
                var closed = false
                while end < offset {
                    if bytes[end] == UInt8(ascii: "\\") { end += 2; continue }
                    if bytes[end] == UInt8(ascii: "\"") { closed = true; break }
                    end += 1
                }
                if !closed { isInText = true; openStringStart = index + 1; index = offset; continue }
                tokens.append(.string)
                index = end + 1
                continue
            case UInt8(ascii: "#"):
                endWord(at: index)
                isInText = true
                index = offset
                continue
            case UInt8(ascii: ":"): endWord(at: index); tokens.append(.colon)
            case UInt8(ascii: ","): endWord(at: index); tokens.append(.comma)
            case UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ";"):
                // A new statement starts after each of these.
                endWord(at: index)
                tokens.removeAll()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): endWord(at: index)
            default:
                if wordStart == nil { wordStart = index }
            }
            index += 1
        }
        if let start = wordStart {
            typed = String(decoding: bytes[start..<offset], as: UTF8.self)
            typedStart = start
        } else {
            typed = ""
            typedStart = offset
        }
        self.tokens = tokens
        self.isInText = isInText
        self.openStringStart = openStringStart
    }

    /// The words of `tokens`.
    var words: [String] {
        tokens.compactMap { if case .word(let word) = $0 { word } else { nil } }
    }

    /// The first token, when it is a word.
    var firstWord: String? {
        if case .word(let word)? = tokens.first { return word }
        return nil
    }

    /// When the cursor is in the value of `name:` (right after the colon, or after a comma of
    /// a list of plain words following it), that `name`.
    var attributeBeingValued: String? {
        var index = tokens.count - 1
        guard index >= 0 else { return nil }
        if tokens[index] == .colon {
            if index >= 1, case .word(let name) = tokens[index - 1] { return name }
            return nil
        }
        guard tokens[index] == .comma else { return nil }
        // `show: a, b, |`: back over words and commas to the colon.
        while index >= 0 {
            switch tokens[index] {
            case .comma, .word: index -= 1
            case .colon:
                if index >= 1, case .word(let name) = tokens[index - 1] { return name }
                return nil
            default: return nil
            }
        }
        return nil
    }
}
