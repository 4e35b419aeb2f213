import CJMSyntax

/// `# cjm-ignore W012, unpromoted-page — reason`: a comment that switches rules off for one
/// element, written on the line before it or at the end of its line.
///
/// After `cjm-ignore` come rule codes or names separated by commas; the first one not followed
/// by a comma ends the list, and whatever follows is the reason, for people.
enum IgnoreComment {
    /// One rule word of a directive and where it is written.
    struct Item {
        var word: String
        var range: SourceRange
    }

    static let directive = "cjm-ignore"

    /// The rule words of `comment`, or nil when it is not a `cjm-ignore` directive.
    static func items(_ comment: Comment) -> [Item]? {
        let bytes = Array(comment.text.utf8)
        var position = 0
        func skipSpaces() { while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 } }
        guard bytes.first == UInt8(ascii: "#") else { return nil }
        position = 1
        skipSpaces()
        let word = Array(directive.utf8)
        guard bytes.count >= position + word.count, Array(bytes[position..<position + word.count]) == word else { return nil }
        position += word.count
        guard position == bytes.count || bytes[position] == 0x20 || bytes[position] == 0x09 else { return nil }
        var items: [Item] = []
        while true {
            skipSpaces()
            let start = position
            while position < bytes.count, isWordByte(bytes[position]) { position += 1 }
            guard position > start else { break }
            let offset = comment.range.startOffset
            items.append(Item(word: String(decoding: bytes[start..<position], as: UTF8.self),
                              range: SourceRange(file: comment.range.file, startOffset: offset + start, endOffset: offset + position)))
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ",") else { break }
            position += 1
        }
        return items
    }

    /// The line a directive silences: its own when it ends a line with a statement on it, else
    /// the next line that holds more than a comment (its own when there is none).
    static func targetLine(of comment: Comment, in file: SourceFile) -> Int {
        let line = file.location(at: comment.range.startOffset).line
        let lineStart = file.lineStarts[line - 1]
        let before = file.utf8[lineStart..<comment.range.startOffset]
        guard before.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return line }
        var next = line + 1
        while next <= file.lineStarts.count {
            let text = file.lineText(next).drop { $0 == " " || $0 == "\t" }
            if !text.isEmpty && !text.hasPrefix("#") { return next }
            next += 1
        }
        return line
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
