@testable import CJMKit
import CJMMaps
import Testing

/// What pages hear from the watch loop, and what is kept.
struct PreviewStateTests {
    static let menu = PreviewState.Menu(title: "Путь", maps: [.init(name: "flow", label: "flow"), .init(name: "board", label: "board")],
                                        language: .russian)

    /// The events queued for a page so far, as text.
    static func drain(_ stream: AsyncStream<[UInt8]>, count: Int) async -> [String] {
        var events: [String] = []
        var iterator = stream.makeAsyncIterator()
        while events.count < count, let next = await iterator.next() { events.append(String(decoding: next, as: UTF8.self)) }
        return events
    }

    @Test func aPageGetsTheMenuTheMapThenTheFailureAboveTheLastGoodMap() async {
        let state = PreviewState(defaultView: "flow")
        let revision = state.publishChecked(menu: Self.menu)
        #expect(state.viewsToRender(also: ["flow"]) == ["flow"])
        state.publish(view: "flow", svg: "<?xml?>\n<svg>один</svg>", revision: revision)
        #expect(state.viewsToRender(also: ["flow"]).isEmpty, "a view drawn at this revision is not drawn again")

        let (events, subscription) = state.subscribe(view: "flow")
        _ = state.publishCheckFailure("journey.cjm:1:1: error[E001]: x")
        let received = await Self.drain(events, count: 3)
        #expect(received[0].hasPrefix("event: menu\ndata: {\"title\":\"Путь\",\"language\":\"ru\",\"maps\":[[\"flow\",\"flow\"],[\"board\",\"board\"]]}"))
        #expect(received[1] == "event: map\nid: 1\ndata: <svg>один</svg>\n\n", "inlined without the XML prolog")
        #expect(received[2] == "event: failure\nid: 2\ndata: journey.cjm:1:1: error[E001]: x\n\n")
        #expect(state.snapshot(of: "flow").shown == PreviewState.Shown(map: .init(revision: 1, svg: "<?xml?>\n<svg>один</svg>"),
                                                                       failure: "journey.cjm:1:1: error[E001]: x"))
        #expect(state.viewsToRender(also: ["flow"]).isEmpty, "nothing is drawn while the journey does not check")
        withExtendedLifetime(subscription) {}
    }

    @Test func aMapOfAnOlderRevisionIsDroppedAndClosedPagesAreLetGo() {
        let state = PreviewState(defaultView: "flow")
        let old = state.publishChecked(menu: Self.menu)
        _ = state.publishChecked(menu: Self.menu)
        state.publish(view: "flow", svg: "<svg/>", revision: old)
        #expect(state.snapshot(of: "flow").shown.map == nil, "a render superseded by a newer revision is not shown")
        var subscription: Subscription? = state.subscribe(view: "board").subscription
        #expect(state.subscriberCount == 1)
        #expect(state.viewsToRender(also: ["flow"]) == ["board", "flow"], "views open pages show are drawn")
        subscription = nil
        #expect(subscription == nil && state.subscriberCount == 0)
    }

    @Test func aSlowPageQueuesOnlyTheNewestEvents() async {
        let state = PreviewState(defaultView: "flow")
        let (events, subscription) = state.subscribe(view: "flow")
        for _ in 0..<100 {
            let revision = state.publishChecked(menu: Self.menu)
            state.publish(view: "flow", svg: "<svg>\(revision)</svg>", revision: revision)
        }
        state.finish()
        let received = await Self.drain(events, count: 1000)
        #expect(received.count == PreviewState.queueLength)
        #expect(received.last == "event: map\nid: 100\ndata: <svg>100</svg>\n\n")
        withExtendedLifetime(subscription) {}
    }

    @Test func aViewTheJourneyLacksIsAFailureForItsPages() {
        let state = PreviewState(defaultView: "flow")
        _ = state.publishChecked(menu: Self.menu)
        #expect(state.snapshot(of: "nope").shown.failure == "the journey has no view 'nope'; views: flow, board")
        #expect(state.viewsToRender(also: ["nope"]).isEmpty)
    }
}
