import CJMSyntax

/// Whether `JourneyBuilder.build(journey:body:)` may build a large top level in parts on all
/// cores. Every strategy yields the same journey and the same diagnostics; only the time
/// differs, so the public API always uses `.automatic` and the others exist for tests.
enum BuildStrategy: Sendable {
    /// In parts when the top level has at least `ParallelBuild.minimumChildren` children.
    case automatic
    /// On the calling thread only: the reference the parts must match.
    case serial
    /// In parts whenever the top level has two children or more.
    case parallel
}

enum ParallelBuild {
    /// Below this many top-level children a journey is built on one thread: starting and joining
    /// a second one costs tens of microseconds, about what a few hundred children take to build,
    /// and small journeys (templates, hand-written maps) are most of what is checked.
    static let minimumChildren = 2_000

    /// How many runs of the top level are built, each as one task. More runs than cores, so
    /// the work evens out without knowing what each child costs (a pipeline's byte costs more
    /// than a touchpoint's) or how busy each core is on a shared machine: a thread done with one
    /// run takes the next. (Two halves of equal source split 56/44 in instructions.) With
    /// sixteen, cut by `Statement.work`, the cores of a 50 MB journey's build finish within
    /// about 10 ms of each other, while the per-run set-up and the merge stay negligible.
    static let partCount = 16
}

extension JourneyBuilder {
    /// Builds `topLevel` (the children of the journey that passed placement, over `statements`)
    /// in runs on all cores, when `strategy` allows and the top level is large, and keeps the
    /// result only when it is certainly what the serial build makes. Returns false, having
    /// changed nothing, when the caller must build serially instead.
    ///
    /// The runs are independent: the symbol table is only read in this pass (and shared by
    /// all), positional paths were fixed by the placement walk, and each list is in the order
    /// written, so the runs' lists one after the other are the serial lists. What is not
    /// independent is the journey-wide "at most one `crm`/`leads`" rule and the order and cap of
    /// diagnostics; so when any run reported anything at all, or two runs met a `crm` (or two a
    /// `leads`), the runs are dropped and the serial code reports, exactly as before. A journey
    /// with errors thus pays for building twice; a clean one, which is what large generated
    /// journeys are, takes about half the time on two cores.
    mutating func buildInParts(_ topLevel: ChildList, of statements: [Statement], strategy: BuildStrategy) -> Bool {
        let partCount: Int
        switch strategy {
        case .serial: return false
        case .automatic:
            guard topLevel.count >= ParallelBuild.minimumChildren else { return false }
            partCount = ParallelBuild.partCount
        case .parallel:
            guard topLevel.count >= 2 else { return false }
            partCount = min(ParallelBuild.partCount, topLevel.count)
        }

        let parts = topLevel.parts(partCount)
        let fresh = JourneyBuilder(symbols: symbols, sink: DiagnosticSink(limit: sink.limit))
        // The element table links its rules on first use; `build` has used it, but make the
        // order explicit rather than rely on it: no lazy static is first touched by two threads.
        _ = ElementRules.byKeyword
        var built = EveryCore.map(parts.count) { index in
            var builder = fresh
            builder.reserveLists(for: statements[parts[index].statements])
            var seen = TopLevelSingles()
            builder.buildTopLevel(parts[index].children, seen: &seen)
            return builder
        }

        // `crm` and `leads` are set exactly when a run met one (the first is always built).
        guard built.allSatisfy(\.sink.isEmpty), built.count(where: { $0.crm != nil }) <= 1,
              built.count(where: { $0.leads != nil }) <= 1 else { return false }
        var whole = built.removeFirst()
        whole.sink = sink
        let later = built
        let all = [whole] + later
        var leads = all.lazy.compactMap(\.leads).first
        if !all.contains(where: \.writtenConversions) { leads?.convertsTo = all.flatMap { $0.pipelines.map(\.path) } }
        let sources = ImplicitFlows.Sources(
            crm: all.lazy.compactMap(\.crm).first, leads: leads,
            channels: all.map(\.channels), pipelines: all.map(\.pipelines), adNetworks: all.map(\.adNetworks),
            touchpoints: all.map(\.touchpoints), explicit: all.map(\.explicitFlows))
        // One core joins the parts' lists while the other derives the flows from them: both
        // were a serial step at the end of the build.
        let (_, flows) = BothCores.run({
            // The first run's lists grow into the journey's, sized once for all runs (a copy,
            // since the other core still reads the originals).
            whole.reserveRoom(for: later)
            for part in later { whole.append(part) }
        }, { ImplicitFlows.derive(from: sources) })
        whole.flowsFromParts = flows
        self = whole
        return true
    }

    /// Makes room in the lists for those of `later`, so appending them does not grow them.
    private mutating func reserveRoom(for later: [JourneyBuilder]) {
        func room<T>(_ list: inout [T], _ lists: (JourneyBuilder) -> [T]) {
            list.reserveCapacity(list.count + later.reduce(0) { $0 + lists($1).count })
        }
        room(&phases, \.phases)
        room(&personas, \.personas)
        room(&channels, \.channels)
        room(&pipelines, \.pipelines)
        room(&sites, \.sites)
        room(&adNetworks, \.adNetworks)
        room(&touchpoints, \.touchpoints)
        room(&views, \.views)
        room(&styles, \.styles)
        room(&explicitFlows, \.explicitFlows)
    }

    /// Adds the lists of `later`, built from the top-level children after this builder's.
    private mutating func append(_ later: JourneyBuilder) {
        crm = crm ?? later.crm
        leads = leads ?? later.leads
        phases += later.phases
        personas += later.personas
        channels += later.channels
        pipelines += later.pipelines
        sites += later.sites
        adNetworks += later.adNetworks
        touchpoints += later.touchpoints
        views += later.views
        styles += later.styles
        explicitFlows += later.explicitFlows
        writtenConversions = writtenConversions || later.writtenConversions
    }
}
