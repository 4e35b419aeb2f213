import Testing
@testable import CJMGraphviz

/// The worker's frame is accepted only whole and exact.
@Suite struct WorkerFrameTests {
    @Test(arguments: [WorkerFrame.map(Array("<svg>Карта</svg>".utf8)), .map([]), .failure(.crashed(signal: "SIGSEGV"))])
    func aWholeFrameReadsBack(frame: WorkerFrame) throws {
        #expect(try WorkerFrame(reading: frame.bytes) == frame)
    }

    @Test func everyCutIsRefused() {
        let bytes = WorkerFrame.map(Array("<svg/>".utf8)).bytes
        for count in 0..<bytes.count {
            #expect(throws: RenderFailure.self, "\(count) of \(bytes.count) bytes") { try WorkerFrame(reading: Array(bytes.prefix(count))) }
        }
    }

    @Test func strayOrChangedBytesAreRefused() {
        let bytes = WorkerFrame.map(Array("<svg/>".utf8)).bytes
        #expect(throws: RenderFailure.incompleteResult("stray bytes followed its result")) { try WorkerFrame(reading: bytes + [0x0A]) }
        var otherKind = bytes
        otherKind[WorkerFrame.magic.count] = UInt8(ascii: "X")
        #expect(throws: RenderFailure.incompleteResult("its output is not a cjm result")) { try WorkerFrame(reading: otherKind) }
        var longer = bytes
        longer[WorkerFrame.magic.count + 1] += 1
        #expect(throws: RenderFailure.self) { try WorkerFrame(reading: longer) }
        var shorter = bytes
        shorter[WorkerFrame.magic.count + 1] -= 1
        #expect(throws: RenderFailure.incompleteResult("its result does not end where its length says")) { try WorkerFrame(reading: shorter) }
        var huge = bytes
        huge.replaceSubrange((WorkerFrame.magic.count + 1)..<(WorkerFrame.magic.count + 9), with: [UInt8](repeating: 0xFF, count: 8))
        #expect(throws: RenderFailure.self) { try WorkerFrame(reading: huge) }
    }
}
