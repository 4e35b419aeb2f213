import FlyingSocks

/// The bytes of a stream of events, as FlyingFox sends a response body: each buffer the
/// stream yields goes out as soon as it is yielded (one chunk of a chunked response).
struct EventByteStream: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let buffers: AsyncStream<[UInt8]>
    /// Held for as long as the response is: when FlyingFox lets it go, the page is unsubscribed.
    let subscription: Subscription

    func makeAsyncIterator() -> Iterator { Iterator(base: buffers.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []
        var offset = 0

        mutating func next() async -> UInt8? {
            guard let buffer = await nextBuffer(suggested: 1) else { return nil }
            return buffer.first
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            while offset == pending.count {
                guard let next = await base.next() else { return nil }
                pending = next
                offset = 0
            }
            let end = Swift.min(pending.count, offset + Swift.max(count, 1))
            defer { offset = end }
            return pending[offset..<end]
        }
    }
}
