/// Every kind of element the language has; `style` rules and CSS classes are keyed by it.
public enum ElementKind: String, Sendable, Codable, CaseIterable {
    case journey, crm, phase, persona, channel, leads, pipeline, stage, auto, site, page, ads
    case campaign, group, ad, query, touchpoint
}
