import Foundation

/// Asks fontconfig (`fc-match`, from the Debian package fontconfig) whether the theme's font
/// family is installed. Pango would otherwise substitute whatever it finds, silently, and
/// Cyrillic may come out as boxes. One short process per render; cheaper than linking
/// fontconfig's development files into the build.
enum FontCheck {
    /// Throws `missingFont` unless fontconfig resolves `family` to that family itself.
    static func require(_ family: String) throws(RenderFailure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["fc-match", "--format=%{family}", family]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw .missingFont(family: family, package: "fontconfig")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .missingFont(family: family, package: "fontconfig") }
        let families = String(decoding: data, as: UTF8.self).split(separator: ",").map { $0.trimmingSpaces().lowercased() }
        guard families.contains(family.trimmingSpaces().lowercased()) else {
            throw .missingFont(family: family, package: package(for: family))
        }
    }

    /// The Debian package that ships a family, for the families the themes use.
    static func package(for family: String) -> String? {
        family.lowercased().hasPrefix("dejavu") ? "fonts-dejavu-core" : nil
    }
}
