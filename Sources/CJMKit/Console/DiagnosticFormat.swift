/// How diagnostics are printed: compiler-style text or JSON lines for editors and CI.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
}
