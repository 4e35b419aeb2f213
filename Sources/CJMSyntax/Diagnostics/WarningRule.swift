/// A named warning rule: its stable code, a short name a journey may write instead of the code
/// (`lint ignore: unpromoted-page`), and one line saying why it matters, in the users' terms.
///
/// The catalogue is the one list `cjm lint --list` prints and `lint ignore:` / `# cjm-ignore`
/// accept, for every stage that warns: the lints of the checked journey (W0NN) and any later
/// stage's warnings add their rules here.
public struct WarningRule: Hashable, Sendable {
    public var code: DiagnosticCode
    /// Lower-case words joined by `-`, unique among the rules.
    public var name: String
    /// Why the rule exists, one line.
    public var rationale: String

    public init(_ code: DiagnosticCode, _ name: String, _ rationale: String) {
        self.code = code
        self.name = name
        self.rationale = rationale
    }

    /// Every warning rule, by code.
    public static let all: [WarningRule] = [
        WarningRule(.unpromotedPage, "unpromoted-page",
                    "A page no ad lands on and nothing links to gets no visitors from the journey; ads show which pages nobody promotes."),
        WarningRule(.channelOutsideCRM, "channel-outside-crm",
                    "Requests from a channel the CRM does not take in are typed in by hand or lost; connect the channel or postpone it."),
        WarningRule(.tooManyLeadStages, "too-many-lead-stages",
                    "Lead stages only sort requests before they become deals; more than five slow the managers down."),
        WarningRule(.pipelineWithoutAutomation, "pipeline-without-automation",
                    "Every pipeline has routine steps (a reminder, a task, a message) that an automation can take off the managers."),
        WarningRule(.pipelineWithoutEnd, "pipeline-without-end",
                    "Without a won and a lost end a pipeline cannot show how many deals it wins."),
        WarningRule(.deadEndStage, "dead-end-stage",
                    "Customers who reach a stage nothing leaves are stuck there."),
        WarningRule(.touchpointWithoutFeedback, "touchpoint-without-feedback",
                    "Feedback collected at every touchpoint (a survey, NPS, CSAT) closes the loop with the customer."),
        WarningRule(.negativeEmotionWithoutIdea, "negative-emotion-without-idea",
                    "Where the customer feels bad is a pain zone; an idea turns it into a growth zone."),
        WarningRule(.emptyPhase, "empty-phase",
                    "A phase of the journey with no touchpoint or channel is a blind spot."),
        WarningRule(.lowConversion, "low-conversion",
                    "A step that keeps fewer customers than the journey's threshold is where they drop off."),
        WarningRule(.adWithoutQueries, "ad-without-queries",
                    "An ad without its queries or audiences does not say who sees it."),
        WarningRule(.advocacyWithoutReferral, "advocacy-without-referral",
                    "Recommendations pay off when they flow back into awareness: a referral loop."),
        WarningRule(.unusedIgnore, "unused-ignore",
                    "An ignore that silences nothing hides nothing; remove it, or it will hide the next real warning."),
        WarningRule(.illegiblePrint, "illegible-print",
                    "Checked by `cjm render --paper/--tile`: text printed under 8 pt cannot be read from a step away; the warning says which sheet or view fits."),
    ]

    private static let byWord: [String: WarningRule] = {
        var table: [String: WarningRule] = [:]
        for rule in all {
            table[rule.code.rawValue] = rule
            table[rule.name] = rule
        }
        return table
    }()

    /// The rule a journey names by code (`W012`, any letter case) or by name (`unpromoted-page`).
    public static func named(_ word: String) -> WarningRule? {
        byWord[word] ?? byWord[word.uppercased()]
    }

    /// The rule of `code`, if it is a warning's.
    public static func rule(for code: DiagnosticCode) -> WarningRule? {
        byWord[code.rawValue]
    }

    /// Every code and name, for "did you mean" when a journey names no rule.
    public static var words: [String] { all.flatMap { [$0.code.rawValue, $0.name] } }
}
