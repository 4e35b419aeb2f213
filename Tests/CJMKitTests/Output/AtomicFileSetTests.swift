@testable import CJMKit
import Foundation
import Testing

@Suite struct AtomicFileSetTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-atomic-set-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func replacesEveryFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appendingPathComponent("old.svg"), new = folder.appendingPathComponent("new.png")
        try Data("old".utf8).write(to: old)
        try AtomicFileSet.write([(old.path, [1]), (new.path, [2])]).get()
        #expect(try [UInt8](Data(contentsOf: old)) == [1])
        #expect(try [UInt8](Data(contentsOf: new)) == [2])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["new.png", "old.svg"])
    }

    /// The last rename fails (a folder is in the way) after the first two were done: the
    /// replaced file is the old one again and the new one is gone.
    @Test func aFailedRenameUndoesTheOnesBeforeIt() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let new = folder.appendingPathComponent("new.svg"), old = folder.appendingPathComponent("old.png")
        let blocked = folder.appendingPathComponent("blocked.pdf")
        try Data("old".utf8).write(to: old)
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        let result = AtomicFileSet.write([(new.path, [1]), (old.path, [2]), (blocked.path, [3])])
        #expect(throws: AtomicFile.WriteFailure.self) { try result.get() }
        #expect(try Data(contentsOf: old) == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["blocked.pdf", "old.png"])
    }
}
