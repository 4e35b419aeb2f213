import CJMSyntax

/// The diagnostics each file should show, worked out from every analysis, and what has been
/// sent: so the server tells the editor only what changed, and clears a file's problems once
/// nothing reports them any more.
struct PublishedDiagnostics: Sendable {
    /// What was last sent for each URI that still has problems or is open.
    private var sent: [String: JSONValue] = [:]

    /// The `textDocument/publishDiagnostics` notifications that bring the editor up to date
    /// with `workspace`; `always` are sent even when unchanged (the documents just edited).
    mutating func update(_ workspace: Workspace, always: Set<String>) -> [JSONValue] {
        let wanted = Self.wanted(workspace)
        var notifications: [JSONValue] = []
        for uri in Set(wanted.keys).union(sent.keys).sorted() {
            let diagnostics = wanted[uri] ?? .array([])
            if !always.contains(uri), (sent[uri] ?? .array([])) == diagnostics { continue }
            var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": diagnostics]
            if let version = workspace.documents[uri]?.version { params["version"] = .int(version) }
            notifications.append(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
        }
        // Kept only for files with something to clear later, or open.
        sent = wanted.filter { uri, diagnostics in diagnostics != .array([]) || workspace.documents[uri] != nil }
        return notifications
    }

    /// Every file's diagnostics: a journey reports its own and its includes'; a part that no
    /// open journey includes reports its parse problems.
    private static func wanted(_ workspace: Workspace) -> [String: JSONValue] {
        var byURI: [String: [JSONValue]] = [:]
        for uri in workspace.documents.keys { byURI[uri] = [] }
        var covered: Set<String> = []
        for analysis in workspace.analyses.values.sorted(by: { $0.uri < $1.uri }) where analysis.isJourney {
            var filesSeen: Set<String> = []
            for file in analysis.result.sources.files { filesSeen.insert(workspace.uri(ofPath: file.path)) }
            covered.formUnion(filesSeen.subtracting([analysis.uri]))
            for diagnostic in analysis.result.diagnostics {
                let uri = diagnostic.range.file == analysis.result.sources[FileID(0)].path ? analysis.uri : workspace.uri(ofPath: diagnostic.range.file)
                byURI[uri, default: []].append(json(diagnostic, workspace: workspace))
            }
        }
        for analysis in workspace.analyses.values where !analysis.isJourney && !covered.contains(analysis.uri) {
            byURI[analysis.uri] = analysis.result.diagnostics.map { json($0, workspace: workspace) }
        }
        return byURI.mapValues { .array($0) }
    }

    /// A diagnostic as the protocol writes it: the CLI's code and message, the range in
    /// UTF-16, notes with places as related information and notes without as lines of the message.
    static func json(_ diagnostic: Diagnostic, workspace: Workspace) -> JSONValue {
        var message = diagnostic.message
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            if let span = note.range {
                related.append(["message": .string(note.message),
                                "location": ["uri": .string(workspace.uri(ofPath: span.file)), "range": TextRange(span).json]])
            } else {
                message += "\nnote: " + note.message
            }
        }
        var object: [String: JSONValue] = [
            "range": TextRange(diagnostic.range).json,
            "severity": .int(diagnostic.severity == .error ? 1 : 2),
            "code": .string(diagnostic.code.rawValue),
            "source": "cjm",
            "message": .string(message),
        ]
        if !related.isEmpty { object["relatedInformation"] = .array(related) }
        return .object(object)
    }
}
