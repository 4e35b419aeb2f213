import CJMSyntax

/// A CSV file (RFC 4180) read into cells that know where they stand, so a problem in a CRM
/// export is reported at its file, line and column like one in a journey.
///
/// Cells are separated by `,` or by `;` (what spreadsheets in Russian locales export): the
/// separator is the one of the two that occurs more often outside quotes on the first line.
/// A quoted cell may hold separators, line breaks and doubled quotes. Spaces around an
/// unquoted cell are dropped; blank lines are skipped. Written here rather than taken from a
/// package: neither CSV package of the mirror reports where a cell or an error stands.
struct CSVTable {
    /// One cell: its text (quotes removed) and where it is written.
    struct Cell {
        var text: String
        var range: SourceRange
    }

    /// One record, and the place just past its last cell (for "this row has no count").
    struct Row {
        var cells: [Cell]
        var end: SourceRange
    }

    private(set) var rows: [Row] = []
    /// The separator found: `,` or `;`.
    private(set) var separator = UInt8(ascii: ",")

    /// Reads `file`, reporting E071 for a quote left open or text after a closing quote.
    init(_ file: SourceFile, into diagnostics: inout DiagnosticCollector) {
        let bytes = file.utf8
        separator = Self.separator(in: bytes)
        var position = 0
        var cells: [Cell] = []
        func range(_ start: Int, _ end: Int) -> SourceRange { file.range(start, end) }
        func finishRow(at end: Int) {
            // A line holding nothing is no record.
            if !(cells.count == 1 && cells[0].text.isEmpty) { rows.append(Row(cells: cells, end: range(end, end))) }
            cells = []
        }
        while position < bytes.count {
            // One cell.
            while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
            var text: [UInt8] = []
            let start = position
            var end = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
                position += 1
                var closed = false
                while position < bytes.count {
                    if bytes[position] == UInt8(ascii: "\"") {
                        if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
                            text.append(UInt8(ascii: "\""))
                            position += 2
                            continue
                        }
                        position += 1
                        closed = true
                        break
                    }
                    text.append(bytes[position])
                    position += 1
                }
                end = position
                if !closed {
                    // The rest of the file is inside the quote: no row of it can be trusted.
                    diagnostics.error(.malformedCSV, "this quoted cell is never closed; end it with `\"`", at: range(start, start + 1))
                    return
                }
                while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
                if position < bytes.count, !Self.endsCell(bytes[position], separator) {
                    diagnostics.error(.malformedCSV, "text after a closing quote; put the whole cell in quotes and double the quotes inside (`\"\"`)",
                               at: range(position, position + 1))
                    while position < bytes.count, !Self.endsCell(bytes[position], separator) { position += 1 }
                }
            } else {
                while position < bytes.count, !Self.endsCell(bytes[position], separator) { position += 1 }
                end = position
                while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
                text = Array(bytes[start..<end])
            }
            cells.append(Cell(text: String(decoding: text, as: UTF8.self), range: range(start, end)))
            guard position < bytes.count else { break }
            let ending = bytes[position]
            position += 1
            if ending == 0x0D, position < bytes.count, bytes[position] == 0x0A { position += 1 }
            if ending != separator { finishRow(at: end) }
        }
        if !cells.isEmpty { finishRow(at: bytes.count) }
    }

    private static func endsCell(_ byte: UInt8, _ separator: UInt8) -> Bool {
        byte == separator || byte == 0x0A || byte == 0x0D
    }

    /// `;` when the first line holds more of them than `,` outside quotes, else `,`.
    private static func separator(in bytes: [UInt8]) -> UInt8 {
        var commas = 0, semicolons = 0, quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if quoted { continue }
            if byte == 0x0A, commas + semicolons > 0 { break }
            if byte == UInt8(ascii: ",") { commas += 1 }
            if byte == UInt8(ascii: ";") { semicolons += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }
}
