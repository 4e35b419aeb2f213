import CJMModel
import CJMSyntax

/// `textDocument/completion`: what may be written at the cursor.
///
/// - at the start of a statement, the keywords the enclosing block takes (a style block: its
///   properties; `leads`: also `convert`);
/// - after an element's keyword and id, the attributes (`name: `) and flags it takes that are
///   not written yet;
/// - after `name:`, the words of an enumerated attribute, or the ids a reference may name;
/// - after `->` or a comma of an edge's ends, the ids of elements (pipelines after `convert`);
/// - inside `include "…"`, the files and folders it may name (`IncludePathCompletion`).
///
/// Ids come from the last check (so they are there while the line being typed is broken);
/// each is offered bare where a bare id would resolve to it, else qualified (`repair.new`).
enum Completion {
    /// `CompletionItemKind` numbers of the protocol.
    enum ItemKind: Int { case property = 10, value = 12, keyword = 14, reference = 18, enumMember = 20, constant = 21 }

    /// `facts` gives the check's element facts (asked only where ids are offered).
    /// `documentPath` is the document's own path (include paths are relative to its folder).
    static func items(_ context: DocumentContext, at position: TextPosition, documentPath: String,
                      facts: () -> [ElementPath: ElementFacts]) -> JSONValue {
        let source = context.source
        let offset = position.offset(in: source)
        let prefix = StatementPrefix(bytes: source.utf8, offset: offset)
        guard !prefix.isInText else {
            guard let start = prefix.openStringStart, prefix.tokens == [.word("include")] else { return .array([]) }
            return IncludePathCompletion.items(typed: Array(source.utf8[start..<offset]), typedStart: start, in: source,
                                               cursor: position, documentPath: documentPath)
        }
        let chain = EnclosingBlocks.chain(at: offset, in: context.syntax.statements)
        let isPart = !context.syntax.statements.contains { if case .element(let e) = $0 { e.keyword.name == "journey" } else { false } }
        let block: String? = chain.last?.keyword.name ?? (isPart ? "journey" : nil)
        let replace = TextRange(start: TextPosition(source.location(at: prefix.typedStart)), end: position)
        var candidates: [Candidate] = []
        func references() -> ReferenceCandidates {
            ReferenceCandidates(context, blockPath: EnclosingBlocks.path(of: chain), facts: facts())
        }

        if prefix.tokens.isEmpty {
            if block == "style" {
                candidates = LanguageVocabulary.attributes(of: "style").map { Candidate($0, kind: .property, insert: $0 + ": ") }
            } else {
                candidates = LanguageVocabulary.childKeywords(of: block).map { Candidate($0, kind: .keyword) }
                if block == "leads" { candidates.append(Candidate("convert", kind: .keyword, insert: "convert -> ")) }
            }
        } else if prefix.tokens.contains(.arrow) {
            candidates = edge(prefix, references: references)
        } else if let keyword = prefix.firstWord {
            candidates = element(keyword, prefix, block: block, references: references)
        }
        return .array(candidates.map { $0.json(replacing: replace) })
    }

    private static func edge(_ prefix: StatementPrefix, references: () -> ReferenceCandidates) -> [Candidate] {
        if let name = prefix.attributeBeingValued {
            return (LanguageVocabulary.words(ofAttribute: name, on: "->") ?? []).map { Candidate($0, kind: .enumMember) }
        }
        let last = prefix.tokens.last
        if last == .arrow || last == .comma {
            let target: LanguageVocabulary.ReferenceTarget = prefix.firstWord == "convert" ? .declaredBy("pipeline") : .anyElement
            return references().candidates(for: target)
        }
        let written = Set(prefix.words)
        return LanguageVocabulary.edgeAttributes.filter { !written.contains($0) }.map { Candidate($0, kind: .property, insert: $0 + ": ") }
    }

    private static func element(_ keyword: String, _ prefix: StatementPrefix, block: String?,
                                references: () -> ReferenceCandidates) -> [Candidate] {
        if let name = prefix.attributeBeingValued {
            let on = block == "style" && !LanguageVocabulary.isKeyword(keyword) ? "style" : keyword
            if let words = LanguageVocabulary.words(ofAttribute: name, on: on) { return words.map { Candidate($0, kind: .enumMember) } }
            if let target = LanguageVocabulary.referenceTarget(ofAttribute: name, on: keyword) { return references().candidates(for: target) }
            return []
        }
        guard LanguageVocabulary.isKeyword(keyword) else { return [] }
        if prefix.tokens.count == 1 {
            switch keyword {
            case "cross_sell": return references().candidates(for: .declaredBy("pipeline"))
            case "style": return LanguageVocabulary.styledKinds.map { Candidate($0, kind: .keyword, insert: $0 + " {") }
            default:
                // The id of a new element is the author's to choose.
                if LanguageVocabulary.requiresID(keyword) { return [] }
            }
        }
        let written = Set(prefix.words.dropFirst())
        let attributes = LanguageVocabulary.attributes(of: keyword).filter { !written.contains($0) }
            .map { Candidate($0, kind: .property, insert: $0 + ": ") }
        let flags = LanguageVocabulary.flags(of: keyword).filter { !written.contains($0) }.map { Candidate($0, kind: .constant) }
        return attributes + flags
    }

    /// One item to offer.
    struct Candidate {
        var label: String
        var kind: ItemKind
        var detail: String?
        var insert: String?

        init(_ label: String, kind: ItemKind, detail: String? = nil, insert: String? = nil) {
            self.label = label
            self.kind = kind
            self.detail = detail
            self.insert = insert
        }

        func json(replacing range: TextRange) -> JSONValue {
            var object: [String: JSONValue] = [
                "label": .string(label),
                "kind": .int(kind.rawValue),
                "textEdit": ["range": range.json, "newText": .string(insert ?? label)],
                "filterText": .string(label),
            ]
            if let detail { object["detail"] = .string(detail) }
            return .object(object)
        }
    }
}

/// The ids a reference at the cursor may name, from the last check's declarations.
struct ReferenceCandidates {
    private let declarations: [DeclaredElement]
    private let facts: [ElementPath: ElementFacts]
    /// The enclosing blocks' path at the cursor: ids declared in these blocks resolve bare.
    private let blockPath: [String]

    init(_ context: DocumentContext, blockPath: [String], facts: [ElementPath: ElementFacts]) {
        declarations = context.result.declarations
        self.facts = facts
        self.blockPath = blockPath
    }

    func candidates(for target: LanguageVocabulary.ReferenceTarget) -> [Completion.Candidate] {
        let fitting: [DeclaredElement] = switch target {
        case .declaredBy(let keyword): declarations.filter { $0.keyword == keyword }
        case .anyElement, .viewItems: declarations.filter { $0.keyword != "view" }
        }
        var sameID: [String: Int] = [:]
        for declaration in fitting { sameID[declaration.path.id, default: 0] += 1 }
        var seen: Set<String> = []
        var result: [Completion.Candidate] = []
        for declaration in fitting {
            let parent = Array(declaration.path.components.dropLast())
            let bare = sameID[declaration.path.id] == 1 || (parent.count <= blockPath.count && Array(blockPath.prefix(parent.count)) == parent)
            let name = bare ? declaration.path.id : declaration.path.description
            guard seen.insert(name).inserted else { continue }
            let fact = facts[declaration.path]
            let detail = [declaration.keyword, fact?.label].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            result.append(Completion.Candidate(name, kind: .reference, detail: detail))
        }
        if target == .viewItems {
            result += LanguageVocabulary.viewBlockWords.map { Completion.Candidate($0, kind: .keyword, detail: "block") }
        }
        return result
    }
}
