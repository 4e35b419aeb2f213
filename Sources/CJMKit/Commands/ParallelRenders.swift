import CJMGraphviz
import Dispatch
import Synchronization

/// Runs worker requests `jobs` at a time. Each request is its own child process, so threads
/// here only wait; results come back in request order whatever order they finish in.
enum ParallelRenders {
    /// Every request rendered. `progress` hears of each map as it starts and ends;
    /// `shouldStop` (asked from the rendering threads) calls off the renders in progress and
    /// those not started, which then fail with `RenderFailure.stopped`.
    static func run(_ requests: [RenderRequest], jobs: Int, renderer: IsolatedRenderer, progress: ProgressLine? = nil,
                    stoppingWhen shouldStop: (@Sendable () -> Bool)? = nil) -> [Result<RenderedMap, RenderFailure>] {
        map(requests, jobs: jobs, progress: progress) { request in
            guard let shouldStop else { return renderer.renderMap(request) }
            return shouldStop() ? .failure(.stopped) : renderer.renderMap(request, stoppingWhen: shouldStop)
        }
    }

    /// `body` of every item, `jobs` at a time, in the items' order; `progress` hears of each
    /// item (by index) as it starts and ends, and is ended when all are done.
    static func map<Item: Sendable, Value: Sendable>(_ items: [Item], jobs: Int, progress: ProgressLine? = nil,
                                                     _ body: @Sendable (Item) -> Value) -> [Value] {
        defer { progress?.end() }
        guard !items.isEmpty else { return [] }
        let results = Mutex([Value?](repeating: nil, count: items.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), items.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                progress?.started(index)
                let result = body(items[index])
                progress?.finished(index)
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
