import CJMSyntax

/// `textDocument/documentSymbol`: the outline of the document's own tree (so it works on
/// parts and on files with errors): phases, personas, channels, leads, pipelines with their
/// stages and automations, sites with pages, the ads tree, touchpoints and views.
enum Outline {
    /// `SymbolKind` numbers of the protocol, by keyword; keywords not listed (text lines,
    /// styles, includes) stay out of the outline.
    private static let kinds: [String: Int] = [
        "journey": 2, "crm": 11, "phase": 22, "persona": 5, "channel": 8, "leads": 3, "pipeline": 3, "stage": 22,
        "auto": 12, "site": 3, "page": 1, "ads": 3, "campaign": 3, "group": 3, "ad": 13, "query": 15,
        "touchpoint": 24, "view": 18,
    ]

    /// The outline of the document `analysis` is of: its own tree and text.
    static func symbols(_ analysis: DocumentAnalysis) -> JSONValue {
        .array(symbols(analysis.syntax.statements, source: analysis.source))
    }

    private static func symbols(_ statements: [Statement], source: SourceFile) -> [JSONValue] {
        statements.compactMap { statement in
            guard case .element(let element) = statement, let kind = kinds[element.keyword.name] else { return nil }
            let name = element.id?.name ?? element.label?.value ?? element.keyword.name
            var object: [String: JSONValue] = [
                "name": .string(name.isEmpty ? element.keyword.name : name),
                "detail": .string([element.keyword.name, element.id != nil ? element.label?.value : nil].compactMap { $0 }.joined(separator: " · ")),
                "kind": .int(kind),
                "range": TextRange(element.range, in: source).json,
                "selectionRange": TextRange((element.id ?? element.keyword).range, in: source).json,
            ]
            if let body = element.body {
                let children = symbols(body.statements, source: source)
                if !children.isEmpty { object["children"] = .array(children) }
            }
            return .object(object)
        }
    }
}
