import CJMSyntax

/// The hub where every request becomes a lead (e.g. Bitrix24).
public struct CRM: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    public var source: SourceRange
    public init(path: ElementPath, label: String, source: SourceRange) {
        self.path = path; self.label = label; self.source = source
    }
}

/// A column of the journey (awareness, consideration, ...).
public struct Phase: Equatable, Sendable {
    public var path: ElementPath
    /// The label written, or a default (the Russian name for the five default phases, else the id).
    public var label: String
    /// True when the checker supplied it because the journey names no phase.
    public var isDefault: Bool
    public var source: SourceRange
    public init(path: ElementPath, label: String, isDefault: Bool = false, source: SourceRange) {
        self.path = path; self.label = label; self.isDefault = isDefault; self.source = source
    }
}

/// A kind of customer, with what drives them.
public struct Persona: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    public var goals: [String]
    public var needs: [String]
    public var motivations: [String]
    public var source: SourceRange
    public init(path: ElementPath, label: String, goals: [String] = [], needs: [String] = [], motivations: [String] = [], source: SourceRange) {
        self.path = path; self.label = label; self.goals = goals; self.needs = needs; self.motivations = motivations; self.source = source
    }
}

/// Where requests come from.
public struct Channel: Equatable, Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case messenger, form, social, email, phone, chat, sms, classified, offline, referral
    }
    /// How requests from the channel reach the CRM.
    public enum Integration: String, Sendable, Codable, CaseIterable {
        case auto, manual, none
    }
    public var path: ElementPath
    /// The label written, or the id.
    public var label: String
    public var kind: Kind?
    public var crm: Integration
    public var phase: ElementPath?
    public var count: Int?
    public var url: String?
    public var source: SourceRange
    public init(path: ElementPath, label: String, kind: Kind? = nil, crm: Integration = .auto, phase: ElementPath? = nil, count: Int? = nil, url: String? = nil, source: SourceRange) {
        self.path = path; self.label = label; self.kind = kind; self.crm = crm; self.phase = phase; self.count = count; self.url = url; self.source = source
    }
}

/// The lead funnel inside the CRM.
public struct Leads: Equatable, Sendable {
    /// `leads` when written without an id.
    public var path: ElementPath
    /// The label written, or empty: the map then titles the block in the journey's language.
    public var label: String
    public var stages: [Stage]
    /// The pipelines named by `convert`, or every pipeline when `convert` is absent.
    public var convertsTo: [ElementPath]
    public var source: SourceRange
    public init(path: ElementPath, label: String, stages: [Stage] = [], convertsTo: [ElementPath] = [], source: SourceRange) {
        self.path = path; self.label = label; self.stages = stages; self.convertsTo = convertsTo; self.source = source
    }
}

/// One product's or line of business's chain of deal stages.
public struct Pipeline: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    public var revenue: Figure?
    public var profit: Figure?
    public var averageCheck: Figure?
    public var lifetimeValue: Figure?
    public var stages: [Stage]
    /// Pipelines this one cross-sells into.
    public var crossSells: [ElementPath]
    public var source: SourceRange
    public init(path: ElementPath, label: String, revenue: Figure? = nil, profit: Figure? = nil, averageCheck: Figure? = nil, lifetimeValue: Figure? = nil, stages: [Stage] = [], crossSells: [ElementPath] = [], source: SourceRange) {
        self.path = path; self.label = label; self.revenue = revenue; self.profit = profit; self.averageCheck = averageCheck; self.lifetimeValue = lifetimeValue; self.stages = stages; self.crossSells = crossSells; self.source = source
    }
}

/// A stage of the lead funnel or of a pipeline.
public struct Stage: Equatable, Sendable {
    public enum End: String, Sendable, Codable { case won, lost }
    public var path: ElementPath
    /// The label written, or the id.
    public var label: String
    /// Set for `won` / `lost` terminal stages.
    public var end: End?
    public var count: Int?
    public var phase: ElementPath?
    /// `from:` as resolved; a terminal stage without it hangs off the nearest non-terminal stage above.
    public var from: ElementPath?
    public var automations: [Automation]
    public var source: SourceRange
    public init(path: ElementPath, label: String, end: End? = nil, count: Int? = nil, phase: ElementPath? = nil, from: ElementPath? = nil, automations: [Automation] = [], source: SourceRange) {
        self.path = path; self.label = label; self.end = end; self.count = count; self.phase = phase; self.from = from; self.automations = automations; self.source = source
    }
}

/// An automated action on a stage ("reminder email 5 days after the invoice").
public struct Automation: Equatable, Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case email, sms, call, task, message, webhook }
    /// `stage.auto1` style when written without an id.
    public var path: ElementPath
    public var label: String
    public var kind: Kind?
    public var after: Delay?
    public var source: SourceRange
    public init(path: ElementPath, label: String, kind: Kind? = nil, after: Delay? = nil, source: SourceRange) {
        self.path = path; self.label = label; self.kind = kind; self.after = after; self.source = source
    }
}

/// A site and its pages.
public struct Site: Equatable, Sendable {
    /// `site` when written without an id (`site2`, ... for further unnamed sites).
    public var path: ElementPath
    /// The label written, or empty: the map then titles the block in the journey's language.
    public var label: String
    public var pages: [Page]
    public var source: SourceRange
    public init(path: ElementPath, label: String, pages: [Page] = [], source: SourceRange) {
        self.path = path; self.label = label; self.pages = pages; self.source = source
    }
}

/// A page of a site.
public struct Page: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    /// Validated (http, https, mailto, tel or relative); not yet percent-encoded.
    public var url: String?
    public var phase: ElementPath?
    public var count: Int?
    public var source: SourceRange
    public init(path: ElementPath, label: String, url: String? = nil, phase: ElementPath? = nil, count: Int? = nil, source: SourceRange) {
        self.path = path; self.label = label; self.url = url; self.phase = phase; self.count = count; self.source = source
    }
}

