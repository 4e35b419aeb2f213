@testable import CJMKit
import Foundation
import Testing

/// Telling a save from no change, however the editor saves.
struct WatchedFilesTests {
    @Test func writingInPlaceRenamingOverAndDeletingAreChangesAndReadingIsNot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-watched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("j.cjm")
        try "a".write(to: file, atomically: false, encoding: .utf8)
        var watched = WatchedFiles([file.path, folder.path])
        _ = try String(contentsOf: file, encoding: .utf8)
        #expect(!watched.changed())

        try "b".write(to: file, atomically: false, encoding: .utf8)
        #expect(watched.changed(), "written in place, same size")
        watched = WatchedFiles(watched.paths)
        try "c".write(to: file, atomically: true, encoding: .utf8)
        #expect(watched.changed(), "a new file renamed over it")
        watched = WatchedFiles(watched.paths)
        try FileManager.default.removeItem(at: file)
        #expect(watched.changed(), "deleted")
        watched = WatchedFiles(watched.paths)
        #expect(!watched.changed())
        try "d".write(to: file, atomically: false, encoding: .utf8)
        #expect(watched.changed(), "created again")
    }

    @Test func mergingKeepsTheEarlierStampsOfPathsAlreadyWatched() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-watched-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("j.cjm"), part = folder.appendingPathComponent("part.cjm")
        try "a".write(to: file, atomically: false, encoding: .utf8)
        let before = WatchedFiles([file.path])
        try "bb".write(to: file, atomically: false, encoding: .utf8)
        let merged = WatchedFiles(merging: before, into: WatchedFiles([file.path, part.path]))
        #expect(merged.paths == [file.path, part.path].sorted())
        #expect(merged.changed(), "a save between the stamps and the read is still seen")
    }
}
