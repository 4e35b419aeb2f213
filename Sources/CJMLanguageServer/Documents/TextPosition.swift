import CJMSyntax

/// A place as the Language Server Protocol counts it: 0-based line, 0-based character in
/// UTF-16 code units (an emoji is two, a Cyrillic letter one), and the conversions to and
/// from the byte offsets the front end keeps.
public struct TextPosition: Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    /// The position of a `{"line":…,"character":…}` object, or nil when it is not one.
    public init?(_ json: JSONValue?) {
        guard let line = json?["line"]?.integer, let character = json?["character"]?.integer, line >= 0, character >= 0 else { return nil }
        self.init(line: line, character: character)
    }

    /// The position of a front-end location (1-based line, 1-based UTF-16 column).
    public init(_ location: SourceLocation) {
        self.init(line: location.line - 1, character: location.utf16Column - 1)
    }

    public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

    public static func < (a: TextPosition, b: TextPosition) -> Bool { (a.line, a.character) < (b.line, b.character) }

    /// The byte offset of this position in UTF-8 `bytes` whose lines start at `lineStarts`.
    /// A line past the end means the end of the text; a character past the end of its line
    /// means the line's end, as the protocol asks; a position inside a surrogate pair rounds
    /// down to the character's start.
    public func offset(in bytes: [UInt8], lineStarts: [Int]) -> Int {
        guard line < lineStarts.count else { return bytes.count }
        var offset = lineStarts[line]
        var units = 0
        while offset < bytes.count, units < character {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            let (length, width) = byte < 0x80 ? (1, 1) : byte < 0xE0 ? (2, 1) : byte < 0xF0 ? (3, 1) : (4, 2)
            if units + width > character { break }
            units += width
            offset = min(bytes.count, offset + length)
        }
        return offset
    }

    /// The byte offset of this position in `file`.
    public func offset(in file: SourceFile) -> Int {
        offset(in: file.utf8, lineStarts: file.lineStarts)
    }
}

/// `{"start":…,"end":…}`: a range as the protocol writes it.
public struct TextRange: Hashable, Sendable {
    public var start: TextPosition
    public var end: TextPosition

    public init(start: TextPosition, end: TextPosition) {
        self.start = start
        self.end = end
    }

    /// The range of a front-end span.
    public init(_ span: SourceSpan) {
        self.init(start: TextPosition(span.start), end: TextPosition(span.end))
    }

    /// The range of bytes `range` of `file`.
    public init(_ range: SourceRange, in file: SourceFile) {
        self.init(start: TextPosition(file.location(at: range.startOffset)), end: TextPosition(file.location(at: range.endOffset)))
    }

    /// The range of a `{"start":…,"end":…}` object, or nil.
    public init?(_ json: JSONValue?) {
        guard let start = TextPosition(json?["start"]), let end = TextPosition(json?["end"]) else { return nil }
        self.init(start: start, end: end)
    }

    public var json: JSONValue { ["start": start.json, "end": end.json] }
}
