/// Walks a syntax tree block by block and writes `CanonicalForm`'s lines, placing the file's
/// comments and blank lines back by their offsets.
///
/// Each comment belongs to the innermost block whose braces enclose it, and there to the
/// statement it stands above or at the end of; comments inside a statement's own line parts
/// (a list continued on the next line) move above that statement, so none is ever lost.
struct CanonicalPrinter {
    private let source: SourceFile
    private let comments: [Comment]
    private let blankLines: [Int]
    private var lines: [String] = []

    init(source: SourceFile, trivia: SyntaxTrivia) {
        self.source = source
        self.comments = trivia.comments
        self.blankLines = trivia.blankLines
    }

    /// One line of a block before alignment: a comment on its own, or a statement with the
    /// comment at its end.
    private enum Entry {
        case comment(Comment)
        case statement(Statement, trailing: Comment?)

        var start: Int {
            switch self {
            case .comment(let comment): comment.range.startOffset
            case .statement(let statement, _): statement.range.startOffset
            }
        }

        var end: Int {
            switch self {
            case .comment(let comment): comment.range.endOffset
            case .statement(let statement, let trailing): trailing?.range.endOffset ?? statement.range.endOffset
            }
        }
    }

    mutating func text(of statements: [Statement]) -> String {
        printBlock(statements, depth: 0, from: 0, to: source.utf8.count)
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    // MARK: Blocks

    /// Prints the statements of one block and the comments between `start` and `end` (the
    /// offsets just inside its braces, or the whole file) that no child encloses.
    private mutating func printBlock(_ statements: [Statement], depth: Int, from start: Int, to end: Int) {
        let entries = entries(of: statements, from: start, to: end)
        let layouts = headerLayouts(of: entries, depth: depth)
        var previousEnd: Int?
        for (index, entry) in entries.enumerated() {
            if let previousEnd, hasBlankLine(between: previousEnd, and: entry.start) { lines.append("") }
            previousEnd = entry.end
            switch entry {
            case .comment(let comment):
                lines.append(indent(depth) + text(of: comment))
            case .statement(let statement, let trailing):
                print(statement, trailing: trailing, header: layouts[index], depth: depth)
            }
        }
    }

    /// The block's statements with the comments of its level placed among them.
    private func entries(of statements: [Statement], from start: Int, to end: Int) -> [Entry] {
        var entries: [Entry] = []
        var position = start
        for (index, statement) in statements.enumerated() {
            let range = statement.range
            entries += comments(from: position, to: range.startOffset).map(Entry.comment)
            let nextStart = index + 1 < statements.count ? statements[index + 1].range.startOffset : end
            let after = comments(from: range.endOffset, to: nextStart)
            var trailing: Comment?
            if let first = after.first, source.line(at: first.range.startOffset) == source.line(at: max(range.endOffset - 1, 0)) {
                trailing = first
            }
            entries.append(.statement(statement, trailing: trailing))
            position = trailing?.range.endOffset ?? range.endOffset
        }
        entries += comments(from: position, to: end).map(Entry.comment)
        return entries
    }

    /// The aligned first line of each element entry (nil for the other entries).
    private func headerLayouts(of entries: [Entry], depth: Int) -> [String?] {
        var layouts = [String?](repeating: nil, count: entries.count)
        var index = 0
        while index < entries.count {
            guard case .statement(.element(let first), _) = entries[index] else {
                index += 1
                continue
            }
            // The run: the elements that follow, with nothing but their blocks and comment lines
            // between (a `# cjm-ignore` above one element keeps its neighbours' columns); an
            // element whose block holds blocks stands alone, too far from its neighbours to line up.
            var run = [index]
            var next = index + 1
            while !holdsBlocks(first), next < entries.count, !hasBlankLine(between: entries[next - 1].end, and: entries[next].start) {
                if case .comment = entries[next] {
                    next += 1
                    continue
                }
                guard case .statement(.element(let element), _) = entries[next], !holdsBlocks(element) else { break }
                run.append(next)
                next += 1
            }
            let headers = run.map { runIndex -> ElementHeader in
                guard case .statement(.element(let element), let trailing) = entries[runIndex] else { fatalError("a run holds elements") }
                return header(of: element, trailing: trailing)
            }
            for (runIndex, line) in zip(run, AlignedRun(headers: headers, width: CanonicalForm.lineWidth - indent(depth).count).lines) {
                layouts[runIndex] = line
            }
            index = run.last! + 1
        }
        return layouts
    }

    private func holdsBlocks(_ element: ElementSyntax) -> Bool {
        element.body?.statements.contains { if case .element(let child) = $0 { child.body != nil } else { false } } ?? false
    }

    // MARK: Statements

    private mutating func print(_ statement: Statement, trailing: Comment?, header: String?, depth: Int) {
        let range = statement.range
        switch statement {
        case .element(let element):
            // Comments among the line's own parts (a list continued below) go above it.
            let headerEnd = element.body?.range.startOffset ?? range.endOffset
            for comment in comments(from: range.startOffset, to: headerEnd) {
                lines.append(indent(depth) + text(of: comment))
            }
            lines.append(indent(depth) + (header ?? ""))
            guard let body = element.body, !isEmpty(body) else { return }
            let inner = interior(of: body)
            printBlock(body.statements, depth: depth + 1, from: openingComment(of: body)?.range.endOffset ?? inner.lowerBound,
                       to: inner.upperBound)
            lines.append(indent(depth) + "}" + trailingText(trailing))
        case .edge(let edge):
            for comment in comments(from: range.startOffset, to: range.endOffset) {
                lines.append(indent(depth) + text(of: comment))
            }
            var parts = [edge.from.text, "->", edge.targets.map(\.text).joined(separator: ", ")]
            if let label = edge.label { parts.append(source.text(of: label.range)) }
            parts += edge.attributes.map(text(of:))
            lines.append(indent(depth) + parts.joined(separator: " ") + trailingText(trailing))
        case .property(let attribute):
            for comment in comments(from: range.startOffset, to: range.endOffset) {
                lines.append(indent(depth) + text(of: comment))
            }
            lines.append(indent(depth) + text(of: attribute) + trailingText(trailing))
        }
    }

    private func header(of element: ElementSyntax, trailing: Comment?) -> ElementHeader {
        let head = [element.keyword.name, element.id?.name].compactMap { $0 }.joined(separator: " ")
        let rest = element.flags.map(\.name) + element.attributes.map(text(of:))
        var tail = trailingText(trailing)
        if let body = element.body {
            tail = isEmpty(body) ? " {}" + tail : " {" + trailingText(openingComment(of: body))
        }
        return ElementHeader(head: head, label: element.label.map { source.text(of: $0.range) }, rest: rest.joined(separator: " "),
                             tail: tail)
    }

    /// The offsets just inside the block's braces.
    private func interior(of body: BlockSyntax) -> Range<Int> {
        let start = body.range.startOffset + 1
        return start..<max(body.range.endOffset - 1, start)
    }

    /// True when the block holds neither statements nor comments: it prints as `{}`.
    private func isEmpty(_ body: BlockSyntax) -> Bool {
        let inner = interior(of: body)
        return body.statements.isEmpty && comments(from: inner.lowerBound, to: inner.upperBound).isEmpty
    }

    /// A comment just after the block's `{`, on its line and before any statement: it stays on
    /// the element's line.
    private func openingComment(of body: BlockSyntax) -> Comment? {
        let inner = interior(of: body)
        guard let first = comments(from: inner.lowerBound, to: inner.upperBound).first,
              source.line(at: first.range.startOffset) == source.line(at: body.range.startOffset),
              body.statements.first.map({ $0.range.startOffset > first.range.startOffset }) ?? true else { return nil }
        return first
    }

    // MARK: Text of the parts

    private func text(of attribute: AttributeSyntax) -> String {
        "\(attribute.name.name): \(text(of: attribute.value))"
    }

    private func text(of value: ValueSyntax) -> String {
        switch value {
        case .reference(let reference): reference.text
        case .list(let items, _): items.map(text(of:)).joined(separator: ", ")
        case .string, .number, .duration: source.text(of: value.range)
        }
    }

    private func text(of comment: Comment) -> String {
        var text = Substring(comment.text)
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return String(text)
    }

    private func trailingText(_ comment: Comment?) -> String {
        comment.map { "  " + text(of: $0) } ?? ""
    }

    private func indent(_ depth: Int) -> String {
        String(repeating: "  ", count: depth)
    }

    // MARK: Trivia lookups

    /// The comments that start in `start..<end`, in order.
    private func comments(from start: Int, to end: Int) -> ArraySlice<Comment> {
        guard start < end else { return [] }
        let first = firstIndex(in: comments.count) { comments[$0].range.startOffset >= start }
        let last = firstIndex(in: comments.count) { comments[$0].range.startOffset >= end }
        return comments[first..<max(first, last)]
    }

    /// True when a blank line starts between byte `start` and byte `end`.
    private func hasBlankLine(between start: Int, and end: Int) -> Bool {
        let index = firstIndex(in: blankLines.count) { blankLines[$0] > start }
        return index < blankLines.count && blankLines[index] < end
    }

    /// The first index in `0..<count` for which `isAtOrPast` holds, which must be false and
    /// then true along the indices; `count` when it never holds.
    private func firstIndex(in count: Int, where isAtOrPast: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
