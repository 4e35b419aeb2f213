import CJMSyntax

/// `crm`, `phase`, `persona`, `channel`, `touchpoint`: the journey-level elements around the funnel.
extension JourneyBuilder {
    mutating func buildCRM(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath) -> CRM {
        _ = shape(of: element, rule)
        return CRM(path: path, label: Self.label(element, path: path), source: element.range)
    }

    mutating func buildPhase(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath) -> Phase {
        _ = shape(of: element, rule)
        return Phase(path: path, label: Self.label(element, path: path), source: element.range)
    }

    mutating func buildPersona(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath) -> Persona {
        _ = shape(of: element, rule)
        var persona = Persona(path: path, label: Self.label(element, path: path), source: element.range)
        // Kinds index `rule.children`: goal, need, motivation.
        for (kind, text) in textChildren(of: element, rule, path: path, line: { ($0, $1) }) {
            switch kind {
            case 0: persona.goals.append(text)
            case 1: persona.needs.append(text)
            default: persona.motivations.append(text)
            }
        }
        return persona
    }

    mutating func buildChannel(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Channel {
        let shape = shape(of: element, rule)
        let a = shape.attributes
        return Channel(path: path, label: Self.label(element, path: path),
                       kind: word(a["kind"], as: Channel.Kind.self),
                       crm: word(a["crm"], as: Channel.Integration.self) ?? .auto,
                       phase: reference(a["phase"], from: scope, as: .phase),
                       count: count(a["count"]), url: url(a["url"]), source: element.range)
    }

    mutating func buildTouchpoint(_ element: ElementSyntax, _ rule: ElementRule, path: ElementPath, scope: Int) -> Touchpoint {
        let shape = shape(of: element, rule)
        let a = shape.attributes
        // Kinds index `rule.children`: action, pain, idea, feedback, owner, as `NoteKind` does.
        let notes = textChildren(of: element, rule, path: path) { kind, text in
            Touchpoint.Note(kind: Touchpoint.NoteKind(rawValue: UInt8(kind)) ?? .owner, text: text)
        }
        return Touchpoint(path: path, label: Self.label(element, path: path),
                          phase: reference(a["phase"], from: scope, as: .phase),
                          channel: reference(a["channel"], from: scope, as: .channel),
                          persona: reference(a["persona"], from: scope, as: .persona),
                          emotion: emotion(a["emotion"]), count: count(a["count"]), notes: notes, source: element.range)
    }
}