/// An advertising account: campaigns → groups → ads → queries.
public struct AdNetwork: Equatable, Sendable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case search, social }
    public var path: ElementPath
    /// The label written, or empty: the map then titles the block in the journey's language.
    public var label: String
    public var kind: Kind?
    public var campaigns: [Campaign]
    public var source: SourceRange
    public init(path: ElementPath, label: String, kind: Kind? = nil, campaigns: [Campaign] = [], source: SourceRange) {
        self.path = path; self.label = label; self.kind = kind; self.campaigns = campaigns; self.source = source
    }
}

public struct Campaign: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    public var groups: [AdGroup]
    public var source: SourceRange
    public init(path: ElementPath, label: String, groups: [AdGroup] = [], source: SourceRange) {
        self.path = path; self.label = label; self.groups = groups; self.source = source
    }
}

public struct AdGroup: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    public var ads: [Ad]
    public var source: SourceRange
    public init(path: ElementPath, label: String, ads: [Ad] = [], source: SourceRange) {
        self.path = path; self.label = label; self.ads = ads; self.source = source
    }
}

public struct Ad: Equatable, Sendable {
    public var path: ElementPath
    public var label: String
    /// The page it lands on (always a page).
    public var landing: ElementPath?
    public var count: Int?
    public var queries: [Query]
    public var source: SourceRange
    public init(path: ElementPath, label: String, landing: ElementPath? = nil, count: Int? = nil, queries: [Query] = [], source: SourceRange) {
        self.path = path; self.label = label; self.landing = landing; self.count = count; self.queries = queries; self.source = source
    }
}

/// A search query or audience that triggers an ad.
public struct Query: Equatable, Sendable {
    public var label: String
    public var count: Int?
    public var source: SourceRange
    public init(label: String, count: Int? = nil, source: SourceRange) {
        self.label = label; self.count = count; self.source = source
    }
}

/// A moment of contact: in a phase, through a channel, for a persona.
public struct Touchpoint: Equatable, Sendable {
    /// The five kinds of line a touchpoint's block holds.
    public enum NoteKind: UInt8, Sendable, CaseIterable {
        case action, pain, idea, feedback, owner
    }

    /// One line of the block: its kind and text.
    public struct Note: Equatable, Sendable {
        public var kind: NoteKind
        public var text: String
        public init(kind: NoteKind, text: String) { self.kind = kind; self.text = text }
    }

    public var path: ElementPath
    public var label: String
    public var phase: ElementPath?
    public var channel: ElementPath?
    public var persona: ElementPath?
    /// −2…+2.
    public var emotion: Int?
    public var count: Int?
    /// Every line of the block in one array, grouped by kind in `NoteKind` order and in the
    /// order written within a kind (so equal touchpoints compare equal however their lines were
    /// interleaved). One array, not five: a touchpoint usually has one line of each kind, and a
    /// large journey holds tens of thousands of touchpoints.
    public private(set) var notes: [Note]
    public var source: SourceRange

    public var actions: [String] { get { texts(.action) } set { replaceTexts(.action, with: newValue) } }
    public var pains: [String] { get { texts(.pain) } set { replaceTexts(.pain, with: newValue) } }
    public var ideas: [String] { get { texts(.idea) } set { replaceTexts(.idea, with: newValue) } }
    public var feedback: [String] { get { texts(.feedback) } set { replaceTexts(.feedback, with: newValue) } }
    public var owners: [String] { get { texts(.owner) } set { replaceTexts(.owner, with: newValue) } }

    public init(path: ElementPath, label: String, phase: ElementPath? = nil, channel: ElementPath? = nil, persona: ElementPath? = nil, emotion: Int? = nil, count: Int? = nil, actions: [String] = [], pains: [String] = [], ideas: [String] = [], feedback: [String] = [], owners: [String] = [], source: SourceRange) {
        self.path = path; self.label = label; self.phase = phase; self.channel = channel; self.persona = persona; self.emotion = emotion; self.count = count; self.source = source
        let lists: [(NoteKind, [String])] = [(.action, actions), (.pain, pains), (.idea, ideas), (.feedback, feedback), (.owner, owners)]
        notes = lists.flatMap { kind, texts in texts.map { Note(kind: kind, text: $0) } }
    }

    /// A touchpoint whose block holds `notes`, in the order written.
    public init(path: ElementPath, label: String, phase: ElementPath? = nil, channel: ElementPath? = nil, persona: ElementPath? = nil, emotion: Int? = nil, count: Int? = nil, notes: [Note], source: SourceRange) {
        self.path = path; self.label = label; self.phase = phase; self.channel = channel; self.persona = persona; self.emotion = emotion; self.count = count; self.source = source
        self.notes = Self.grouped(notes)
    }

    /// The texts of one kind, in the order written.
    public func texts(_ kind: NoteKind) -> [String] {
        notes.compactMap { $0.kind == kind ? $0.text : nil }
    }

    private mutating func replaceTexts(_ kind: NoteKind, with texts: [String]) {
        notes = Self.grouped(notes.filter { $0.kind != kind } + texts.map { Note(kind: kind, text: $0) })
    }

    /// `notes` grouped by kind, keeping the written order within each kind.
    private static func grouped(_ notes: [Note]) -> [Note] {
        // Blocks are almost always written in kind order already.
        guard !zip(notes, notes.dropFirst()).allSatisfy({ $0.kind.rawValue <= $1.kind.rawValue }) else { return notes }
        return NoteKind.allCases.flatMap { kind in notes.filter { $0.kind == kind } }
    }
}
