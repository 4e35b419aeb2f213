import Synchronization

/// Asks fontconfig (`fc-match`, from the Debian package fontconfig) whether the theme's font
/// family is installed. Pango would otherwise substitute whatever it finds, silently, and
/// Cyrillic may come out as boxes. One short process per family and run (a few milliseconds); the
/// alternative, linking fontconfig's development files, would add a build dependency.
enum FontCheck {
    /// Families fontconfig confirmed in this process. `cjm render` asks once per family before
    /// starting workers, instead of one more process per map.
    private static let confirmed = Mutex<Set<String>>([])

    /// Throws `missingFont` unless fontconfig resolves `family` to that family itself.
    static func require(_ family: String) throws(RenderFailure) {
        if confirmed.withLock({ $0.contains(family) }) { return }
        let query = ChildProcess(executable: "/usr/bin/env", arguments: ["fc-match", "--format=%{family}", family])
        let outcome = try query.run(input: [], timeout: 10)
        // env exits 127 when fc-match is not installed at all.
        guard outcome.termination == .exited(0) else { throw .missingFont(family: family, package: "fontconfig") }
        let families = String(decoding: outcome.stdout, as: UTF8.self).split(separator: ",").map { $0.trimmingSpaces().lowercased() }
        guard families.contains(family.trimmingSpaces().lowercased()) else {
            throw .missingFont(family: family, package: package(for: family))
        }
        confirmed.withLock { _ = $0.insert(family) }
    }

    /// The Debian package that ships a family, for the families the themes use.
    static func package(for family: String) -> String? {
        family.lowercased().hasPrefix("dejavu") ? "fonts-dejavu-core" : nil
    }
}
