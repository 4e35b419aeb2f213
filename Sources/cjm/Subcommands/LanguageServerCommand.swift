import ArgumentParser
import CJMLanguageServer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `cjm lsp`: the language server, over stdin/stdout, for editors.
struct LanguageServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server over stdin/stdout (for editors; see editors/vscode)."
    )

    func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-preview-\(getuid())").path
        let server = LanguageServer(workerExecutable: WorkerExecutable.path, previewFolder: folder, version: ToolVersion.number)
        let status = ServerSession.run(server)
        if status != 0 { throw ExitCode(status) }
    }
}

extension LanguageServerCommand: CommandExamples {
    static let examples = [
        (effect: "Serve an editor over stdio (editors start it themselves)", command: "cjm lsp"),
    ]
}
