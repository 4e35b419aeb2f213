import CJMModel
import CJMSyntax

/// `textDocument/rename`: a new id for an element, written at its declaration and in every
/// reference to it or through it (`repair` in `repair.invoice` when `repair` is renamed),
/// across included files.
enum Rename {
    /// Why a rename was refused, as the error message the editor shows.
    struct Refusal: Error { var message: String }

    /// `textDocument/prepareRename`: the id at the cursor that a rename would change (the part
    /// of a qualified reference that names the element) and its text, or why nothing there
    /// can be renamed (a keyword, an attribute name, a flag, a string or number, an element
    /// without a written id).
    static func prepare(_ context: DocumentContext, at position: TextPosition) -> Result<JSONValue, Refusal> {
        let offset = position.offset(in: context.source)
        return target(context, offset: offset).map { symbol in
            let range: SourceRange
            if symbol.isDeclaration {
                range = symbol.declaration
            } else {
                // The written part that names the element itself: the last one.
                let reference = context.result.reference(at: offset, in: context.file)!
                range = componentRanges(of: reference.range, in: context.source).last ?? reference.range
            }
            return ["range": TextRange(range, in: context.source).json, "placeholder": .string(symbol.path.id)]
        }
    }

    /// The element a rename at `offset` renames, or why there is none.
    private static func target(_ context: DocumentContext, offset: Int) -> Result<SymbolAtCursor, Refusal> {
        let symbol = SymbolAtCursor(context, offset: offset)
        if let symbol {
            let file = context.result.sources[symbol.declaration.file]
            // `leads {` is declared at its keyword, which is also its path's id: not an id written.
            if file.text(of: symbol.declaration) == symbol.path.id, !startsStatement(symbol.declaration, in: file) { return .success(symbol) }
        }
        let word = wordAt(offset, in: context.source)
        if LanguageVocabulary.isKeyword(word) {
            let named = symbol != nil ? " (this `\(word)` has no id: it is named by its position)" : ""
            return .failure(Refusal(message: "`\(word)` is a keyword of the language, not an id, so it cannot be renamed\(named); put the cursor on an id"))
        }
        if let symbol {
            return .failure(Refusal(message: "`\(symbol.path)` has no id written to rename (it is named by its position)"))
        }
        if !word.isEmpty, LanguageVocabulary.isAttributeOrFlag(word) {
            return .failure(Refusal(message: "`\(word)` is an attribute or flag of the language, not an id, so it cannot be renamed; put the cursor on an id"))
        }
        return .failure(Refusal(message: "there is no id here to rename; put the cursor on an element's id or on a reference to it"))
    }

    /// Whether `range` is the first word of its statement, so a keyword: an id always follows
    /// its element's keyword.
    private static func startsStatement(_ range: SourceRange, in file: SourceFile) -> Bool {
        var index = range.startOffset
        while index > 0 {
            let byte = file.utf8[index - 1]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index -= 1; continue }
            return byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: ";")
        }
        return true
    }

    /// The word (letters, digits, `_`, `-`) around byte `offset`.
    private static func wordAt(_ offset: Int, in file: SourceFile) -> String {
        let bytes = file.utf8
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        var start = min(offset, bytes.count), end = start
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    static func edit(_ context: DocumentContext, at position: TextPosition, to newName: String,
                     locations: LocationMaker) -> Result<JSONValue, Refusal> {
        let symbol: SymbolAtCursor
        switch target(context, offset: position.offset(in: context.source)) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let found): symbol = found
        }
        let sources = context.result.sources
        guard isIdentifier(newName) else {
            return .failure(Refusal(message: "`\(newName)` is not an id: an id starts with a letter or `_`, then letters, digits, `_` or `-`"))
        }
        let parent = symbol.path.components.dropLast()
        if newName != symbol.path.id,
           let clash = context.result.declarations.first(where: { $0.path.components.dropLast() == parent && $0.path.id == newName }) {
            return .failure(Refusal(message: "`\(clash.path)` already exists in the same block"))
        }

        var edits: [SourceRange] = [symbol.declaration]
        let renamed = symbol.path.components
        for reference in context.result.references {
            let target = reference.target.components
            guard target.count >= renamed.count, Array(target.prefix(renamed.count)) == renamed else { continue }
            let parts = componentRanges(of: reference.range, in: sources[reference.range.file])
            // The written parts name the last parts of the target's path.
            let index = renamed.count - 1 - (target.count - parts.count)
            if index >= 0, index < parts.count { edits.append(parts[index]) }
        }
        var byURI: [String: [JSONValue]] = [:]
        for range in Set(edits).sorted(by: { ($0.file, $0.startOffset) < ($1.file, $1.startOffset) }) {
            let location = locations.json(range)
            guard let uri = location["uri"]?.string, let textRange = location["range"] else { continue }
            byURI[uri, default: []].append(["range": textRange, "newText": .string(newName)])
        }
        return .success(["changes": .object(byURI.mapValues { .array($0) })])
    }

    /// The ranges of the dot-separated parts of a reference as written (`repair . invoice`).
    static func componentRanges(of range: SourceRange, in file: SourceFile) -> [SourceRange] {
        var parts: [SourceRange] = []
        var start: Int?
        var end = range.startOffset
        for offset in range.startOffset..<range.endOffset {
            let byte = file.utf8[offset]
            if byte == UInt8(ascii: ".") {
                if let first = start { parts.append(file.range(first, end)) }
                start = nil
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") {
                if start == nil { start = offset }
                end = offset + 1
            }
        }
        if let first = start { parts.append(file.range(first, end)) }
        return parts
    }

    /// Whether the lexer reads `name` as one identifier (SPEC §2: a letter or `_`, then
    /// letters, digits, `_`, `-`); asked of the parser itself, so the rule lives in one place.
    static func isIdentifier(_ name: String) -> Bool {
        guard !name.isEmpty, !name.contains(where: { $0 == "\n" || $0 == "\r" || $0 == ";" || $0 == "#" }) else { return false }
        let parsed = Parser.parse(SourceFile(path: "<rename>", text: "phase \(name)"))
        guard parsed.diagnostics.isEmpty, parsed.syntax.statements.count == 1,
              case .element(let element) = parsed.syntax.statements[0] else { return false }
        return element.id?.name == name && element.flags.isEmpty && element.label == nil && element.attributes.isEmpty && element.body == nil
    }
}
