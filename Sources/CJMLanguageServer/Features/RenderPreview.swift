#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMKit
import CJMModel
import CJMSyntax

/// The `cjm.renderPreview` command and its code lenses: draws one view of the journey as it
/// stands in the editor (unsaved edits included) to an SVG file and answers with its path.
///
/// The file goes to a folder of its own under the temporary folder, named after the journey
/// and its view (`service-center.flow.svg`) with a hash of the journey's path, so previews of
/// two journeys never overwrite each other and the journey's own folder is never touched.
enum RenderPreview {
    static let command = "cjm.renderPreview"

    struct Refusal: Error { var message: String }

    /// Renders `view` (default `flow`) of the journey covering the document.
    static func run(_ context: DocumentContext, view: String?, workerExecutable: String, folder: String) -> Result<JSONValue, Refusal> {
        guard let journey = context.result.validJourney else {
            let first = context.result.diagnostics.first { $0.severity == .error }
            let reason = first.map { ": \($0.range.file):\($0.range.start.line): \($0.message)" } ?? ""
            return .failure(Refusal(message: "the journey has errors, so no map is drawn\(reason)"))
        }
        let view = view ?? "flow"
        let rootPath = context.result.sources[FileID(0)].path
        var name = rootPath.split(separator: "/").last.map(String.init) ?? "journey"
        if name.hasSuffix(".cjm") { name.removeLast(4) }
        let path = folder + "/" + name + "-" + hash(rootPath) + "." + view + ".svg"
        mkdir(folder, 0o700)
        switch MapPreview.writeSVG(of: journey, view: view, to: path, workerExecutable: workerExecutable) {
        case .failure(let failure): return .failure(Refusal(message: failure.message))
        case .success: return .success(["path": .string(path), "uri": .string(DocumentURI.uri(of: path)), "view": .string(view)])
        }
    }

    /// "Render preview" above the `journey` line, and one above each `view`.
    static func lenses(_ context: DocumentContext) -> JSONValue {
        var lenses: [JSONValue] = []
        func lens(_ range: SourceRange, title: String, view: String?) {
            var arguments: [JSONValue] = [.string(context.uri)]
            if let view { arguments.append(.string(view)) }
            lenses.append(["range": TextRange(range, in: context.source).json,
                           "command": ["title": .string(title), "command": .string(command), "arguments": .array(arguments)]])
        }
        for statement in context.syntax.statements {
            guard case .element(let journey) = statement, journey.keyword.name == "journey" else { continue }
            lens(journey.keyword.range, title: "Render preview", view: nil)
            lens(journey.keyword.range, title: "Board", view: "board")
            for child in journey.body?.statements ?? [] {
                guard case .element(let view) = child, view.keyword.name == "view", let id = view.id else { continue }
                lens(view.keyword.range, title: "Render preview of `\(id.name)`", view: id.name)
            }
        }
        return .array(lenses)
    }

    /// 64-bit FNV-1a of `text`, in hex: stable across runs and machines.
    private static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value &*= 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
