/// A command whose help ends with real examples (ArgumentParser's help has no such section,
/// so `CommandLineEntry` appends it).
protocol CommandExamples {
    /// Command lines, each with what it does; each line starts with `cjm`.
    static var examples: [(effect: String, command: String)] { get }
}

extension CommandExamples {
    /// The `EXAMPLES:` section: each example a `# what it does` line over the command, so a
    /// long command never wraps into its description and copies as one line.
    static var examplesSection: String {
        "EXAMPLES:\n" + examples.map { "  # " + $0.effect + "\n  " + $0.command }.joined(separator: "\n\n")
    }
}
