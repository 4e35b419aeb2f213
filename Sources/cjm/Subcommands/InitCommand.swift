import ArgumentParser
import CJMKit

/// `cjm init [--template NAME] [FILE]`
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a starter journey (journey.cjm by default) that checks clean.",
        discussion: "Never overwrites a file. FILE may be a folder (journey.cjm is written inside) or '-' for stdout."
    )

    @Option(name: .long, help: "Template: \(StarterTemplate.allCases.map(\.rawValue).joined(separator: ", ")) (default \(StarterTemplate.standard.rawValue)).")
    var template: StarterTemplate = .standard

    @Flag(name: .long, help: "Name the templates and exit.")
    var list = false

    @Argument(help: "The journey file to write.")
    var file: String?

    func run() throws {
        let status = list ? InitRun.list(console: Console()) : InitRun(template: template, path: file).run(console: Console())
        if status != .success { throw status.exitCode }
    }
}

extension StarterTemplate: ExpressibleByArgument {}
