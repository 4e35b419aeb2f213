import CJMModel
import CJMSyntax

/// `cjm lsp`: the Language Server Protocol on the same front end as the command line.
///
/// A value, driven one message at a time by `ServerSession`: every message in, the messages
/// to send back out. All state is in the value (the open documents and their analyses, what
/// diagnostics were sent); nothing is process-wide, and a document's state goes when it closes.
/// Requests are answered from the analysis made when the text last changed, so an answer
/// never waits for a check.
public struct LanguageServer: Sendable {
    private enum Phase: Sendable { case starting, running, shutDown }

    /// Where the server was told to stop, and the exit status `exit` asks for.
    public private(set) var exitStatus: Int32?

    private var phase = Phase.starting
    private var workspace = Workspace()
    private var published = PublishedDiagnostics()
    private var memo = AnswerMemo()
    private let workerExecutable: String
    private let previewFolder: String
    private let version: String

    /// A server whose previews render through `workerExecutable render-worker` into `previewFolder`.
    public init(workerExecutable: String, previewFolder: String, version: String) {
        self.workerExecutable = workerExecutable
        self.previewFolder = previewFolder
        self.version = version
    }

    /// The messages to send for one frame's body.
    public mutating func handle(body: [UInt8]) -> [JSONValue] {
        guard let message = JSONValue.parse(body) else {
            return [Self.response(id: .null, error: .parseError("the message is not JSON"))]
        }
        return handle(message)
    }

    /// The messages to send for a frame that could not be read.
    public func handleMalformedFrame(_ problem: String) -> [JSONValue] {
        [Self.response(id: .null, error: .parseError("malformed frame: \(problem)"))]
    }

    /// The answer to a request the editor cancelled (`$/cancelRequest`) before the server
    /// started on it: RequestCancelled, as the protocol asks. Nothing for a notification,
    /// which is never answered (and still has to be carried out: see `ServerSession`).
    public static func cancelled(_ message: JSONValue) -> [JSONValue] {
        guard let id = message["id"], message["method"] != nil else { return [] }
        return [response(id: id, error: .requestCancelled)]
    }

    /// The messages to send for one message.
    public mutating func handle(_ message: JSONValue) -> [JSONValue] {
        guard case .object = message, let method = message["method"]?.string else {
            // A response to something the server asked (it asks nothing), or not a message at all.
            if message["id"] != nil, message["result"] != nil || message["error"] != nil { return [] }
            return [Self.response(id: message["id"] ?? .null, error: .invalidRequest("a message needs a `method`"))]
        }
        let params = message["params"] ?? .null
        guard let id = message["id"] else {
            return notification(method, params)
        }
        switch id {
        case .number, .string: break
        default: return [Self.response(id: .null, error: .invalidRequest("a request id is a number or a string"))]
        }
        switch request(method, params) {
        case .success(let result): return [Self.response(id: id, result: result)]
        case .failure(let error): return [Self.response(id: id, error: error)]
        }
    }

    // MARK: Requests

    private mutating func request(_ method: String, _ params: JSONValue) -> Result<JSONValue, ResponseError> {
        switch (phase, method) {
        case (.starting, "initialize"):
            phase = .running
            return .success(capabilities)
        case (.starting, _): return .failure(.serverNotInitialized)
        case (.shutDown, _): return .failure(.invalidRequest("the server is shutting down; only `exit` is accepted"))
        case (.running, "initialize"): return .failure(.invalidRequest("`initialize` was already sent"))
        case (.running, "shutdown"):
            phase = .shutDown
            return .success(.null)
        default: break
        }
        if method.hasPrefix("textDocument/") {
            guard let uri = params["textDocument"]?["uri"]?.string else {
                return .failure(.invalidParams("`textDocument.uri` is missing"))
            }
            guard let context = workspace.context(for: uri), let document = workspace.documents[uri] else {
                return .failure(.invalidParams("the document \(uri) is not open; send `textDocument/didOpen` first"))
            }
            return documentRequest(method, params, context: context, document: document)
        }
        switch method {
        case "workspace/executeCommand":
            guard params["command"]?.string == RenderPreview.command else {
                return .failure(.invalidParams("unknown command `\(params["command"]?.string ?? "")`; the server has `\(RenderPreview.command)`"))
            }
            let arguments = params["arguments"]?.array ?? []
            guard let uri = arguments.first?.string ?? arguments.first?["uri"]?.string else {
                return .failure(.invalidParams("`\(RenderPreview.command)` takes the document's URI (and optionally a view)"))
            }
            guard let context = workspace.context(for: uri) else {
                return .failure(.invalidParams("the document \(uri) is not open; send `textDocument/didOpen` first"))
            }
            let view = arguments.dropFirst().first?.string ?? arguments.first?["view"]?.string
            return RenderPreview.run(context, view: view, workerExecutable: workerExecutable, folder: previewFolder)
                .mapError { .requestFailed($0.message) }
        default:
            return .failure(.methodNotFound(method))
        }
    }

