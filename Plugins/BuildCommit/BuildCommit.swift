import Foundation
import PackagePlugin

/// Stamps the git commit the package is built from into the target as `BuildCommit`, so
/// `cjm --version` can name it. Runs before every build (a prebuild command: the commit is
/// not a file SwiftPM could track), and rewrites the file only when the commit or its
/// modified state changed, so an unchanged checkout recompiles nothing. Outside a git
/// checkout, or without git, the commit is nil.
@main
struct BuildCommit: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Stamp")
        return [.prebuildCommand(
            displayName: "Stamping the git commit into \(target.name)",
            executable: URL(fileURLWithPath: "/bin/sh"),
            arguments: ["-c", Self.script, "stamp", context.package.directoryURL.path, output.path],
            outputFilesDirectory: output
        )]
    }

    /// `$1` the package folder, `$2` the folder the Swift file goes into. `--no-optional-locks`
    /// keeps `git status` from rewriting the index in the middle of someone else's git command.
    static let script = #"""
        mkdir -p "$2" || exit 1
        commit=$(git -C "$1" rev-parse --short=12 HEAD 2>/dev/null) || commit=""
        modified=false
        if [ -n "$commit" ] && [ -n "$(git -C "$1" --no-optional-locks status --porcelain --untracked-files=no 2>/dev/null)" ]; then
          modified=true
        fi
        if [ -n "$commit" ]; then value="\"$commit\""; else value=nil; fi
        text="// Written by the BuildCommit plugin before each build; not in git.
        /// The git commit this binary was built from (12 hex digits), nil outside a git checkout.
        let buildCommit: String? = $value
        /// True when tracked files differed from that commit at build time.
        let buildCommitModified = $modified"
        printf '%s\n' "$text" | cmp -s - "$2/BuildCommit.swift" || printf '%s\n' "$text" > "$2/BuildCommit.swift"
        """#
}
