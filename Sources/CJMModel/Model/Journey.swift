import CJMSyntax

/// A checked journey: every reference resolved, every value validated, every flow (written
/// or implied by the spec) listed once in `flows`. Later stages read only this.
public struct Journey: Equatable, Sendable {
    public var title: String
    public var theme: ThemeName
    public var crm: CRM?
    /// In the order written; the five default phases when none are written.
    public var phases: [Phase]
    public var personas: [Persona]
    public var channels: [Channel]
    public var leads: Leads?
    public var pipelines: [Pipeline]
    public var sites: [Site]
    public var adNetworks: [AdNetwork]
    public var touchpoints: [Touchpoint]
    public var views: [ViewDefinition]
    public var styles: [StyleRule]
    /// Explicit edges and the implicit flows of SPEC §2, in a stable order.
    public var flows: [Flow]
    /// Where `journey` was written.
    public var source: SourceRange
    /// The `lint` lines: rules switched off, the conversion threshold.
    public var lint: LintSettings
    /// `figures "counts.csv"` as written (the file's path relative to the journey's folder, and
    /// where it was written), nil when the journey names none.
    public var figuresReference: FiguresReference?
    /// What a figures file changed, once it was read (nil when none was).
    public var figures: FiguresFile?
    /// The currency of every sum (`currency:` or the marks after the sums); nil when the
    /// journey names none, and its sums print as bare numbers.
    public var currency: Currency?
    /// `direction:` as written; nil when the journey does not say (maps then read `right`).
    public var direction: MapDirection?
    /// `legend:` as written; nil when the journey does not say (`auto`).
    public var legend: LegendPlacement?

    public init(title: String, theme: ThemeName = .default, crm: CRM? = nil, phases: [Phase] = [], personas: [Persona] = [],
                channels: [Channel] = [], leads: Leads? = nil, pipelines: [Pipeline] = [], sites: [Site] = [],
                adNetworks: [AdNetwork] = [], touchpoints: [Touchpoint] = [], views: [ViewDefinition] = [],
                styles: [StyleRule] = [], flows: [Flow] = [], source: SourceRange, lint: LintSettings = LintSettings()) {
        self.title = title
        self.theme = theme
        self.crm = crm
        self.phases = phases
        self.personas = personas
        self.channels = channels
        self.leads = leads
        self.pipelines = pipelines
        self.sites = sites
        self.adNetworks = adNetworks
        self.touchpoints = touchpoints
        self.views = views
        self.styles = styles
        self.flows = flows
        self.source = source
        self.lint = lint
    }
}

/// The built-in colour schemes (SPEC §3).
public enum ThemeName: String, Sendable, Codable, CaseIterable {
    /// Colour by block, automations yellow.
    case `default`
    /// High contrast on white.
    case print
    /// Grayscale, for black-and-white printers.
    case mono
}
