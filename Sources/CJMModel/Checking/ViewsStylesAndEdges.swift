import CJMSyntax

/// `view`, `style` and explicit `A -> B` edges.
extension JourneyBuilder {
    /// `view ads_only "Реклама" show: ads, repair phase: purchase persona: owner`.
    mutating func buildView(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> ViewDefinition? {
        let a = shape(of: element, rule).attributes
        var show: [ViewDefinition.Item] = []
        if let attribute = a["show"] {
            let items: [ValueSyntax] = if case .list(let values, _) = attribute.value { values } else { [attribute.value] }
            for item in items {
                guard case .reference(let reference) = item else {
                    diagnostics.error(.invalidValue, "`show:` expects ids and block words (\(Self.blockWords)), not \(Self.describe(item))",
                               at: item.range)
                    continue
                }
                if reference.isBare, let block = ViewDefinition.Block(rawValue: reference.first) {
                    show.append(.block(block))
                } else if let found = resolve(reference, from: scope, as: Expectation(place: .attribute("show"), kind: nil)) {
                    show.append(.element(found.path))
                }
            }
        }
        var view = ViewDefinition(id: path.id, label: Self.label(element, path: path), show: show,
                                  phases: references(a["phase"], from: scope, as: .phase),
                                  personas: references(a["persona"], from: scope, as: .persona), source: element.range)
        view.direction = word(a["direction"], as: MapDirection.self)
        view.legend = word(a["legend"], as: LegendPlacement.self)
        return view
    }

    static let blockWords = ViewDefinition.Block.allCases.map(\.rawValue).joined(separator: " ")

    /// `style stage { fill: "#fff3a0" stroke: red font: "#333" shape: box }`.
    mutating func buildStyle(_ element: ElementSyntax, _ rule: ElementRule) -> StyleRule? {
        // The block's lines are checked with the line's own attributes (the rule takes the same
        // names), so a property given on both is a duplicate.
        var written = element
        for statement in element.body?.statements ?? [] {
            if case .property(let property) = statement { written.attributes.append(property) }
        }
        let properties = shape(of: written, rule).attributes
        for statement in element.body?.statements ?? [] {
            if case .property = statement { continue }
            diagnostics.error(.misplacedElement, "a `style` block holds only `fill:`, `stroke:`, `font:` and `shape:` lines", at: statement.range)
        }
        guard let id = element.id else { return nil }
        let kinds = ElementKind.allCases.filter { $0 != .journey }.map(\.rawValue)
        guard let kind = ElementKind(rawValue: id.name), kind != .journey else {
            diagnostics.error(.invalidValue, "`style` applies to an element keyword, and `\(id.name)` is none",
                       at: id.range, name: id.name, suggestingFrom: kinds, listing: .closedSet("keywords:"))
            return nil
        }
        return StyleRule(kind: kind, fill: colour(properties["fill"]), stroke: colour(properties["stroke"]),
                         font: colour(properties["font"]), shape: word(properties["shape"], as: StyleRule.Shape.self),
                         source: element.range)
    }

    /// `"#f80"`, `"#ff8800"` or a colour name, as `#rrggbb`.
    private mutating func colour(_ attribute: AttributeSyntax?) -> String? {
        guard let attribute else { return nil }
        let written: String
        switch attribute.value {
        case .string(let string): written = string.value
        case .reference(let reference) where reference.isBare: written = reference.first
        default:
            diagnostics.error(.invalidValue, "`\(attribute.name.name):` expects a colour such as \"#ffcc00\" or yellow", at: attribute.value.range)
            return nil
        }
        if let normalised = NamedColours.normalise(written) { return normalised }
        diagnostics.error(.invalidValue, "`\(written)` is not a colour; write \"#rgb\", \"#rrggbb\" or a colour name",
                   at: attribute.value.range, name: written, suggestingFrom: NamedColours.names, listing: .closedSet("names:"))
        return nil
    }

    /// `A -> B, C "label" style: dashed count: 10`: one flow per target.
    mutating func explicitEdge(_ edge: EdgeSyntax, from scope: Int) {
        let endpoint = Expectation(place: .edgeEnd, kind: nil)
        let attributes = attributes(edge.attributes, allowed: ElementRules.edgeAttributes, of: "an edge")
        let style = word(attributes["style"], as: Flow.LineStyle.self) ?? .solid
        let count = count(attributes["count"])
        let from = resolve(edge.from, from: scope, as: endpoint)
        for target in edge.targets {
            guard let to = resolve(target, from: scope, as: endpoint), let from else { continue }
            explicitFlows.append(Flow(from: from.path, to: to.path, origin: .explicit, label: edge.label?.value,
                                      style: style, count: count, source: edge.range))
        }
    }
}
