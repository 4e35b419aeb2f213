/// The frames read but not yet handled, in the order they came: what lets a `$/cancelRequest`
/// that arrived behind its request cancel it before the server starts on it.
///
/// The server handles one message at a time; before each, `ServerSession` moves every frame
/// that has already arrived in here, so a request whose cancellation is queued behind it is
/// answered with RequestCancelled instead of being carried out. A cancellation for a request
/// already answered, or never sent, changes nothing.
public struct Inbox: Sendable {
    /// One frame, parsed.
    public enum Item: Equatable, Sendable {
        /// A JSON message.
        case message(JSONValue)
        /// A body that is not JSON.
        case unparsable([UInt8])
        /// A header block that could not be read, and why.
        case malformed(String)
        /// The end of the input.
        case end
    }

    private var items: [Item] = []
    private var first = 0

    public init() {}

    /// Whether nothing is waiting.
    public var isEmpty: Bool { first == items.count }

    /// How many items are waiting.
    public var count: Int { items.count - first }

    /// Whether the end of the input has been queued (nothing more can be read).
    public private(set) var hasEnded = false

    /// Queues a frame.
    public mutating func append(_ frame: FrameReader.Frame) {
        switch frame {
        case .message(let body): items.append(JSONValue.parse(body).map(Item.message) ?? .unparsable(body))
        case .malformed(let problem): items.append(.malformed(problem))
        case .end:
            items.append(.end)
            hasEnded = true
        }
    }

    /// The next item, and whether it is a request that a queued `$/cancelRequest` cancels.
    public mutating func next() -> (item: Item, isCancelled: Bool)? {
        guard !isEmpty else { return nil }
        let item = items[first]
        first += 1
        if first == items.count {
            items.removeAll(keepingCapacity: true)
            first = 0
        }
        guard case .message(let message) = item, let id = message["id"], message["method"] != nil else { return (item, false) }
        let cancelled = items[first...].contains { later in
            guard case .message(let notice) = later else { return false }
            return notice["method"]?.string == "$/cancelRequest" && notice["id"] == nil && notice["params"]?["id"] == id
        }
        return (item, cancelled)
    }
}
