/// The first line of an element in three columns: `KEYWORD id`, `"Label"`, flags and
/// attributes; then the ` {` and an end-of-line comment.
struct ElementHeader {
    var head: String
    var label: String?
    var rest: String
    /// Written right after the last part: ` {`, ` {}` and/or `  # comment`.
    var tail: String
}

/// Sibling element lines written with their labels in one column and their
/// flags and attributes in another.
///
/// Padding is given up column by column (the second first) on a line that it alone would push
/// past `width`; a line already that long without padding keeps it, so it still lines up.
struct AlignedRun {
    var headers: [ElementHeader]
    var width: Int

    /// Each header's line, without the block's indentation (`width` is what the indentation leaves).
    var lines: [String] {
        let labelColumn = (headers.filter { $0.label != nil }.map(\.head.count).max() ?? 0) + 1
        let restColumn = (headers.filter { !$0.rest.isEmpty }.map(beforeRest(labelColumn: labelColumn)).max() ?? 0) + 1
        return headers.map { header in
            let aligned = line(header, labelColumn: labelColumn, restColumn: restColumn)
            let plain = line(header, labelColumn: nil, restColumn: nil)
            if aligned.count <= width || plain.count > width { return aligned }
            let labelsOnly = line(header, labelColumn: labelColumn, restColumn: nil)
            return labelsOnly.count <= width ? labelsOnly : plain
        }
    }

    /// How wide the head and label are when labels start at `labelColumn`.
    private func beforeRest(labelColumn: Int) -> (ElementHeader) -> Int {
        { header in header.label.map { labelColumn + $0.count } ?? header.head.count }
    }

    /// The line with labels starting at `labelColumn` and the rest at `restColumn` (0-based
    /// columns; nil for a single space).
    private func line(_ header: ElementHeader, labelColumn: Int?, restColumn: Int?) -> String {
        var text = header.head
        if let label = header.label {
            text += padding(to: labelColumn, after: text) + label
        }
        if !header.rest.isEmpty {
            text += padding(to: restColumn, after: text) + header.rest
        }
        return text + header.tail
    }

    private func padding(to column: Int?, after text: String) -> String {
        String(repeating: " ", count: max(1, (column ?? 0) - text.count))
    }
}