    private mutating func documentRequest(_ method: String, _ params: JSONValue, context: DocumentContext,
                                          document: OpenDocument) -> Result<JSONValue, ResponseError> {
        let locations = LocationMaker(sources: context.result.sources, uriOfPath: { [workspace] in workspace.uri(ofPath: $0) })
        func position() -> Result<TextPosition, ResponseError> {
            guard let position = TextPosition(params["position"]) else { return .failure(.invalidParams("`position` is missing or malformed")) }
            return .success(position)
        }
        switch method {
        case "textDocument/completion":
            return position().map { Completion.items(context, at: $0, documentPath: document.path, facts: { memo.facts(for: context) }) }
        case "textDocument/hover":
            return position().map { Hover.info(context, at: $0, facts: { memo.facts(for: context) }) }
        case "textDocument/definition":
            return position().map { Navigation.definition(context, at: $0, locations: locations) }
        case "textDocument/references":
            let include = params["context"]?["includeDeclaration"]?.bool ?? true
            return position().map { Navigation.references(context, at: $0, includeDeclaration: include, locations: locations) }
        case "textDocument/documentSymbol":
            guard let analysis = workspace.analyses[document.uri] else { return .success(.array([])) }
            return .success(Outline.symbols(analysis))
        case "textDocument/formatting":
            return Formatting.edits(document, analysis: workspace.analyses[document.uri], loader: workspace.overlayLoader())
                .mapError { .requestFailed($0.message) }
        case "textDocument/prepareRename":
            return position().flatMap { Rename.prepare(context, at: $0).mapError { .requestFailed($0.message) } }
        case "textDocument/rename":
            guard let newName = params["newName"]?.string else { return .failure(.invalidParams("`newName` is missing")) }
            return position().flatMap { position in
                Rename.edit(context, at: position, to: newName, locations: locations).mapError { .requestFailed($0.message) }
            }
        case "textDocument/codeLens":
            return .success(RenderPreview.lenses(context))
        default:
            return .failure(.methodNotFound(method))
        }
    }

    // MARK: Notifications

    private mutating func notification(_ method: String, _ params: JSONValue) -> [JSONValue] {
        if method == "exit" {
            exitStatus = phase == .shutDown ? 0 : 1
            return []
        }
        guard phase == .running else { return [] }
        let uri = params["textDocument"]?["uri"]?.string
        switch method {
        case "textDocument/didOpen":
            guard let uri, let text = params["textDocument"]?["text"]?.string else { return [] }
            let version = params["textDocument"]?["version"]?.integer ?? 0
            workspace.open(OpenDocument(uri: uri, version: version, text: text))
            return flushDiagnostics(always: [uri])
        case "textDocument/didChange":
            guard let uri, let changes = params["contentChanges"]?.array else { return [] }
            let version = params["textDocument"]?["version"]?.integer ?? 0
            guard workspace.change(uri, version: version, changes: changes) != nil else {
                return [Self.logMessage("cjm lsp: ignored a change to \(uri): the document is not open or the change is malformed")]
            }
            return flushDiagnostics(always: [uri])
        case "textDocument/didClose":
            guard let uri else { return [] }
            workspace.close(uri)
            return flushDiagnostics(always: [])
        default:
            // didSave, $/setTrace, initialized, …: nothing to do, and notifications are never
            // answered. `$/cancelRequest` is honoured by `ServerSession` before the request is
            // handled; one that comes after its request was answered has nothing left to do.
            return []
        }
    }

    private mutating func flushDiagnostics(always: Set<String>) -> [JSONValue] {
        published.update(workspace, always: always)
    }

    // MARK: Messages

    private var capabilities: JSONValue {
        [
            "capabilities": [
                "positionEncoding": "utf-16",
                "textDocumentSync": ["openClose": true, "change": 2, "save": false],
                // `"` and `/` open include paths.
                "completionProvider": ["triggerCharacters": [":", ".", ">", ",", "\"", "/"]],
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "documentFormattingProvider": true,
                "renameProvider": ["prepareProvider": true],
                "codeLensProvider": ["resolveProvider": false],
                "executeCommandProvider": ["commands": [.string(RenderPreview.command)]],
            ],
            "serverInfo": ["name": "cjm", "version": .string(version)],
        ]
    }

    static func response(id: JSONValue, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "result": result]
    }

    static func response(id: JSONValue, error: ResponseError) -> JSONValue {
        ["jsonrpc": "2.0", "id": id, "error": error.json]
    }

    static func logMessage(_ text: String) -> JSONValue {
        ["jsonrpc": "2.0", "method": "window/logMessage", "params": ["type": 3, "message": .string(text)]]
    }
}
