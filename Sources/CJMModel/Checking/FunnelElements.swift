import CJMSyntax

/// `leads`, `pipeline`, `stage`, `auto`, `convert -> …`, `cross_sell`: the funnel.
extension JourneyBuilder {
    mutating func buildLeads(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Leads {
        _ = shape(of: element, rule)
        let inner = symbols.scope(of: path) ?? scope
        var stages: [Stage] = []
        var converts: [ElementPath] = []
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            switch child {
            case .element(let stage, let stageRule, let stagePath):
                stages.append(buildStage(stage, stageRule, path: stagePath, scope: inner))
            case .edge(let edge):
                guard edge.from.isBare && edge.from.first == "convert" else {
                    diagnostics.error(.misplacedElement, "only `convert -> pipeline, …` stands inside `leads`; write other edges at the journey level",
                               at: edge.range)
                    continue
                }
                converts += conversionTargets(edge, from: inner)
            }
        }
        var unique = Set<ElementPath>()
        // `convertsTo` is completed with every pipeline in `build` when no `convert` was written.
        return Leads(path: path, label: element.label?.value ?? "", stages: stages,
                     convertsTo: converts.filter { unique.insert($0).inserted }, source: element.range)
    }

    /// `convert -> repair, parts`: pipelines only, no label or attributes.
    private mutating func conversionTargets(_ edge: EdgeSyntax, from scope: Int) -> [ElementPath] {
        writtenConversions = true
        if let label = edge.label {
            diagnostics.error(.unexpectedPart, "`convert` takes no label", at: label.range)
        }
        for attribute in edge.attributes {
            diagnostics.error(.unknownAttribute, "`convert` takes no attributes, so not `\(attribute.name.name):`", at: attribute.name.range)
        }
        return edge.targets.compactMap {
            resolve($0, from: scope, as: Expectation(place: .keyword("convert"), kind: .element(.pipeline)))?.path
        }
    }

    mutating func buildPipeline(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Pipeline {
        let a = shape(of: element, rule).attributes
        let inner = symbols.scope(of: path) ?? scope
        var pipeline = Pipeline(path: path, label: Self.label(element, path: path),
                                revenue: money(a["revenue"]), profit: money(a["profit"], allowsNegative: true),
                                averageCheck: money(a["avg_check"]), lifetimeValue: money(a["ltv"]), source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let child, let childRule, let childPath) = child else { continue }
            if childRule.keyword == "stage" {
                pipeline.stages.append(buildStage(child, childRule, path: childPath, scope: inner))
            } else if let target = crossSell(child, childRule, of: path, from: inner) {
                pipeline.crossSells.append(target)
            }
        }
        return pipeline
    }

    /// `cross_sell parts`: another pipeline.
    private mutating func crossSell(_ element: ElementSyntax, _ rule: ElementRule, of pipeline: ElementPath, from scope: Int) -> ElementPath? {
        _ = shape(of: element, rule)
        guard let id = element.id else { return nil }
        guard let target = resolve(ReferenceSyntax([id.name], range: id.range), from: scope,
                                   as: Expectation(place: .keyword("cross_sell"), kind: .element(.pipeline)))?.path else { return nil }
        if target == pipeline {
            diagnostics.error(.invalidValue, "a pipeline cannot cross-sell into itself", at: id.range)
            return nil
        }
        return target
    }

    mutating func buildStage(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Stage {
        let shape = shape(of: element, rule)
        let a = shape.attributes
        var end: Stage.End?
        if shape.flags.contains("won") && shape.flags.contains("lost") {
            let second = element.flags.last { $0.name == "won" || $0.name == "lost" }
            diagnostics.error(.invalidValue, "a stage is either `won` or `lost`, not both", at: second?.range ?? element.keyword.range)
        } else if shape.flags.contains("won") {
            end = .won
        } else if shape.flags.contains("lost") {
            end = .lost
        }
        var from = reference(a["from"], from: scope, as: .stage)
        if let source = from, source == path, let attribute = a["from"] {
            diagnostics.error(.invalidValue, "a stage cannot come `from:` itself", at: attribute.value.range)
            from = nil
        }
        var stage = Stage(path: path, label: Self.label(element, path: path), end: end, count: count(a["count"]),
                          phase: reference(a["phase"], from: scope, as: .phase), from: from, source: element.range)
        for child in children(element.body?.statements ?? [], in: rule, path: path) {
            guard case .element(let auto, let autoRule, let autoPath) = child else { continue }
            stage.automations.append(buildAutomation(auto, autoRule, path: autoPath))
        }
        return stage
    }

    mutating func buildAutomation(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath) -> Automation {
        let a = shape(of: element, rule).attributes
        return Automation(path: path, label: Self.label(element, path: path), kind: word(a["kind"], as: Automation.Kind.self),
                          after: duration(a["after"]), source: element.range)
    }
}
