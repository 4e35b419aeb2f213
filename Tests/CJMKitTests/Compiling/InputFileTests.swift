import Foundation
import Testing
@testable import CJMKit

/// Inputs are read whole, a large file in two halves at once; the bytes must be the file's.
@Suite struct InputFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cjm-input-\(UUID().uuidString).cjm").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 1_000, InputFile.minimumBytesForHalves - 1, InputFile.minimumBytesForHalves, InputFile.minimumBytesForHalves * 2 + 7])
    func readsEveryByteInOrder(size: Int) throws {
        // Bytes that differ from position to position, so a half read at the wrong place shows.
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try InputFile.read(path, cap: 256 << 20).get() == bytes)
    }

    @Test func aLargeFileOverTheCapIsReadOnlyJustPastIt() throws {
        let size = InputFile.minimumBytesForHalves + 100
        let path = try temporaryFile([UInt8](repeating: 0x61, count: size))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let read = try InputFile.read(path, cap: size - 10).get()
        #expect(read.count == size - 9)
    }

    @Test func aMissingFileIsNotFound() {
        #expect(InputFile.read("/nonexistent/cjm/x.cjm", cap: 100) == .failure(.notFound("/nonexistent/cjm/x.cjm")))
    }
}
