#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMModel
import CJMSyntax

/// The open documents and what the front end made of each: the server's whole state about
/// text. Owned by one `LanguageServer` value, nothing process-wide; closing a document
/// drops everything kept for it, so memory follows what is open, not how long the server runs.
public struct Workspace: Sendable {
    /// Open documents by URI.
    public private(set) var documents: [String: OpenDocument] = [:]
    /// The analysis of each open document's current version, by URI.
    public private(set) var analyses: [String: DocumentAnalysis] = [:]
    /// The generation the last analysis was given.
    private var lastGeneration = 0

    public init() {}

    /// Opens (or reopens) a document and analyses it and the journeys that include it;
    /// returns the URIs analysed.
    @discardableResult
    public mutating func open(_ document: OpenDocument) -> [String] {
        documents[document.uri] = document
        return reanalyse(after: document.uri)
    }

    /// Applies the editor's changes to an open document; returns the URIs analysed, or nil
    /// when the document is not open or a change could not be applied.
    public mutating func change(_ uri: String, version: Int, changes: [JSONValue]) -> [String]? {
        guard var document = documents[uri] else { return nil }
        for change in changes {
            guard document.apply(change, version: version) else { return nil }
        }
        documents[uri] = document
        return reanalyse(after: uri)
    }

    /// Closes a document; the journeys that included it read it from disk again. Returns the
    /// URIs analysed again.
    @discardableResult
    public mutating func close(_ uri: String) -> [String] {
        guard let document = documents.removeValue(forKey: uri) else { return [] }
        analyses[uri] = nil
        let dependents = journeys(including: IncludePath.normalized(document.path))
        for dependent in dependents { analyse(dependent) }
        return dependents
    }

    /// Everything a request about `uri` reads: the check that covers the document (its own,
    /// or for a part, that of the first open journey that includes it) and where it stands in it.
    public func context(for uri: String) -> DocumentContext? {
        guard let own = analyses[uri], let document = documents[uri] else { return nil }
        if !own.isJourney {
            let path = IncludePath.normalized(document.path)
            for root in journeys(including: path) {
                guard let analysis = analyses[root],
                      let file = analysis.result.sources.files.first(where: { IncludePath.normalized($0.path) == path }) else { continue }
                return DocumentContext(uri: uri, result: analysis.result, file: file.id, syntax: own.syntax, rootURI: root,
                                       generation: analysis.generation)
            }
        }
        return DocumentContext(uri: uri, result: own.result, file: FileID(0), syntax: own.syntax, rootURI: uri,
                               generation: own.generation)
    }

    /// The URI to name `path` by: an open document's own URI when one has that path.
    public func uri(ofPath path: String) -> String {
        let normalized = IncludePath.normalized(path)
        for document in documents.values where IncludePath.normalized(document.path) == normalized {
            return document.uri
        }
        return DocumentURI.uri(of: path)
    }

    /// Analyses `uri`, then every open journey whose last check read it.
    private mutating func reanalyse(after uri: String) -> [String] {
        analyse(uri)
        guard let path = documents[uri].map({ IncludePath.normalized($0.path) }) else { return [uri] }
        let dependents = journeys(including: path).filter { $0 != uri }
        for dependent in dependents { analyse(dependent) }
        return [uri] + dependents
    }

    private mutating func analyse(_ uri: String) {
        guard let document = documents[uri] else { return }
        lastGeneration += 1
        analyses[uri] = DocumentAnalysis(document, loader: overlayLoader(), generation: lastGeneration)
    }

    /// Open journeys (sorted by URI) whose check read the file at normalized `path` as an include.
    private func journeys(including path: String) -> [String] {
        analyses.values.filter { analysis in
            analysis.isJourney && analysis.result.sources.files.dropFirst().contains { IncludePath.normalized($0.path) == path }
        }.map(\.uri).sorted()
    }

    /// Reads includes as the editor has them when they are open, else from disk.
    func overlayLoader() -> IncludeLoader {
        var open: [String: [UInt8]] = [:]
        for document in documents.values { open[IncludePath.normalized(document.path)] = document.text.utf8 }
        let texts = open
        let disk = IncludeLoader.fileSystem
        return IncludeLoader(
            read: { path in
                if let bytes = texts[IncludePath.normalized(path)] { return bytes }
                return try disk.read(path)
            },
            canonicalPath: { path in
                disk.canonicalPath(path) ?? (texts[IncludePath.normalized(path)] != nil ? IncludePath.normalized(path) : nil)
            })
    }
}

/// The check that answers requests about one document, and where the document is in it.
public struct DocumentContext: Sendable {
    /// The document asked about.
    public var uri: String
    /// The check covering it.
    public var result: CheckResult
    /// The document's file in `result.sources`.
    public var file: FileID
    /// The document's own syntax tree.
    public var syntax: SyntaxFile
    /// The document whose check `result` is (the document itself, or a journey including it).
    public var rootURI: String
    /// The generation of the analysis `result` comes from.
    public var generation: Int

    /// The document's text as checked.
    public var source: SourceFile { result.sources[file] }
}
