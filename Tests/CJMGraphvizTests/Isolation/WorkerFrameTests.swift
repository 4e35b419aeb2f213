import Testing
@testable import CJMGraphviz

/// The worker's frame is accepted only whole and exact.
@Suite struct WorkerFrameTests {
    static let poster = PrintLayout(scale: 0.7, sheet: SheetFit(drawing: DrawingSize(width: 4_000, height: 2_000), paper: .a0),
                                    poster: PosterGrid(posterWidth: 2_800, posterHeight: 1_400, tile: .a4))

    static func map(_ text: String, layout: PrintLayout? = nil) -> WorkerFrame {
        .map(RenderedMap(bytes: Array(text.utf8), drawing: DrawingSize(width: 4_000, height: 2_000), layout: layout))
    }

    @Test(arguments: [WorkerFrameTests.map("<svg>Карта</svg>"), map(""), map("%PDF", layout: poster), .failure(.crashed(signal: "SIGSEGV")),
                      .failure(.bitmapTooLarge(width: 40_000, height: 20_000, dpi: 600, fittingDPI: 480, paper: "A1"))])
    func aWholeFrameReadsBack(frame: WorkerFrame) throws {
        #expect(try WorkerFrame(reading: frame.bytes) == frame)
    }

    @Test func everyCutIsRefused() {
        let bytes = Self.map("<svg/>").bytes
        for count in 0..<bytes.count {
            #expect(throws: RenderFailure.self, "\(count) of \(bytes.count) bytes") { try WorkerFrame(reading: Array(bytes.prefix(count))) }
        }
    }

    @Test func strayOrChangedBytesAreRefused() {
        let bytes = Self.map("<svg/>").bytes
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
