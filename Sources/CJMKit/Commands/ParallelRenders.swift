import CJMGraphviz
import Dispatch
import Synchronization

/// Runs worker requests `jobs` at a time. Each request is its own child process, so threads
/// here only wait; results come back in request order whatever order they finish in.
enum ParallelRenders {
    static func run(_ requests: [RenderRequest], jobs: Int, renderer: IsolatedRenderer) -> [Result<RenderedMap, RenderFailure>] {
        map(requests, jobs: jobs) { renderer.renderMap($0) }
    }

    /// `body` of every item, `jobs` at a time, in the items' order.
    static func map<Item: Sendable, Value: Sendable>(_ items: [Item], jobs: Int, _ body: @Sendable (Item) -> Value) -> [Value] {
        guard !items.isEmpty else { return [] }
        let results = Mutex([Value?](repeating: nil, count: items.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), items.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < items.count else { return }
                let result = body(items[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
