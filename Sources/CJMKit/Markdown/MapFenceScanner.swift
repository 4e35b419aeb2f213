import CJMSyntax

/// Finds the maps embedded in a Markdown document: fenced blocks whose info string starts with
/// `cjm`, and `<!-- cjm: FILE key=value... -->` markers on a line of their own.
///
/// A small line scanner rather than a Markdown parser: it only has to know where code and raw
/// HTML begin and end, and it must give byte positions (no parser in the package mirror does).
/// It follows CommonMark's rules for the top level of a document: a fence is three or more
/// backticks or tildes indented at most three columns; a backtick fence's info string holds no
/// backtick; it closes at a line of the same character, at least as long, indented at most
/// three columns, with nothing but spaces after; an unclosed fence runs to the end of the
/// document (reported, E060). Lines indented four or more columns are indented code or
/// paragraph text and never open anything. Fences and markers inside other fences, inside
/// `<!-- … -->` comments and inside `<pre>`, `<script>`, `<style>` and `<textarea>` blocks
/// are not maps. Block quotes and list items indented four or more are not looked into.
struct MapFenceScanner {
    let bytes: [UInt8]
    let lines: [MarkdownLine]

    init(_ file: SourceFile) {
        bytes = file.utf8
        lines = MarkdownLine.split(file.utf8)
    }

