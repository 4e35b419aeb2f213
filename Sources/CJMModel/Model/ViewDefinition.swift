import CJMSyntax

/// A named focused map: `view ads_only "Реклама" show: ads`.
public struct ViewDefinition: Equatable, Sendable {
    /// A whole block named in `show:`.
    public enum Block: String, Sendable, Codable, CaseIterable {
        case crm, channels, leads, pipelines, site, ads, touchpoints
    }
    /// One entry of `show:`: a block word or an element.
    public enum Item: Hashable, Sendable {
        case block(Block)
        case element(ElementPath)
    }
    public var id: String
    /// The label written, or the id.
    public var label: String
    /// Empty means everything.
    public var show: [Item]
    /// Empty means every phase.
    public var phases: [ElementPath]
    /// Empty means every persona.
    public var personas: [ElementPath]
    public var source: SourceRange
    /// `direction:` as written; nil takes the journey's.
    public var direction: MapDirection?
    /// `legend:` as written; nil takes the journey's.
    public var legend: LegendPlacement?
    public init(id: String, label: String, show: [Item] = [], phases: [ElementPath] = [], personas: [ElementPath] = [], source: SourceRange) {
        self.id = id; self.label = label; self.show = show; self.phases = phases; self.personas = personas; self.source = source
    }
}
