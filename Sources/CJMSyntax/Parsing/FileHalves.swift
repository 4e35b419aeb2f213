#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        guard bytes.count >= minimumBytes, let offset = splitOffset(in: bytes) else { return nil }
        return parse(source, bytes: bytes, limits: limits, splittingAt: offset)
    }

    /// The syntax of `source` read as the lines before `line` (1-based) and the rest.
    static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits, splittingAtLine line: Int) -> SyntaxFile? {
        parse(source, bytes: bytes, limits: limits, splittingAt: source.lineStarts[line - 1])
    }

    /// The halves split at byte `offset`, a line start. Tokens carry byte offsets only, so the
    /// tail needs no line number to start from.
    private static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits, splittingAt offset: Int) -> SyntaxFile? {
        let (head, tail) = BothCores.run({ () -> StatementReader? in
            let headBytes = UnsafeBufferPointer(rebasing: bytes[0..<offset])
            var head = StatementReader(lexer: Lexer(bytes: headBytes, fileIndex: source.fileIndex), source: source, limits: limits, portion: .head)
            return head.readHead() ? head : nil
        }, { () -> StatementReader? in
            let lexer = Lexer(bytes: bytes, fileIndex: source.fileIndex, startingAt: offset)
            var tail = StatementReader(lexer: lexer, source: source, limits: limits, portion: .tail)
            return tail.readTail() ? tail : nil
        })
        guard let head, let tail,
              head.statementCount + tail.statementCount <= limits.maxElements else { return nil }
        return StatementReader.joining(head: head, tail: tail)
    }

    /// The number of the line `splitOffset(in:)` picks in `source`.
    static func splitLine(of source: SourceFile) -> Int? {
        source.utf8.withUnsafeBufferPointer { bytes in
            splitOffset(in: bytes).map { 1 + SourceText.lineBreakCount(in: UnsafeBufferPointer(rebasing: bytes[0..<$0])) }
        }
    }

    /// Where a line near the middle starts that most likely starts a statement of the
    /// top-level block: as indented as the first statement inside the file's first block,
    /// starting with a word, and not continuing a list (the line before does not end in a
    /// comma). A wrong guess only costs the time of the halves, as `parse` then returns nil.
    ///
    /// Lines are found by scanning from the two places that matter, the start and the middle,
    /// so nothing reads the whole file's line breaks.
    static func splitOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        /// Where the line starting at `start` ends: its `\n`, or the end of the file.
        func lineEnd(_ start: Int) -> Int {
            guard start < count, let found = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start) else { return count }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
        /// The start of the line after the one starting at `start`, if there is one.
        func next(_ start: Int) -> Int? {
            let end = lineEnd(start)
            return end < count ? end + 1 : nil
        }
        func content(_ start: Int) -> Range<Int> {
            var end = lineEnd(start)
            while end > start, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
            return start..<end
        }
        func indentation(_ start: Int) -> Int {
            let range = content(start)
            var i = range.lowerBound
            while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i - range.lowerBound
        }
        func startsStatement(_ start: Int, indent: Int) -> Bool {
            let range = content(start)
            guard range.count > indent, indentation(start) == indent else { return false }
            let first = bytes[range.lowerBound + indent]
            return first >= 0x80 || first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
        }
        func ends(_ start: Int, with byte: UInt8) -> Bool {
            let range = content(start)
            return !range.isEmpty && bytes[range.upperBound - 1] == byte
        }
        /// The first of at most `limit` lines from `start` on that `test` accepts.
        func firstLine(from start: Int, within limit: Int, where test: (Int) -> Bool) -> Int? {
            var line: Int? = start
            for _ in 0..<limit {
                guard let current = line else { return nil }
                if test(current) { return current }
                line = next(current)
            }
            return nil
        }

        // The indentation of the top-level block's statements: the first statement line after
        // the first line that opens a block.
        guard let opener = firstLine(from: 0, within: 1_000, where: { ends($0, with: UInt8(ascii: "{")) }),
              let afterOpener = next(opener),
              let first = firstLine(from: afterOpener, within: 1_000, where: {
                  indentation($0) < content($0).count && bytes[content($0).lowerBound + indentation($0)] != UInt8(ascii: "#")
              })
        else { return nil }
        let indent = indentation(first)
        guard indent > 0 else { return nil }

        // The first line starting in the back half; none when one long last line holds it.
        let half = count / 2
        let middle: Int
        if half == 0 {
            middle = 0
        } else {
            let end = lineEnd(half - 1)
            guard end < count else { return nil }
            middle = end + 1
        }
        guard middle > first else { return nil }
        var previous = middle - 1
        while previous > 0, bytes[previous - 1] != UInt8(ascii: "\n") { previous -= 1 }
        var candidate: Int? = middle
        for _ in 0...100_000 {
            guard let line = candidate else { return nil }
            if startsStatement(line, indent: indent) && !ends(previous, with: UInt8(ascii: ",")) { return line }
            previous = line
            candidate = next(line)
        }
        return nil
    }
}