    /// Every embedded map in document order; problems go to `sink` (whose map holds the file).
    func maps(file: SourceFile, into sink: inout DiagnosticCollector) -> [EmbeddedMapSyntax] {
        var maps: [EmbeddedMapSyntax] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let (columns, textStart) = line.indentation(in: bytes)
            guard columns <= 3 else { index += 1; continue }
            let text = bytes[textStart..<line.contentEnd]

            if let fence = Self.fence(text) {
                let infoStart = textStart + fence.length
                let info = bytes[infoStart..<line.contentEnd]
                if fence.character == UInt8(ascii: "`"), info.contains(UInt8(ascii: "`")) {
                    index += 1  // an inline code span, not a fence
                    continue
                }
                let close = closingLine(after: index, fence: fence)
                let words = Self.words(in: bytes, infoStart..<line.contentEnd)
                if let language = words.first, language.text == "cjm" {
                    if let close {
                        let options = Self.options(words.dropFirst(), file: file, into: &sink)
                        maps.append(EmbeddedMapSyntax(source: .fenced(content: (index + 1)..<close), options: options,
                                                      firstLine: index, lastLine: close, indentation: columns,
                                                      linkLine: linkLine(after: close)))
                    } else {
                        sink.error(.unclosedMapFence,
                                   "this ```cjm block is never closed, so it runs to the end of the document; end it with a line of \(fence.length) \(fence.character == UInt8(ascii: "`") ? "backticks" : "tildes")",
                                   at: file.range(textStart, infoStart))
                    }
                }
                index = (close ?? lines.count - 1) + 1
                continue
            }

            if Self.starts(text, with: "<!--") {
                if let marker = marker(line: index, textStart: textStart, columns: columns, file: file, into: &sink) {
                    maps.append(marker)
                    index += 1
                    continue
                }
                index = (lineIndex(containing: "-->", from: index, skippingPrefix: textStart + 4) ?? lines.count - 1) + 1
                continue
            }

            if let endTag = Self.rawHTMLEnd(text) {
                index = (lineIndex(containing: endTag, from: index, skippingPrefix: textStart, caseInsensitive: true) ?? lines.count - 1) + 1
                continue
            }
            index += 1
        }
        return maps
    }

    // MARK: Fences

    struct Fence {
        var character: UInt8
        var length: Int
    }

    /// A fence opening `text` (which starts after the indentation), if there is one.
    static func fence(_ text: ArraySlice<UInt8>) -> Fence? {
        guard let first = text.first, first == UInt8(ascii: "`") || first == UInt8(ascii: "~") else { return nil }
        let length = text.prefix { $0 == first }.count
        return length >= 3 ? Fence(character: first, length: length) : nil
    }

    /// The line closing the fence opened at `opening`, if any.
    private func closingLine(after opening: Int, fence: Fence) -> Int? {
        var index = opening + 1
        while index < lines.count {
            let line = lines[index]
            let (columns, textStart) = line.indentation(in: bytes)
            if columns <= 3, let candidate = Self.fence(bytes[textStart..<line.contentEnd]),
               candidate.character == fence.character, candidate.length >= fence.length,
               bytes[(textStart + candidate.length)..<line.contentEnd].allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) {
                return index
            }
            index += 1
        }
        return nil
    }

    // MARK: Markers and raw HTML

    /// `<!-- cjm: FILE key=value... -->` alone on line `index`, or nil when the line is some
    /// other comment.
    private func marker(line index: Int, textStart: Int, columns: Int, file: SourceFile,
                        into sink: inout DiagnosticCollector) -> EmbeddedMapSyntax? {
        let line = lines[index]
        var end = line.contentEnd
        while end > textStart, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - textStart >= 7, Self.ends(bytes[textStart..<end], with: "-->") else { return nil }
        let inner = (textStart + 4)..<(end - 3)
        var words = Self.words(in: bytes, inner)
        guard let first = words.first, first.text.hasPrefix("cjm:") else { return nil }
        if first.text == "cjm:" {
            words.removeFirst()
        } else {
            // `cjm:path.cjm` written without a space.
            words[0] = (String(first.text.dropFirst(4)), (first.range.lowerBound + 4)..<first.range.upperBound)
        }
        guard let path = words.first else {
            sink.error(.embeddedMapNotFound, "this cjm marker names no journey; write <!-- cjm: FILE.cjm -->",
                       at: file.range(inner.lowerBound, inner.upperBound))
            return nil
        }
        let options = Self.options(words.dropFirst(), file: file, into: &sink)
        return EmbeddedMapSyntax(source: .file(path: path.text, range: path.range), options: options,
                                 firstLine: index, lastLine: index, indentation: columns, linkLine: linkLine(after: index))
    }

    /// The closing tag of a raw HTML block of CommonMark's first kind opening `text`, if it does.
    static func rawHTMLEnd(_ text: ArraySlice<UInt8>) -> String? {
        for tag in ["pre", "script", "style", "textarea"] {
            let open = Array("<\(tag)".utf8)
            guard text.count >= open.count, zip(text.prefix(open.count), open).allSatisfy({ lowercased($0) == $1 }) else { continue }
            let after = text.dropFirst(open.count).first
            if after == nil || after == UInt8(ascii: ">") || after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") {
                return "</\(tag)>"
            }
        }
        return nil
    }

    /// The first line from `start` on containing `needle` (on the first line, only after
    /// `skippingPrefix`).
    private func lineIndex(containing needle: String, from start: Int, skippingPrefix: Int, caseInsensitive: Bool = false) -> Int? {
        let pattern = Array(needle.utf8)
        for index in start..<lines.count {
            let from = index == start ? skippingPrefix : lines[index].start
            let text = bytes[from..<lines[index].contentEnd]
            guard text.count >= pattern.count else { continue }
            for offset in text.startIndex...(text.endIndex - pattern.count) {
                if zip(text[offset..<(offset + pattern.count)], pattern).allSatisfy({ (caseInsensitive ? Self.lowercased($0) : $0) == $1 }) {
                    return index
                }
            }
        }
        return nil
    }

    // MARK: The link after a map

    /// The line of an image link to an SVG right after `line`, or after one blank line.
    private func linkLine(after line: Int) -> Int? {
        var index = line + 1
        if index < lines.count, lines[index].isBlank(in: bytes) { index += 1 }
        guard index < lines.count else { return nil }
        let text = String(decoding: bytes[lines[index].start..<lines[index].contentEnd], as: UTF8.self)
        guard let link = MapLink(parsing: text), link.target.lowercased().hasSuffix(".svg") else { return nil }
        return index
    }

    // MARK: Words and options

    /// The words of `range`, split at spaces and tabs; a `"…"` part (as in `name="мой путь"`)
    /// keeps its spaces and loses its quotes.
    static func words(in bytes: [UInt8], _ range: Range<Int>) -> [(text: String, range: Range<Int>)] {
        var words: [(String, Range<Int>)] = []
        var offset = range.lowerBound
        while offset < range.upperBound {
            while offset < range.upperBound, bytes[offset] == UInt8(ascii: " ") || bytes[offset] == UInt8(ascii: "\t") { offset += 1 }
            guard offset < range.upperBound else { break }
            let start = offset
            var word: [UInt8] = []
            var quoted = false
            while offset < range.upperBound {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    quoted.toggle()
                } else if !quoted, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                    break
                } else {
                    word.append(byte)
                }
                offset += 1
            }
            words.append((String(decoding: word, as: UTF8.self), start..<offset))
        }
        return words
    }

    /// `key=value` words; any other word is reported (E061) and skipped.
    static func options(_ words: ArraySlice<(text: String, range: Range<Int>)>, file: SourceFile,
                        into sink: inout DiagnosticCollector) -> [MapOptionSyntax] {
        words.compactMap { word in
            guard let equals = word.text.firstIndex(of: "="), equals != word.text.startIndex else {
                sink.error(.invalidMapOption, "`\(word.text)` is not an option; write key=value, such as view=board",
                           at: file.range(word.range.lowerBound, word.range.upperBound))
                return nil
            }
            return MapOptionSyntax(key: String(word.text[..<equals]), value: String(word.text[word.text.index(after: equals)...]),
                                   range: word.range)
        }
    }

    private static func starts(_ text: ArraySlice<UInt8>, with prefix: String) -> Bool {
        text.starts(with: prefix.utf8)
    }

    private static func ends(_ text: ArraySlice<UInt8>, with suffix: String) -> Bool {
        text.reversed().starts(with: suffix.utf8.reversed())
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
