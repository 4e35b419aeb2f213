import CJMSyntax
import Dispatch

/// Whether `JourneyBuilder.build(journey:body:)` may build a large top level in two halves on
/// two threads. Every strategy yields the same journey and the same diagnostics; only the time
/// differs, so the public API always uses `.automatic` and the others exist for tests.
enum BuildStrategy: Sendable {
    /// In halves when the top level has at least `ParallelBuild.minimumChildren` children.
    case automatic
    /// On the calling thread only: the reference the halves must match.
    case serial
    /// In halves whenever the top level has two children or more.
    case halves
}

enum ParallelBuild {
    /// Below this many top-level children a journey is built on one thread: starting and joining
    /// a second one costs tens of microseconds, about what a few hundred children take to build,
    /// and small journeys (templates, hand-written maps) are most of what is checked.
    static let minimumChildren = 2_000
}

/// The builders of the two halves, one slot each.
///
/// `@unchecked Sendable` because the compiler cannot see the protocol that makes it safe: each
/// thread of `concurrentPerform` writes only its own slot (two stored properties, not two
/// elements of one array, so the threads share no storage), and the slots are read only after
/// `concurrentPerform` has returned, which happens after both threads finished.
private final class HalfBuilders: @unchecked Sendable {
    var front: JourneyBuilder?
    var back: JourneyBuilder?

    /// Moves the builders out, so the caller holds the only reference to their lists and
    /// appending to them does not copy.
    func take() -> (front: JourneyBuilder?, back: JourneyBuilder?) {
        defer { front = nil; back = nil }
        return (front, back)
    }
}

extension JourneyBuilder {
    /// Builds `topLevel` (the children of the journey that passed placement, over `statements`)
    /// in two halves on two threads, when `strategy` allows and the top level is large, and
    /// keeps the result only when it is certainly what the serial build makes. Returns false,
    /// having changed nothing, when the caller must build serially instead.
    ///
    /// The halves are independent: the symbol table is only read in this pass (and shared by
    /// both), positional paths were fixed by the placement walk, and each list is in the order
    /// written, so the front half's lists followed by the back half's are the serial lists.
    /// What is not independent is the journey-wide "at most one `crm`/`leads`" rule and the
    /// order and cap of diagnostics; so when either half reported anything at all, or both met
    /// a `crm` (or both a `leads`), the halves are dropped and the serial code reports, exactly
    /// as before. A journey with errors thus pays for building twice; a clean one, which is what
    /// large generated journeys are, takes about half the time.
    mutating func buildInHalves(_ topLevel: ChildList, of statements: [Statement], strategy: BuildStrategy) -> Bool {
        let minimum: Int
        switch strategy {
        case .serial: return false
        case .automatic: minimum = ParallelBuild.minimumChildren
        case .halves: minimum = 2
        }
        guard topLevel.count >= minimum else { return false }

        let (front, back, backStatement) = topLevel.halves()
        let fresh = JourneyBuilder(symbols: symbols, sink: DiagnosticSink(limit: sink.limit))
        let builders = HalfBuilders()
        // The element table links its rules on first use; `build` has used it, but make the
        // order explicit rather than rely on it: no lazy static is first touched by two threads.
        _ = ElementRules.byKeyword
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var builder = fresh
            var seen = TopLevelSingles()
            if half == 0 {
                // The front half's lists become the journey's, so they are sized for all of it.
                builder.reserveLists(for: statements[...])
                builder.buildTopLevel(front, seen: &seen)
                builders.front = builder
            } else {
                builder.reserveLists(for: statements[backStatement...])
                builder.buildTopLevel(back, seen: &seen)
                builders.back = builder
            }
        }

        let built = builders.take()
        // `crm` and `leads` are set exactly when a half met one (the first is always built).
        guard var whole = built.front, let later = built.back, whole.sink.isEmpty, later.sink.isEmpty,
              whole.crm == nil || later.crm == nil, whole.leads == nil || later.leads == nil else { return false }
        whole.sink = sink
        whole.append(later)
        self = whole
        return true
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
