import Testing
@testable import CJMGraphviz

@Suite struct BitmapSizeTests {
    @Test func scalesTheDrawingByDpiWithPadding() throws {
        let drawing = try #require(DrawingSize(boundingBox: "0,0,712,352"))
        #expect(drawing == DrawingSize(width: 720, height: 360))
        let size = BitmapSize(widthPoints: drawing.width, heightPoints: drawing.height, dpi: 144)
        #expect(size == BitmapSize(width: 1440, height: 720))
        #expect(size.fits)
    }

    @Test func refusesWhatCairoWouldShrink() throws {
        #expect(!BitmapSize(width: 40_000, height: 100).fits)
        #expect(!BitmapSize(width: 30_000, height: 30_000).fits)
        #expect(BitmapSize(width: 30_000, height: 8_000).fits)
    }

    @Test func largestFittingDpiIsTheLastThatFits() throws {
        // 4,677 × 2,258 points (the service centre's flow map): the 32,767-pixel side allows
        // 504 dpi, the 250-megapixel area only 350 (22,736 × 10,977 pixels).
        let dpi = try #require(BitmapSize.largestFittingDPI(widthPoints: 4_677, heightPoints: 2_258))
        #expect(dpi == 350)
        #expect(BitmapSize(widthPoints: 4_677, heightPoints: 2_258, dpi: Double(dpi)).fits)
        #expect(!BitmapSize(widthPoints: 4_677, heightPoints: 2_258, dpi: Double(dpi + 1)).fits)
        #expect(BitmapSize.largestFittingDPI(widthPoints: 100_000, heightPoints: 100) == nil)
        #expect(BitmapSize.largestFittingDPI(widthPoints: 100, heightPoints: 100) == 600)
    }
}
