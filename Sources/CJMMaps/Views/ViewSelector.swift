import CJMModel

/// The predicates of one `ViewDefinition` over one journey, used by `ViewSelection`.
struct ViewSelector {
    private let everything: Bool
    private let blocks: Set<ViewDefinition.Block>
    private let named: [ElementPath]
    private let namedPhases: Set<ElementPath>
    private let namedPersonas: Set<ElementPath>
    private let phases: Set<ElementPath>
    private let personas: Set<ElementPath>

    init(view: ViewDefinition, journey: Journey) {
        everything = view.show.isEmpty
        var blocks: Set<ViewDefinition.Block> = []
        var named: [ElementPath] = []
        for item in view.show {
            switch item {
            case .block(let block): blocks.insert(block)
            case .element(let path): named.append(path)
            }
        }
        self.blocks = blocks
        self.named = named
        namedPhases = Set(journey.phases.map(\.path)).intersection(named)
        namedPersonas = Set(journey.personas.map(\.path)).intersection(named)
        phases = Set(view.phases)
        personas = Set(view.personas)
    }

    /// Shown with everything inside it: the view shows everything, its block, it or an
    /// enclosing element, or (for elements that carry one) its phase.
    func shows(block: ViewDefinition.Block?, _ path: ElementPath, phase: ElementPath? = nil) -> Bool {
        everything
            || block.map { blocks.contains($0) } ?? false
            || named.contains { $0.isAncestor(ofOrEqualTo: path) }
            || phase.map { namedPhases.contains($0) } ?? false
    }

    /// Kept as a frame for named elements inside it.
    func frames(_ path: ElementPath) -> Bool {
        named.contains { path.isAncestor(ofOrEqualTo: $0) && path != $0 }
    }

    /// Passes the `phase:` filter.
    func inPhases(_ phase: ElementPath?) -> Bool {
        phases.isEmpty || phase.map { phases.contains($0) } ?? false
    }

    func shows(_ touchpoint: Touchpoint) -> Bool {
        let selected = shows(block: .touchpoints, touchpoint.path, phase: touchpoint.phase)
            || touchpoint.persona.map { namedPersonas.contains($0) } ?? false
        let forPersona = personas.isEmpty || touchpoint.persona.map { personas.contains($0) } ?? true
        return selected && inPhases(touchpoint.phase) && forPersona
    }

    /// The stages of a leads block or pipeline that stay, or nil when the block goes.
    func stages(of block: ElementPath, _ stages: [Stage], block word: ViewDefinition.Block) -> [Stage]? {
        let whole = shows(block: word, block)
        guard whole || frames(block) || stages.contains(where: { $0.phase.map { namedPhases.contains($0) } ?? false }) else { return nil }
        let kept = stages.compactMap { stage -> Stage? in
            guard inPhases(stage.phase) else { return nil }
            if whole || shows(block: nil, stage.path, phase: stage.phase) { return stage }
            guard frames(stage.path) else { return nil }
            var framed = stage
            framed.automations = stage.automations.filter { shows(block: nil, $0.path) }
            return framed
        }
        return kept.isEmpty && !(whole && stages.isEmpty) ? nil : kept
    }

    func site(_ site: Site) -> Site? {
        let whole = shows(block: .site, site.path)
        let pages = site.pages.filter { page in
            inPhases(page.phase) && (whole || shows(block: nil, page.path, phase: page.phase))
        }
        guard !pages.isEmpty || (whole && site.pages.isEmpty) else { return nil }
        var kept = site
        kept.pages = pages
        return kept
    }

    func adNetwork(_ network: AdNetwork) -> AdNetwork? {
        if shows(block: .ads, network.path) { return network }
        guard frames(network.path) else { return nil }
        var kept = network
        kept.campaigns = network.campaigns.compactMap { campaign -> Campaign? in
            if shows(block: nil, campaign.path) { return campaign }
            guard frames(campaign.path) else { return nil }
            var keptCampaign = campaign
            keptCampaign.groups = campaign.groups.compactMap { group -> AdGroup? in
                if shows(block: nil, group.path) { return group }
                guard frames(group.path) else { return nil }
                var keptGroup = group
                keptGroup.ads = group.ads.filter { shows(block: nil, $0.path) }
                return keptGroup
            }
            return keptCampaign
        }
        return kept
    }
}

extension ElementPath {
    /// True when `other` is this path or lies inside the element it names.
    func isAncestor(ofOrEqualTo other: ElementPath) -> Bool {
        other.components.starts(with: components)
    }
}
