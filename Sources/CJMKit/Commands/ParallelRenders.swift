import CJMGraphviz
import Dispatch
import Synchronization

/// Runs render requests `jobs` at a time. Each request is its own child process, so threads
/// here only wait; results come back in request order whatever order they finish in.
enum ParallelRenders {
    static func run(_ requests: [RenderRequest], jobs: Int, renderer: IsolatedRenderer) -> [Result<RenderedMap, RenderFailure>] {
        let results = Mutex([Result<RenderedMap, RenderFailure>?](repeating: nil, count: requests.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, requests.count)) { _ in
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < requests.count else { return }
                let result = renderer.renderMap(requests[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
