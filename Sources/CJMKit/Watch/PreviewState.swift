import CJMMaps
import CJMSyntax
import Synchronization

/// What the live preview shows, shared between `cjm watch`'s loop, which publishes, and the
/// HTTP server's event streams, which subscribe (one per open page).
///
/// Only the latest of everything is kept — the last good map of each view, the current
/// failure, the menu — and each page's queue holds at most a few events, dropping the oldest,
/// so memory stays flat however long `watch` runs and however slowly a page reads.
final class PreviewState: Sendable {
    /// A map as drawn, and the revision of the sources it was drawn from.
    struct Map: Equatable, Sendable {
        var revision: Int
        var svg: String
    }

    /// The menu of maps a page can switch between.
    struct Menu: Equatable, Sendable {
        /// One map of the menu: `flow`, `board` or a view id, and what the menu calls it.
        struct Entry: Equatable, Sendable {
            var name: String
            var label: String
        }

        var title = ""
        /// `flow`, `board`, then the journey's views.
        var maps: [Entry] = []
        /// The language of the page's own words: the journey's.
        var language: MapLanguage = .english
    }

    /// What a page for one view shows now.
    struct Shown: Equatable, Sendable {
        var map: Map?
        /// The diagnostics or render failure to show above the last good map, if any.
        var failure: String?
    }

    private struct Subscriber {
        var view: String
        var continuation: AsyncStream<[UInt8]>.Continuation
    }

    private struct Contents {
        var menu = Menu()
        /// Bumped on every change of the sources that was checked.
        var revision = 0
        var maps: [String: Map] = [:]
        /// The diagnostics of the last check, when it failed: shown on every view.
        var checkFailure: String?
        /// Renders that failed at their revision, by view.
        var renderFailures: [String: (revision: Int, text: String)] = [:]
        var subscribers: [Int: Subscriber] = [:]
        var nextSubscriber = 0
        var finished = false

        func shown(_ view: String) -> Shown {
            var shown = Shown(map: maps[view])
            if let checkFailure {
                shown.failure = checkFailure
            } else if let failed = renderFailures[view], failed.revision == revision {
                shown.failure = failed.text
            } else if !menu.maps.isEmpty, !menu.maps.contains(where: { $0.name == view }) {
                shown.failure = "the journey has no view '\(view)'; views: \(menu.maps.map(\.name).joined(separator: ", "))"
            }
            return shown
        }
    }

    /// How many events a page may fall behind by before the oldest are dropped; a page that
    /// far behind only needs the newest map anyway.
    static let queueLength = 8

    private let contents = Mutex(Contents())

    /// The view a page gets when it names none (`--view`, else `flow`).
    let defaultView: String
    /// `--width`: the CSS pixels a page shows the map at when fitted (as a docs column would).
    let shownWidth: Double?

    init(defaultView: String, shownWidth: Double? = nil) {
        self.defaultView = defaultView
        self.shownWidth = shownWidth
    }

    // MARK: Pages

