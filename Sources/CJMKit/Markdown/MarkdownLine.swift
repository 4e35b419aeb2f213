/// One line of a Markdown document as byte offsets into it: `start..<contentEnd` is its text,
/// `contentEnd..<end` its line break (`\n`, `\r\n`, or nothing on a last line without one).
struct MarkdownLine: Equatable {
    var start: Int
    var contentEnd: Int
    var end: Int

    /// The lines of `bytes`; a document ending in a line break has no empty line after it.
    static func split(_ bytes: [UInt8]) -> [MarkdownLine] {
        var lines: [MarkdownLine] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                let contentEnd = index > start && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                lines.append(MarkdownLine(start: start, contentEnd: contentEnd, end: index + 1))
                start = index + 1
            }
            index += 1
        }
        if start < bytes.count { lines.append(MarkdownLine(start: start, contentEnd: bytes.count, end: bytes.count)) }
        return lines
    }

    /// The line break it ends with, or nil on a last line without one.
    func lineBreak(in bytes: [UInt8]) -> [UInt8]? {
        end > contentEnd ? Array(bytes[contentEnd..<end]) : nil
    }

    /// Whether the line holds only spaces and tabs.
    func isBlank(in bytes: [UInt8]) -> Bool {
        bytes[start..<contentEnd].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// CommonMark's indentation of the line in columns (a tab advances to the next multiple
    /// of 4) and the offset of its first other character. Only columns 0–3 matter here: four
    /// or more make an indented code block or a paragraph's continuation, never a fence.
    func indentation(in bytes: [UInt8]) -> (columns: Int, textStart: Int) {
        var columns = 0
        var offset = start
        while offset < contentEnd {
            switch bytes[offset] {
            case UInt8(ascii: " "): columns += 1
            case UInt8(ascii: "\t"): columns += 4 - columns % 4
            default: return (columns, offset)
            }
            offset += 1
        }
        return (columns, offset)
    }
}
