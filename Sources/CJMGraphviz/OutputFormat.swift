/// The file formats a map can be written in.
public enum OutputFormat: String, Sendable, Codable, CaseIterable {
    case svg, png, pdf, dot
}
