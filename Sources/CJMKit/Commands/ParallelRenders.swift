import CJMGraphviz
import Dispatch
import Synchronization

/// Runs render requests `jobs` at a time. Each request is its own child process, so threads
/// here only wait; results come back in request order whatever order they finish in.
enum ParallelRenders {
    /// `progress` hears of each map as it starts and ends; `shouldStop` (asked from the
    /// rendering threads) calls off the renders in progress and those not started, which then
    /// fail with `RenderFailure.stopped`.
    static func run(_ requests: [RenderRequest], jobs: Int, renderer: IsolatedRenderer, progress: ProgressLine? = nil,
                    stoppingWhen shouldStop: (@Sendable () -> Bool)? = nil) -> [Result<RenderedMap, RenderFailure>] {
        let results = Mutex([Result<RenderedMap, RenderFailure>?](repeating: nil, count: requests.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, requests.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < requests.count else { return }
                progress?.started(index)
                let result: Result<RenderedMap, RenderFailure> = if let shouldStop {
                    shouldStop() ? .failure(.stopped) : renderer.renderMap(requests[index], stoppingWhen: shouldStop)
                } else {
                    renderer.renderMap(requests[index])
                }
                progress?.finished(index)
                results.withLock { $0[index] = result }
            }
        }
        progress?.end()
        return results.withLock { $0.map { $0! } }
    }
}
