import CJMSyntax

/// One arrow of the journey, written or implied. Endpoints are element paths of the model.
public struct Flow: Equatable, Sendable {
    /// Why the flow exists; maps style implied flows apart from written ones.
    public enum Origin: String, Sendable, Codable {
        /// `A -> B` as written.
        case explicit
        /// A channel into the CRM (`crm: auto` solid, `manual` dashed).
        case channelToCRM
        /// A channel straight into the first lead stage when there is no CRM.
        case channelToLeads
        /// The CRM into the first lead stage.
        case crmToLeads
        /// Consecutive stages of one block.
        case stageChain
        /// A `won`/`lost` stage hanging off the stage above it (or its `from:`).
        case terminal
        /// The last non-terminal lead stage into the first stage of a pipeline.
        case conversion
        /// `cross_sell` between pipelines.
        case crossSell
        /// An ad into its landing page.
        case landing
        /// A touchpoint attached to its channel (from the channel to the touchpoint).
        case touchpoint
    }
    public enum LineStyle: String, Sendable, Codable, CaseIterable { case solid, dashed, dotted, bold }

    public var from: ElementPath
    public var to: ElementPath
    public var origin: Origin
    public var label: String?
    public var style: LineStyle
    public var count: Int?
    /// Where it was written, or the element that implies it.
    public var source: SourceRange

    public init(from: ElementPath, to: ElementPath, origin: Origin, label: String? = nil, style: LineStyle = .solid, count: Int? = nil, source: SourceRange) {
        self.from = from; self.to = to; self.origin = origin; self.label = label; self.style = style; self.count = count; self.source = source
    }
}
