import CJMModel
import CJMSyntax

/// `textDocument/rename`: a new id for an element, written at its declaration and in every
/// reference to it or through it (`repair` in `repair.invoice` when `repair` is renamed),
/// across included files.
enum Rename {
    /// Why a rename was refused, as the error message the editor shows.
    struct Refusal: Error { var message: String }

    static func edit(_ context: DocumentContext, at position: TextPosition, to newName: String,
                     locations: LocationMaker) -> Result<JSONValue, Refusal> {
        guard let symbol = SymbolAtCursor(context, offset: position.offset(in: context.source)) else {
            return .failure(Refusal(message: "there is no id to rename here"))
        }
        let sources = context.result.sources
        guard sources[symbol.declaration.file].text(of: symbol.declaration) == symbol.path.id else {
            return .failure(Refusal(message: "`\(symbol.path)` has no id written to rename (it is named by its position)"))
        }
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
