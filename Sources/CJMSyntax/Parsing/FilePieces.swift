#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large file as pieces on all cores: the head from the start to a line inside the
/// top-level block (the `journey`), middles from such a line to a later one, the tail from the
/// last such line to the end.
///
/// A line start is never inside a string or a comment (neither may span lines), so the only
/// state one reader hands the next at a line is the stack of open blocks. The head ends with
/// that stack, which is exact; every later piece assumes it is one element's block. The pieces
/// are used only when that held and no piece found a problem: then the joined tree is the one a
/// single reader makes, and anything else (errors included) is read again by one reader, so
/// every diagnostic still comes from the plain path.
///
/// More pieces than cores, taken in turn (`EveryCore`): two halves of equal bytes finished up
/// to 100 ms apart on this machine's two cores (the pieces differ in work, the cores in speed
/// from run to run), with one core idle meanwhile.
enum FilePieces {
    /// Below this, starting a second thread costs more than it saves.
    static let minimumBytes = 1 << 20
    /// About what a piece holds: a few tens of milliseconds of reading, long enough that a
    /// piece's set-up (its lexer's string table starts empty) costs little, short enough that
    /// the cores finish within about half a piece of each other.
    static let bytesPerPiece = 3 << 20
    /// At most this many pieces, whatever the size (their statements are joined at the end).
    static let maximumPieces = 16

    /// The syntax of `source` read in pieces, or nil when the file is small, no line to split
    /// at was found, or the pieces did not read cleanly.
    static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits) -> SyntaxFile? {
        guard bytes.count >= minimumBytes else { return nil }
        let pieces = min(maximumPieces, max(2, bytes.count / bytesPerPiece))
        let offsets = splitOffsets(in: bytes, pieces: pieces)
        guard !offsets.isEmpty else { return nil }
        return parse(source, bytes: bytes, limits: limits, splittingAt: offsets)
    }

    /// The syntax of `source` read as pieces that start at `lines` (1-based, increasing).
    static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits, splittingAtLines lines: [Int]) -> SyntaxFile? {
        parse(source, bytes: bytes, limits: limits, splittingAt: lines.map { source.lineStarts[$0 - 1] })
    }

    /// The pieces split at byte `offsets`, line starts in increasing order. Tokens carry byte
    /// offsets only, so no piece needs a line number to start from.
    private static func parse(_ source: SourceFile, bytes: UnsafeBufferPointer<UInt8>, limits: Limits, splittingAt offsets: [Int]) -> SyntaxFile? {
        let bounds = [0] + offsets + [bytes.count]
        let last = bounds.count - 2
        let readers = EveryCore.map(last + 1) { index -> StatementReader? in
            let (start, end) = (bounds[index], bounds[index + 1])
            let visible = UnsafeBufferPointer(rebasing: bytes[0..<end])
            let lexer = index == 0 ? Lexer(bytes: visible, fileIndex: source.fileIndex)
                                   : Lexer(bytes: visible, fileIndex: source.fileIndex, startingAt: start)
            let portion: StatementReader.Portion = index == 0 ? .head : index == last ? .tail : .middle
            var reader = StatementReader(lexer: lexer, source: source, limits: limits, portion: portion)
            return reader.readPortion() ? reader : nil
        }
        let read = readers.compactMap { $0 }
        guard read.count == readers.count, let head = read.first, let tail = read.last,
              read.reduce(0, { $0 + $1.statementCount }) <= limits.maxElements else { return nil }
        return StatementReader.joining(head: head, middles: Array(read.dropFirst().dropLast()), tail: tail)
    }

    /// The number of the line `splitOffset(in:)` picks in `source`.
    static func splitLine(of source: SourceFile) -> Int? {
        source.utf8.withUnsafeBufferPointer { bytes in
            splitOffset(in: bytes).map { 1 + SourceText.lineBreakCount(in: UnsafeBufferPointer(rebasing: bytes[0..<$0])) }
        }
    }

    /// Where a line near the middle starts that most likely starts a statement of the
    /// top-level block (see `LineScan.statementLine`).
    static func splitOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let scan = LineScan(bytes: bytes)
        guard let block = scan.topLevelBlock() else { return nil }
        return scan.statementLine(from: bytes.count / 2, in: block)
    }

    /// Where the lines start that split the file into about `pieces` pieces of equal bytes,
    /// each line found as `splitOffset(in:)` finds the middle one; in increasing order, fewer
    /// when two searches meet the same line or one finds none.
    static func splitOffsets(in bytes: UnsafeBufferPointer<UInt8>, pieces: Int) -> [Int] {
        let scan = LineScan(bytes: bytes)
        guard let block = scan.topLevelBlock() else { return [] }
        var offsets: [Int] = []
        for piece in 1..<pieces {
            guard let offset = scan.statementLine(from: bytes.count * piece / pieces, in: block),
                  offset > (offsets.last ?? 0) else { continue }
            offsets.append(offset)
        }
        return offsets
    }
}

