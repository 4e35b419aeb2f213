@testable import CJMKit
import Foundation
import Testing

@Suite struct AtomicFileTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesTheFileAndLeavesNoTemporaryBehind() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("map.svg")
        try Data("old".utf8).write(to: target)
        let bytes = Array("<svg>Карта</svg>".utf8)
        #expect(throws: Never.self) { try AtomicFile.write(bytes, to: target.path).get() }
        #expect(try [UInt8](Data(contentsOf: target)) == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["map.svg"])
    }

    @Test func newFilesFollowTheUmaskNotMkstempsPrivateMode() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("map.png")
        try AtomicFile.write([1, 2, 3], to: target.path).get()
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int)
        #expect(mode & 0o044 != 0, "a map should be readable by others unless the umask says otherwise")
    }

    @Test func aFolderThatCannotBeWrittenFailsWithoutTouchingAnything() throws {
        let result = AtomicFile.write([1], to: "/nonexistent-folder/map.svg")
        guard case .failure(let failure) = result else {
            Issue.record("writing into a missing folder succeeded")
            return
        }
        #expect(failure.path == "/nonexistent-folder/map.svg")
        #expect(!failure.reason.isEmpty)
    }
}
