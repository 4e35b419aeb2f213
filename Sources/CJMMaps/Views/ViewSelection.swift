import CJMModel

/// Computes a named `view` on the journey model, before any view graph is built, so every map
/// builder draws a view the same way it draws a whole journey.
///
/// Semantics:
/// - `show:` empty means everything. Otherwise only what it names is kept:
///   - a block word keeps that whole block: `crm`, `channels`, `leads`, `pipelines` (all of
///     them), `site` (every site), `ads` (every ad network), `touchpoints`;
///   - an element keeps that element with everything inside it (a pipeline with its stages,
///     an ad network with its campaigns…), and its enclosing blocks as frames holding only the
///     named parts (`repair.invoice` keeps the pipeline `repair` with just that stage);
///   - a phase keeps the touchpoints, channels, stages and pages placed in it;
///   - a persona keeps that persona's touchpoints.
/// - `phase:` keeps only the touchpoints, channels, stages and pages placed in one of those
///   phases; those written without a phase are dropped too, since a phase-focused view should
///   show only what was placed in it. Elements that cannot carry a phase (the CRM, ads) are
///   left to `show:`. The journey's phases narrow to those listed (the board's columns).
/// - `persona:` keeps only those personas' touchpoints, plus touchpoints written without a
///   persona (they concern every persona), and narrows the personas to those listed.
/// - Blocks left empty by filtering (a pipeline whose stages all fell outside the phases)
///   are dropped; blocks that were empty as written stay when shown.
/// - Phases and personas are context, not blocks: they stay unless `phase:` / `persona:`
///   narrow them. Styles, views, the title and the theme always stay.
/// - The result is a consistent journey: a flow whose endpoint was removed is dropped, and a
///   reference to a removed element (an ad's landing page, a touchpoint's channel, a stage's
///   `from:`, `convert` and `cross_sell` targets) is cleared.
public enum ViewSelection {
    /// `journey` narrowed to what `view` selects.
    public static func apply(_ view: ViewDefinition, to journey: Journey) -> Journey {
        let selector = ViewSelector(view: view, journey: journey)
        var result = journey
        result.crm = journey.crm.flatMap { selector.shows(block: .crm, $0.path) ? $0 : nil }
        result.channels = journey.channels.filter { selector.shows(block: .channels, $0.path, phase: $0.phase) && selector.inPhases($0.phase) }
        result.leads = journey.leads.flatMap { leads in
            selector.stages(of: leads.path, leads.stages, block: .leads).map { stages in
                var kept = leads
                kept.stages = stages
                return kept
            }
        }
        result.pipelines = journey.pipelines.compactMap { pipeline in
            selector.stages(of: pipeline.path, pipeline.stages, block: .pipelines).map { stages in
                var kept = pipeline
                kept.stages = stages
                return kept
            }
        }
        result.sites = journey.sites.compactMap { selector.site($0) }
        result.adNetworks = journey.adNetworks.compactMap { selector.adNetwork($0) }
        result.touchpoints = journey.touchpoints.filter { selector.shows($0) }
        if !view.phases.isEmpty { result.phases = journey.phases.filter { view.phases.contains($0.path) } }
        if !view.personas.isEmpty { result.personas = journey.personas.filter { view.personas.contains($0.path) } }
        return Self.consistent(result)
    }

    /// Clears references to elements `journey` no longer holds and drops flows between them.
    private static func consistent(_ journey: Journey) -> Journey {
        var result = journey
        let kept = ElementIndex(journey)
        let pipelines = Set(journey.pipelines.map(\.path))
        func clean(_ stages: [Stage]) -> [Stage] {
            stages.map { stage in
                var stage = stage
                if let from = stage.from, !kept.contains(from) { stage.from = nil }
                return stage
            }
        }
        if var leads = result.leads {
            leads.stages = clean(leads.stages)
            leads.convertsTo = leads.convertsTo.filter { pipelines.contains($0) }
            result.leads = leads
        }
        for index in result.pipelines.indices {
            result.pipelines[index].stages = clean(result.pipelines[index].stages)
            result.pipelines[index].crossSells = result.pipelines[index].crossSells.filter { pipelines.contains($0) }
        }
        for n in result.adNetworks.indices {
            for c in result.adNetworks[n].campaigns.indices {
                for g in result.adNetworks[n].campaigns[c].groups.indices {
                    for a in result.adNetworks[n].campaigns[c].groups[g].ads.indices
                    where result.adNetworks[n].campaigns[c].groups[g].ads[a].landing.map({ !kept.contains($0) }) ?? false {
                        result.adNetworks[n].campaigns[c].groups[g].ads[a].landing = nil
                    }
                }
            }
        }
        for index in result.touchpoints.indices {
            if let channel = result.touchpoints[index].channel, !kept.contains(channel) { result.touchpoints[index].channel = nil }
            if let persona = result.touchpoints[index].persona, !kept.contains(persona) { result.touchpoints[index].persona = nil }
            if let phase = result.touchpoints[index].phase, !kept.contains(phase) { result.touchpoints[index].phase = nil }
        }
        result.flows = journey.flows.filter { kept.contains($0.from) && kept.contains($0.to) }
        return result
    }
}
