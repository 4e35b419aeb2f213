import CJMSyntax
import CJMModel

/// Checks `text` as the file `main.cjm`, with `files` as the other files include can read.
func check(_ text: String, path: String = "main.cjm", files: [String: String] = [:], limits: Limits = .standard) -> CheckResult {
    var all = files
    all[path] = text
    return Checker.check(SourceFile(path: path, text: text), limits: limits, loader: .inMemory(all))
}

/// Checks `body` wrapped in a journey (`journey "T" {` is line 1, so body line n is file line n + 1).
func checkBody(_ body: String, files: [String: String] = [:]) -> CheckResult {
    check("journey \"T\" {\n" + body + "\n}\n", files: files)
}

/// `E040@3:5` for each diagnostic (file:line:column compactly, the file only when not main.cjm).
func locations(_ result: CheckResult) -> [String] {
    result.diagnostics.map {
        let file = $0.range.file == "main.cjm" ? "" : $0.range.file + ":"
        return "\($0.code.rawValue)@\(file)\($0.range.start.line):\($0.range.start.column)"
    }
}

/// `from -> to origin style` for each flow, to compare flows compactly.
func flowLines(_ journey: Journey?) -> [String] {
    (journey?.flows ?? []).map { flow in
        var line = "\(flow.from) -> \(flow.to) \(flow.origin.rawValue)"
        if flow.style != .solid { line += " \(flow.style.rawValue)" }
        if let label = flow.label { line += " \"\(label)\"" }
        if let count = flow.count { line += " count:\(count)" }
        return line
    }
}
