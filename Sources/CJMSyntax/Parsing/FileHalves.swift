/// Reads a large file as two halves at once, one per core: the head from the start to a line
/// inside the top-level block (the `journey`), the tail from that line to the end.
///
/// A line start is never inside a string or a comment (neither may span lines), so the only
/// state one reader hands the next at a line is the stack of open blocks. The head ends with
/// that stack, which is exact; the tail assumes it is one element's block. The halves are used
/// only when that held and neither half found a problem: then the joined tree is the one a
/// single reader makes, and anything else (errors included) is read again by one reader, so
/// every diagnostic still comes from the plain path.
enum FileHalves {
    /// Below this, starting a second thread costs more than it saves.
    static let minimumBytes = 1 << 20

    /// The syntax of `source` read in two halves, or nil when the file is small, no line to
    /// split at was found, or the halves did not read cleanly.
    static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits) -> SyntaxFile? {
        guard bytes.count >= minimumBytes, let line = splitLine(of: source) else { return nil }
        return parse(source, bytes: bytes, limits: limits, splittingAtLine: line)
    }

    /// The syntax of `source` read as the lines before `line` (1-based) and the rest.
    static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits, splittingAtLine line: Int) -> SyntaxFile? {
        let offset = source.lineStarts[line - 1]
        let path = source.path
        let (head, tail) = BothCores.run({ () -> StatementReader? in
            let headBytes = UnsafeBufferPointer(rebasing: bytes[0..<offset])
            var head = StatementReader(lexer: Lexer(bytes: headBytes, file: path), file: path, limits: limits, portion: .head)
            return head.readHead() ? head : nil
        }, { () -> StatementReader? in
            let lexer = Lexer(bytes: bytes, file: path, startingAtLine: line, offset: offset)
            var tail = StatementReader(lexer: lexer, file: path, limits: limits, portion: .tail)
            return tail.readTail() ? tail : nil
        })
        guard let head, let tail,
              head.statementCount + tail.statementCount <= limits.maxElements else { return nil }
        return StatementReader.joining(head: head, tail: tail)
    }

    /// A line near the middle that most likely starts a statement of the top-level block: as
    /// indented as the first statement inside the file's first block, starting with a word, and
    /// not continuing a list (the line before does not end in a comma). A wrong guess only
    /// costs the time of the halves, as `parse` then returns nil.
    static func splitLine(of source: SourceFile) -> Int? {
        let bytes = source.utf8
        let starts = source.lineStarts
        func content(_ line: Int) -> Range<Int> {
            let start = starts[line - 1]
            var end = line < starts.count ? starts[line] : bytes.count
            while end > start, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        func indentation(_ line: Int) -> Int {
            let range = content(line)
            var i = range.lowerBound
            while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i - range.lowerBound
        }
        func startsStatement(_ line: Int, indent: Int) -> Bool {
            let range = content(line)
            guard range.count > indent, indentation(line) == indent else { return false }
            let first = bytes[range.lowerBound + indent]
            return first >= 0x80 || first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
        }
        func ends(_ line: Int, with byte: UInt8) -> Bool {
            let range = content(line)
            return !range.isEmpty && bytes[range.upperBound - 1] == byte
        }

        // The indentation of the top-level block's statements: the first statement line after
        // the first line that opens a block.
        guard let opener = (1...min(starts.count, 1_000)).first(where: { ends($0, with: UInt8(ascii: "{")) }),
              opener < starts.count,
              let first = (opener + 1...min(starts.count, opener + 1_000)).first(where: { indentation($0) < content($0).count && bytes[content($0).lowerBound + indentation($0)] != UInt8(ascii: "#") })
        else { return nil }
        let indent = indentation(first)
        guard indent > 0 else { return nil }

        var low = 0, high = starts.count
        while low < high {
            let mid = (low + high) / 2
            if starts[mid] < bytes.count / 2 { low = mid + 1 } else { high = mid }
        }
        let middle = low + 1
        // No line starts in the back half (one long last line): nothing to split at.
        guard middle > first, middle <= starts.count else { return nil }
        return (middle...min(starts.count, middle + 100_000)).first { startsStatement($0, indent: indent) && !ends($0 - 1, with: UInt8(ascii: ",")) }
    }
}
