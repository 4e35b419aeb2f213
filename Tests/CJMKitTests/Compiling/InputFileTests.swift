import Foundation
import Testing
@testable import CJMKit

/// Inputs are read whole, regular files only; the bytes must be the file's.
@Suite struct InputFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-input-\(UUID().uuidString).cjm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 1_000, 65_536, 5_000_007])
    func readsEveryByteInOrder(size: Int) throws {
        // Bytes that differ from position to position, so a chunk read at the wrong place shows.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputFile.read(path, cap: 256 << 20).get() == bytes)
    }

    @Test func aLargeFileOverTheCapIsReadOnlyJustPastIt() throws {
        let size = 300_000
        let path = try temporaryFile([UInt8](repeating: 0x61, count: size))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try InputFile.read(path, cap: size - 10).get()
        #expect(read.count == size - 9)
    }

    @Test func aNamedPipeIsRefusedAtOnceInsteadOfBlocking() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-fifo-\(UUID().uuidString).cjm").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(InputFile.read(path, cap: 100) == .failure(.unreadable(path, reason: "is a named pipe (FIFO), not a regular file")))
    }

    @Test func aFolderIsRefused() {
        let path = FileManager.default.temporaryDirectory.path
        #expect(InputFile.read(path, cap: 100) == .failure(.unreadable(path, reason: "is a folder, not a regular file")))
    }

    @Test func aMissingFileIsNotFound() {
        #expect(InputFile.read("/nonexistent/cjm/x.cjm", cap: 100) == .failure(.notFound("/nonexistent/cjm/x.cjm")))
    }
}
