import CJMKit

/// What `cjm --version` prints. `number` is the one place the version is written; the commit
/// comes from the `BuildCommit` plugin, the Graphviz version from the loaded library.
enum ToolVersion {
    /// The release number, bumped by hand on a release.
    static let number = "0.1.0"

    /// `cjm 0.1.0 (commit 1a2b3c4d5e6f)` (`, modified` when tracked files differed from the
    /// commit; no parentheses outside a git checkout), then `Graphviz 2.42.2` on its own line.
    static var text: String {
        var first = "cjm " + number
        if let buildCommit { first += " (commit " + buildCommit + (buildCommitModified ? ", modified" : "") + ")" }
        return first + "\nGraphviz " + (GraphvizVersion.linked() ?? "unknown (no Graphviz context could be made)")
    }
}
