/// Puts each map's image link into a Markdown document: replaces the link already after the
/// block when it differs, or inserts one (after a blank line) right after the block. Every
/// other byte of the document stays as it was.
enum MapLinkEdit {
    /// `bytes` with `links[i]` placed after `maps[i]` (same order, from `MapFenceScanner` on
    /// these very bytes).
    static func apply(_ links: [MapLink], after maps: [EmbeddedMapSyntax], to bytes: [UInt8]) -> [UInt8] {
        let lines = MarkdownLine.split(bytes)
        // The document's own line break, so a CRLF file stays CRLF.
        let lineBreak = lines.lazy.compactMap { $0.lineBreak(in: bytes) }.first ?? [UInt8(ascii: "\n")]
        var edits: [(range: Range<Int>, bytes: [UInt8])] = []
        for (map, link) in zip(maps, links) {
            let text = Array(link.markdown.utf8)
            if let linkLine = map.linkLine {
                let line = lines[linkLine]
                let start = line.indentation(in: bytes).textStart
                var end = line.contentEnd
                while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
                if Array(bytes[start..<end]) != text { edits.append((start..<end, text)) }
                continue
            }
            let last = lines[map.lastLine]
            var inserted: [UInt8] = last.lineBreak(in: bytes) == nil ? lineBreak : []
            inserted += lineBreak + Array(repeating: UInt8(ascii: " "), count: map.indentation) + text + lineBreak
            // Text straight after would otherwise join the link's paragraph.
            let next = map.lastLine + 1
            if next < lines.count, !lines[next].isBlank(in: bytes) { inserted += lineBreak }
            edits.append((last.end..<last.end, inserted))
        }
        var result = bytes
        for edit in edits.reversed() { result.replaceSubrange(edit.range, with: edit.bytes) }
        return result
    }
}
