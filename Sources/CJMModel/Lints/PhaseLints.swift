/// W009 (a phase with no touchpoint or channel) and W012 (an advocacy phase with no flow back
/// into awareness): seed 000's five phases, covered end to end and closed by a referral loop.
enum PhaseLints {
    /// The phase recommendations come from, by its usual id.
    static let advocacyID = "advocacy"
    /// The phase a referral loop leads back to, by its usual id (else the journey's first phase).
    static let awarenessID = "awareness"

    static func check(_ journey: Journey, into findings: inout [LintFinding]) {
        let phases = journey.phases
        guard !phases.isEmpty else { return }
        var used = [Bool](repeating: false, count: phases.count)
        func mark(_ phase: ElementPath?) {
            guard let phase, let index = phases.firstIndex(where: { $0.path == phase }) else { return }
            used[index] = true
        }
        // By index: a `for` over the elements would copy each whole element.
        for index in journey.touchpoints.indices { mark(journey.touchpoints[index].phase) }
        for index in journey.channels.indices { mark(journey.channels[index].phase) }
        // A journey that names no phase and places nothing in one does not map phases at all:
        // its five default phases are not blind spots.
        guard phases.contains(where: { !$0.isDefault }) || used.contains(true) else { return }
        for (phase, isUsed) in zip(phases, used) where !isUsed {
            findings.append(LintFinding(.emptyPhase(label: phase.label), subject: phase.path, source: phase.source))
        }
        checkReferralLoop(journey, into: &findings)
    }

    private static func checkReferralLoop(_ journey: Journey, into findings: inout [LintFinding]) {
        guard let advocacy = journey.phases.first(where: { $0.path.id == advocacyID && $0.path.components.count == 1 }) else { return }
        let awareness = (journey.phases.first { $0.path.id == awarenessID } ?? journey.phases.first).map(\.path)
        // Only a written edge runs backwards through the journey; the implied flows run forwards.
        // So only the ends of written edges need their phase looked up: a large journey has
        // many elements and few written edges.
        let written = journey.flows.filter { $0.origin == .explicit }
        var closed = false
        if !written.isEmpty {
            let ends = Set(written.map(\.from) + written.map(\.to))
            // Of the edges' ends: those in each of the two phases, and the referral channels a
            // loop may end in.
            var inAdvocacy = Set<ElementPath>(), backInto = Set<ElementPath>()
            func sort(_ path: ElementPath, _ phase: ElementPath?) {
                guard let phase else { return }
                let advocacyEnd = phase == advocacy.path, awarenessEnd = phase == awareness
                guard advocacyEnd || awarenessEnd, ends.contains(path) else { return }
                if advocacyEnd { inAdvocacy.insert(path) }
                if awarenessEnd { backInto.insert(path) }
            }
            for index in journey.channels.indices {
                let path = journey.channels[index].path
                sort(path, journey.channels[index].phase)
                if journey.channels[index].kind == .referral, ends.contains(path) { backInto.insert(path) }
            }
            for index in journey.touchpoints.indices { sort(journey.touchpoints[index].path, journey.touchpoints[index].phase) }
            for site in journey.sites { for index in site.pages.indices { sort(site.pages[index].path, site.pages[index].phase) } }
            for pipeline in journey.pipelines {
                for index in pipeline.stages.indices { sort(pipeline.stages[index].path, pipeline.stages[index].phase) }
            }
            if let leads = journey.leads { for index in leads.stages.indices { sort(leads.stages[index].path, leads.stages[index].phase) } }
            closed = written.contains { inAdvocacy.contains($0.from) && backInto.contains($0.to) }
        }
        if !closed {
            findings.append(LintFinding(.advocacyWithoutReferral(awareness: awareness), subject: advocacy.path, source: advocacy.source))
        }
    }
}
