/// A JSON-RPC error answer: the protocol's code and a message the editor may show.
public struct ResponseError: Error, Equatable, Sendable {
    public var code: Int
    public var message: String

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The body was not JSON.
    public static func parseError(_ message: String) -> ResponseError { ResponseError(-32700, message) }
    /// JSON, but not a request or notification.
    public static func invalidRequest(_ message: String) -> ResponseError { ResponseError(-32600, message) }
    /// A method the server does not have.
    public static func methodNotFound(_ method: String) -> ResponseError { ResponseError(-32601, "unknown method `\(method)`") }
    /// Parameters missing or of the wrong shape (also: a document that is not open).
    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(-32602, message) }
    /// A request before `initialize`.
    public static let serverNotInitialized = ResponseError(-32002, "the server is not initialized yet; send `initialize` first")
    /// A request the editor cancelled before the server started on it.
    public static let requestCancelled = ResponseError(-32800, "the request was cancelled")
    /// A request that was understood and could not be carried out.
    public static func requestFailed(_ message: String) -> ResponseError { ResponseError(-32803, message) }

    var json: JSONValue { ["code": .int(code), "message": .string(message)] }
}