/// Lines of the file found by scanning from the places that matter (the start, the points to
/// split near), so nothing reads the whole file's line breaks.
private struct LineScan {
    let bytes: UnsafeBufferPointer<UInt8>

    /// The top-level block's first statement line (after the first line that opens a block)
    /// and the indentation of its statements, that line's; nil when there is none or it is
    /// not indented.
    func topLevelBlock() -> (first: Int, indent: Int)? {
        guard let opener = firstLine(from: 0, within: 1_000, where: { ends($0, with: UInt8(ascii: "{")) }),
              let afterOpener = next(opener),
              let first = firstLine(from: afterOpener, within: 1_000, where: {
                  indentation($0) < content($0).count && bytes[content($0).lowerBound + indentation($0)] != UInt8(ascii: "#")
              })
        else { return nil }
        let indent = indentation(first)
        return indent > 0 ? (first, indent) : nil
    }

    /// The first line starting after byte `target` (and after the block's first statement)
    /// that most likely starts a statement of the top-level block: indented as its statements
    /// are, starting with a word, and not continuing a list
    /// (the line before does not end in a comma). None when one long line holds the rest of
    /// the file, or within 100,000 lines. A wrong guess only costs the time of the pieces, as
    /// their reading then fails.
    func statementLine(from target: Int, in block: (first: Int, indent: Int)) -> Int? {
        guard target > 0 else { return nil }
        let end = lineEnd(target - 1)
        guard end < bytes.count, end + 1 > block.first else { return nil }
        let start = end + 1
        var previous = start - 1
        while previous > 0, bytes[previous - 1] != UInt8(ascii: "\n") { previous -= 1 }
        var candidate: Int? = start
        for _ in 0...100_000 {
            guard let line = candidate else { return nil }
            if startsStatement(line, indent: block.indent) && !ends(previous, with: UInt8(ascii: ",")) { return line }
            previous = line
            candidate = next(line)
        }
        return nil
    }

    /// Where the line starting at `start` ends: its `\n`, or the end of the file.
    private func lineEnd(_ start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// The start of the line after the one starting at `start`, if there is one.
    private func next(_ start: Int) -> Int? {
        let end = lineEnd(start)
        return end < bytes.count ? end + 1 : nil
    }

    private func content(_ start: Int) -> Range<Int> {
        var end = lineEnd(start)
        while end > start, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    private func indentation(_ start: Int) -> Int {
        let range = content(start)
        var i = range.lowerBound
        while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i - range.lowerBound
    }

    private func startsStatement(_ start: Int, indent: Int) -> Bool {
        let range = content(start)
        guard range.count > indent, indentation(start) == indent else { return false }
        let first = bytes[range.lowerBound + indent]
        return first >= 0x80 || first == UInt8(ascii: "_") || (first | 0x20 >= UInt8(ascii: "a") && first | 0x20 <= UInt8(ascii: "z"))
    }

    private func ends(_ start: Int, with byte: UInt8) -> Bool {
        let range = content(start)
        return !range.isEmpty && bytes[range.upperBound - 1] == byte
    }

    /// The first of at most `limit` lines from `start` on that `test` accepts.
    private func firstLine(from start: Int, within limit: Int, where test: (Int) -> Bool) -> Int? {
        var line: Int? = start
        for _ in 0..<limit {
            guard let current = line else { return nil }
            if test(current) { return current }
            line = next(current)
        }
        return nil
    }
}
