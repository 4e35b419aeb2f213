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
        for touchpoint in journey.touchpoints { mark(touchpoint.phase) }
        for channel in journey.channels { mark(channel.phase) }
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
        // What lies in each of the two phases, and the referral channels a loop may end in.
        var inAdvocacy = Set<ElementPath>(), backInto = Set<ElementPath>()
        func sort(_ path: ElementPath, _ phase: ElementPath?) {
            if phase == advocacy.path { inAdvocacy.insert(path) }
            if let awareness, phase == awareness { backInto.insert(path) }
        }
        for channel in journey.channels {
            sort(channel.path, channel.phase)
            if channel.kind == .referral { backInto.insert(channel.path) }
        }
        for touchpoint in journey.touchpoints { sort(touchpoint.path, touchpoint.phase) }
        for site in journey.sites { for page in site.pages { sort(page.path, page.phase) } }
        for pipeline in journey.pipelines { for stage in pipeline.stages { sort(stage.path, stage.phase) } }
        if let leads = journey.leads { for stage in leads.stages { sort(stage.path, stage.phase) } }
        // Only a written edge runs backwards through the journey; the implied flows run forwards.
        let closed = journey.flows.contains { $0.origin == .explicit && inAdvocacy.contains($0.from) && backInto.contains($0.to) }
        if !closed {
            findings.append(LintFinding(.advocacyWithoutReferral(awareness: awareness), subject: advocacy.path, source: advocacy.source))
        }
    }
}
