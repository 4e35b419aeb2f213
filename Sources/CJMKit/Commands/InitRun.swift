/// `cjm init [--template NAME] [FILE]`: writes a starter journey that checks clean, never over
/// an existing file, and says what to run next.
public struct InitRun: Sendable {
    /// The file name written when no FILE is given (or FILE is a folder).
    public static let defaultFileName = "journey.cjm"

    public var template: StarterTemplate
    /// FILE: a path, a folder (existing, or ending in `/`) to write `journey.cjm` into, `-` for stdout, or nil for
    /// `journey.cjm` in the current folder.
    public var path: String?

    public init(template: StarterTemplate = .standard, path: String? = nil) {
        self.template = template
        self.path = path
    }

    /// Writes the template; 73 when FILE exists or cannot be written.
    public func run(console: Console) -> ExitStatus {
        if path == "-" {
            return console.emit(template.text) ? .success : .cannotWrite
        }
        var target = path ?? Self.defaultFileName
        if target.hasSuffix("/") || FilePath.isDirectory(target) { target = FilePath.join(target, Self.defaultFileName) }
        if FilePath.exists(target) {
            console.report("cjm: error: \(target) already exists; cjm init never overwrites a file (name another FILE)")
            return .cannotWrite
        }
        let folder = FilePath.folder(of: target)
        guard FilePath.makeFolder(folder) else {
            console.report("cjm: error: cannot create folder \(folder)")
            return .cannotWrite
        }
        if case .failure(let failure) = AtomicFile.writeNew(template.text, to: target) {
            console.report("cjm: error: cannot write \(failure.path): \(failure.reason)")
            return .cannotWrite
        }
        let shown = ShellWord.quoted(target)
        let next = [("cjm watch \(shown)", "live preview in the browser while you edit"),
                    ("cjm render \(shown) -f svg,png", "write the maps beside it")]
        let width = next.map(\.0.count).max() ?? 0
        console.report("cjm: wrote \(target) (template \(template.rawValue)). Next:")
        for (command, what) in next {
            console.report("  " + command + String(repeating: " ", count: width - command.count) + "   # " + what)
        }
        return .success
    }

    /// `cjm init --list`: one template a line, name and summary, on stdout.
    public static func list(console: Console) -> ExitStatus {
        let width = StarterTemplate.allCases.map(\.rawValue.count).max() ?? 0
        let lines = StarterTemplate.allCases.map { template in
            let name = template.rawValue
            let marker = template == .standard ? "  (default)" : ""
            return name + String(repeating: " ", count: width - name.count + 2) + template.summary + marker
        }
        return console.emit(Array((lines.joined(separator: "\n") + "\n").utf8)) ? .success : .cannotWrite
    }
}
