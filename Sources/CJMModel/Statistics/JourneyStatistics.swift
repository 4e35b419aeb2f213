/// What `cjm stats` reports about a checked journey: the funnel's numbers per block (SPEC §1
/// "figures"), computed from the counts written or imported from a CSV. Plain values; the
/// printers in CJMKit turn them into a table, JSON or CSV.
public struct JourneyStatistics: Equatable, Sendable {
    /// A channel's requests and its share of all channels' counted requests.
    public struct ChannelFigures: Equatable, Sendable {
        public var path: ElementPath
        public var label: String
        public var kind: Channel.Kind?
        public var crm: Channel.Integration
        public var count: Int?
        /// `count` over `channelTotal`, in percent.
        public var share: Double?
    }

    /// A pipeline's stages and business figures.
    public struct PipelineFigures: Equatable, Sendable {
        public var funnel: FunnelStatistics
        /// Deals that entered: the entry stage's count.
        public var deals: Int?
        /// The counts of its `won` stages added up (nil when none is counted).
        public var won: Int?
        /// The counts of its `lost` stages added up (nil when none is counted).
        public var lost: Int?
        /// `won` over `deals`, in percent.
        public var winRate: Double?
        /// The sums as written, each with the journey's currency (a percentage has none).
        public var revenue: Figure?
        public var profit: Figure?
        /// As written (`avg_check:`), else revenue over won deals, in the revenue's currency.
        public var averageCheck: Figure?
        /// True when `averageCheck` was worked out rather than written.
        public var averageCheckIsComputed: Bool
        public var lifetimeValue: Figure?
    }

    /// A site page with its visits and the ads that land on it.
    public struct PageFigures: Equatable, Sendable {
        public var path: ElementPath
        public var label: String
        public var count: Int?
        /// Ads whose `landing:` is this page.
        public var ads: Int
        /// The queries of those ads.
        public var queries: Int
    }

    /// A phase with its touchpoints and their mean emotion (−2…+2).
    public struct PhaseFigures: Equatable, Sendable {
        public var path: ElementPath
        public var label: String
        public var touchpoints: Int
        /// The mean over the touchpoints that give an `emotion:` (nil when none does).
        public var meanEmotion: Double?
    }

    /// A pain written at a touchpoint that has no idea.
    public struct Pain: Equatable, Sendable {
        public var touchpoint: ElementPath
        public var label: String
        public var text: String
    }

    public var title: String
    /// The journey's currency, which every sum carries (nil when it names none).
    public var currency: Currency?
    public var channels: [ChannelFigures]
    /// All channels' counts added up (nil when none is counted).
    public var channelTotal: Int?
    public var leads: FunnelStatistics?
    public var pipelines: [PipelineFigures]
    public var pages: [PageFigures]
    /// Pages no ad lands on, in the order written.
    public var pagesWithoutAds: [ElementPath]
    public var phases: [PhaseFigures]
    public var painsWithoutIdea: [Pain]
    /// The CSV the counts came from, and which written figures it replaced (nil when none).
    public var figures: FiguresFile?
    /// The low-conversion threshold of the journey (`lint min_conversion:`), in percent.
    public var minConversion: Double

    /// The statistics of `journey`.
    public init(_ journey: Journey) {
        title = journey.title
        currency = journey.currency
        let counted = journey.channels.compactMap(\.count)
        let total = counted.isEmpty ? nil : counted.reduce(0, +)
        channelTotal = total
        channels = journey.channels.map { channel in
            var share: Double?
            if let count = channel.count, let total, total > 0 { share = Double(count) * 100 / Double(total) }
            return ChannelFigures(path: channel.path, label: channel.label, kind: channel.kind, crm: channel.crm, count: channel.count,
                                  share: share)
        }
        leads = journey.leads.map { FunnelStatistics(path: $0.path, label: $0.label, stages: $0.stages) }
        pipelines = journey.pipelines.map(Self.figures)

        var adsPerPage: [ElementPath: (ads: Int, queries: Int)] = [:]
        for network in journey.adNetworks {
            for campaign in network.campaigns {
                for group in campaign.groups {
                    for ad in group.ads {
                        guard let landing = ad.landing else { continue }
                        adsPerPage[landing, default: (0, 0)].ads += 1
                        adsPerPage[landing, default: (0, 0)].queries += ad.queries.count
                    }
                }
            }
        }
        let allPages = journey.sites.flatMap(\.pages)
        pages = allPages.map { page in
            let ads = adsPerPage[page.path] ?? (0, 0)
            return PageFigures(path: page.path, label: page.label, count: page.count, ads: ads.ads, queries: ads.queries)
        }
        pagesWithoutAds = allPages.filter { adsPerPage[$0.path] == nil }.map(\.path)

        phases = journey.phases.map { phase in
            let here = journey.touchpoints.filter { $0.phase == phase.path }
            let emotions = here.compactMap(\.emotion)
            let mean = emotions.isEmpty ? nil : Double(emotions.reduce(0, +)) / Double(emotions.count)
            return PhaseFigures(path: phase.path, label: phase.label, touchpoints: here.count, meanEmotion: mean)
        }
        painsWithoutIdea = journey.touchpoints.filter { $0.ideas.isEmpty }.flatMap { touchpoint in
            touchpoint.pains.map { Pain(touchpoint: touchpoint.path, label: touchpoint.label, text: $0) }
        }
        figures = journey.figures
        minConversion = journey.lint.minConversion
    }

    private static func figures(of pipeline: Pipeline) -> PipelineFigures {
        let funnel = FunnelStatistics(path: pipeline.path, label: pipeline.label, stages: pipeline.stages)
        func sum(_ end: Stage.End) -> Int? {
            let counts = pipeline.stages.filter { $0.end == end }.compactMap(\.count)
            return counts.isEmpty ? nil : counts.reduce(0, +)
        }
        let deals = funnel.entered
        let won = sum(.won)
        var winRate: Double?
        if let deals, let won, deals > 0 { winRate = Double(won) * 100 / Double(deals) }
        let revenue = pipeline.revenue
        var averageCheck = pipeline.averageCheck
        var computed = false
        if averageCheck == nil, let revenue, !revenue.isPercent, let won, won > 0 {
            averageCheck = Figure(revenue.value / Double(won), currency: revenue.currency)
            computed = true
        }
        return PipelineFigures(funnel: funnel, deals: deals, won: won, lost: sum(.lost), winRate: winRate, revenue: revenue,
                               profit: pipeline.profit, averageCheck: averageCheck, averageCheckIsComputed: computed,
                               lifetimeValue: pipeline.lifetimeValue)
    }
}
