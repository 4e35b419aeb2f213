import CJMModel
import CJMSyntax

/// `textDocument/hover`: what the element under the cursor is, its label and its figures
/// (counts, conversion from the previous stage, pipeline money), as Markdown.
enum Hover {
    /// `facts` gives the check's element facts (asked only when the cursor is on an element).
    static func info(_ context: DocumentContext, at position: TextPosition,
                     facts allFacts: () -> [ElementPath: ElementFacts]) -> JSONValue {
        let offset = position.offset(in: context.source)
        if let symbol = SymbolAtCursor(context, offset: offset) {
            let facts = allFacts()[symbol.path]
            let keyword = facts?.keyword ?? context.result.declarations.first { $0.path == symbol.path }?.keyword ?? "element"
            var lines = ["**\(keyword)** `\(symbol.path)`" + (facts.map { $0.label.isEmpty ? "" : " — \($0.label)" } ?? "")]
            lines.append(KeywordDescription.text(keyword))
            if let figures = facts?.figures, !figures.isEmpty { lines.append(figures.map { "- " + $0 }.joined(separator: "\n")) }
            let uses = context.result.references(to: symbol.path).count
            lines.append(uses == 1 ? "1 reference" : "\(uses) references")
            return markdown(lines.joined(separator: "\n\n"), range: nil)
        }
        // A keyword: what the language means by it.
        if let element = keywordElement(at: offset, in: context.syntax.statements) {
            var text = "**\(element.keyword.name)**" + (element.label.map { " — \($0.value)" } ?? "")
            text += "\n\n" + KeywordDescription.text(element.keyword.name)
            return markdown(text, range: TextRange(element.keyword.range, in: context.source))
        }
        return .null
    }

    private static func markdown(_ text: String, range: TextRange?) -> JSONValue {
        var object: [String: JSONValue] = ["contents": ["kind": "markdown", "value": .string(text)]]
        if let range { object["range"] = range.json }
        return .object(object)
    }

    /// The element whose keyword stands at `offset`.
    private static func keywordElement(at offset: Int, in statements: [Statement]) -> ElementSyntax? {
        for statement in statements {
            guard case .element(let element) = statement, element.range.touches(offset) else { continue }
            if element.keyword.range.touches(offset) { return element }
            if let body = element.body, let inner = keywordElement(at: offset, in: body.statements) { return inner }
        }
        return nil
    }
}

/// One sentence per keyword, for hover.
enum KeywordDescription {
    static func text(_ keyword: String) -> String {
        switch keyword {
        case "journey": "The whole customer journey map."
        case "crm": "The CRM: the hub where every request becomes a lead."
        case "phase": "A phase of the journey: a column of the board."
        case "persona": "A kind of customer, with goals, needs and motivations."
        case "channel": "A channel requests come from; flows into the CRM unless `crm: none`."
        case "leads": "The lead funnel inside the CRM."
        case "pipeline": "A deal pipeline: one product or line of business, a chain of stages."
        case "stage": "A stage of the lead funnel or of a pipeline; `won`/`lost` mark its ends."
        case "auto": "An automation on a stage (drawn highlighted)."
        case "site": "The site and its pages."
        case "page": "A page of the site."
        case "ads": "An advertising account: campaigns, groups, ads, queries."
        case "campaign": "An ad campaign."
        case "group": "An ad group."
        case "ad": "An ad; `landing:` names the page it leads to."
        case "query": "A search query or audience that triggers an ad."
        case "touchpoint": "A moment of contact: in a phase, through a channel, for a persona."
        case "view": "A named focused map (`cjm render --view ID`)."
        case "style": "Fill, stroke, font and shape for every element of a kind."
        case "include": "Splices another file's statements in at this place."
        case "cross_sell": "A cross-sell link into another pipeline."
        case "goal", "need", "motivation": "A line of the persona's card."
        case "action", "pain", "idea", "feedback", "owner": "A line of the touchpoint's card."
        default: "An element of the journey."
        }
    }
}
