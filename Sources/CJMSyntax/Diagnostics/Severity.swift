/// How serious a diagnostic is: errors stop the run, warnings fail only under `--strict`.
public enum Severity: String, Sendable, Codable {
    case error
    case warning
}