    /// A new page's event stream for `view`: first the menu and what there is to show now,
    /// then every change. The subscription ends when the returned `Subscription` is let go.
    func subscribe(view: String) -> (events: AsyncStream<[UInt8]>, subscription: Subscription) {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(Self.queueLength))
        let id: Int = contents.withLock { contents in
            let id = contents.nextSubscriber
            contents.nextSubscriber += 1
            guard !contents.finished else {
                continuation.finish()
                return id
            }
            contents.subscribers[id] = Subscriber(view: view, continuation: continuation)
            continuation.yield(Self.menuEvent(contents.menu).bytes)
            let shown = contents.shown(view)
            if let map = shown.map { continuation.yield(Self.mapEvent(map).bytes) }
            if let failure = shown.failure { continuation.yield(Self.failureEvent(failure, revision: contents.revision).bytes) }
            return id
        }
        return (stream, Subscription { [weak self] in self?.unsubscribe(id) })
    }

    private func unsubscribe(_ id: Int) {
        contents.withLock { $0.subscribers.removeValue(forKey: id) }?.continuation.finish()
    }

    /// The menu, and what a page for `view` shows now (for the page's first HTML).
    func snapshot(of view: String) -> (menu: Menu, shown: Shown) {
        contents.withLock { ($0.menu, $0.shown(view)) }
    }

    /// How many pages are subscribed.
    var subscriberCount: Int { contents.withLock { $0.subscribers.count } }

    // MARK: The watch loop

    /// The current revision.
    var revision: Int { contents.withLock { $0.revision } }

    /// The views the open pages (and `also`) show that the journey has, that have no map of
    /// the current revision yet and have not failed at it; sorted. Empty while the journey
    /// does not check.
    func viewsToRender(also: [String]) -> [String] {
        contents.withLock { contents in
            guard contents.checkFailure == nil else { return [] }
            let wanted = Set(also + contents.subscribers.values.map(\.view))
            return wanted.filter { view in
                contents.menu.maps.contains { $0.name == view } && contents.maps[view]?.revision != contents.revision
                    && contents.renderFailures[view]?.revision != contents.revision
            }.sorted()
        }
    }

    /// The sources changed and checked: a new revision with `menu`. Pages whose menu changed
    /// get the new one; the maps follow as they are drawn.
    func publishChecked(menu: Menu) -> Int {
        contents.withLock { contents in
            contents.revision += 1
            contents.checkFailure = nil
            let names = Set(menu.maps.map(\.name))
            contents.maps = contents.maps.filter { names.contains($0.key) }
            if contents.menu != menu {
                contents.menu = menu
                let event = Self.menuEvent(menu).bytes
                for subscriber in contents.subscribers.values { subscriber.continuation.yield(event) }
            }
            for subscriber in contents.subscribers.values where !names.contains(subscriber.view) {
                subscriber.continuation.yield(Self.failureEvent(contents.shown(subscriber.view).failure ?? "", revision: contents.revision).bytes)
            }
            return contents.revision
        }
    }

    /// The sources changed and did not check: every page shows `text` above its last good map.
    func publishCheckFailure(_ text: String) -> Int {
        contents.withLock { contents in
            contents.revision += 1
            contents.checkFailure = text
            let event = Self.failureEvent(text, revision: contents.revision).bytes
            for subscriber in contents.subscribers.values { subscriber.continuation.yield(event) }
            return contents.revision
        }
    }

    /// `view` drawn from `revision`: pages showing it get the map (and lose any failure shown).
    /// Ignored when a newer revision has come meanwhile.
    func publish(view: String, svg: String, revision: Int) {
        contents.withLock { contents in
            guard revision == contents.revision else { return }
            let map = Map(revision: revision, svg: svg)
            contents.maps[view] = map
            contents.renderFailures[view] = nil
            let event = Self.mapEvent(map).bytes
            for subscriber in contents.subscribers.values where subscriber.view == view { subscriber.continuation.yield(event) }
        }
    }

    /// `view` could not be drawn from `revision`: its pages show `text` above the last good map.
    func publishRenderFailure(view: String, text: String, revision: Int) {
        contents.withLock { contents in
            guard revision == contents.revision else { return }
            contents.renderFailures[view] = (revision, text)
            let event = Self.failureEvent(text, revision: revision).bytes
            for subscriber in contents.subscribers.values where subscriber.view == view { subscriber.continuation.yield(event) }
        }
    }

    /// Pages showing `view` hear that it is being drawn.
    func publishDrawing(view: String) {
        contents.withLock { contents in
            let event = ServerSentEvent(name: "drawing", data: view).bytes
            for subscriber in contents.subscribers.values where subscriber.view == view { subscriber.continuation.yield(event) }
        }
    }

    /// Sends every page a comment, so the server notices pages that were closed.
    func keepAlive() {
        contents.withLock { contents in
            for subscriber in contents.subscribers.values { subscriber.continuation.yield(ServerSentEvent.keepAlive) }
        }
    }

    /// Ends every page's stream; later pages get an empty one.
    func finish() {
        let ended = contents.withLock { contents in
            contents.finished = true
            defer { contents.subscribers = [:] }
            return Array(contents.subscribers.values)
        }
        ended.forEach { $0.continuation.finish() }
    }

    // MARK: Events

    private static func menuEvent(_ menu: Menu) -> ServerSentEvent {
        let maps = menu.maps.map { "[\(JSONText.quoted($0.name)),\(JSONText.quoted($0.label))]" }.joined(separator: ",")
        return ServerSentEvent(name: "menu", data: "{\"title\":\(JSONText.quoted(menu.title)),\"language\":\(JSONText.quoted(menu.language.tag)),\"maps\":[\(maps)]}")
    }

    private static func mapEvent(_ map: Map) -> ServerSentEvent {
        ServerSentEvent(name: "map", data: String(PreviewPage.inlineSVG(map.svg)), id: map.revision)
    }

    private static func failureEvent(_ text: String, revision: Int) -> ServerSentEvent {
        ServerSentEvent(name: "failure", data: text, id: revision)
    }
}

/// Ends a page's subscription when the response streaming its events is let go (the page
/// was closed and the server stopped writing to it, or the server stopped).
final class Subscription: Sendable {
    private let end: @Sendable () -> Void

    init(end: @escaping @Sendable () -> Void) { self.end = end }

    deinit { end() }
}
