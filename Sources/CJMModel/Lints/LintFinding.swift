import CJMSyntax

/// One warning a lint rule found, before it is suppressed or printed: what it is about and the
/// facts its message is made of. The message is written only for the findings that are shown,
/// so a journey with a hundred thousand findings costs no more than their facts.
public struct LintFinding: Sendable {
    /// What the rule found, with the figures its message quotes.
    public enum Fact: Sendable {
        case unpromotedPage
        case channelOutsideCRM(Channel.Integration)
        case tooManyLeadStages(working: Int, sixth: SourceRange)
        case pipelineWithoutAutomation
        case pipelineWithoutEnd(hasWon: Bool, hasLost: Bool)
        case deadEndStage
        case touchpointWithoutFeedback
        case negativeEmotionWithoutIdea(emotion: Int)
        case emptyPhase(label: String)
        case lowConversion(from: ElementPath, fromCount: Int, toCount: Int, threshold: Double)
        case adWithoutQueries
        case advocacyWithoutReferral(awareness: ElementPath?)
    }

    public var fact: Fact
    /// The element the finding is about.
    public var subject: ElementPath
    /// Where that element is written (its `source`); the warning points at its id.
    public var source: SourceRange

    public init(_ fact: Fact, subject: ElementPath, source: SourceRange) {
        self.fact = fact
        self.subject = subject
        self.source = source
    }

    /// The rule's code.
    public var code: DiagnosticCode {
        switch fact {
        case .unpromotedPage: .unpromotedPage
        case .channelOutsideCRM: .channelOutsideCRM
        case .tooManyLeadStages: .tooManyLeadStages
        case .pipelineWithoutAutomation: .pipelineWithoutAutomation
        case .pipelineWithoutEnd: .pipelineWithoutEnd
        case .deadEndStage: .deadEndStage
        case .touchpointWithoutFeedback: .touchpointWithoutFeedback
        case .negativeEmotionWithoutIdea: .negativeEmotionWithoutIdea
        case .emptyPhase: .emptyPhase
        case .lowConversion: .lowConversion
        case .adWithoutQueries: .adWithoutQueries
        case .advocacyWithoutReferral: .advocacyWithoutReferral
        }
    }
}
