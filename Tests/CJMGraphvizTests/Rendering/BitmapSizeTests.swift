import Testing
@testable import CJMGraphviz

@Suite struct BitmapSizeTests {
    @Test func scalesTheBoundingBoxByDpiWithPadding() throws {
        let size = try #require(BitmapSize(boundingBox: "0,0,712,352", fitInches: nil, dpi: 144))
        #expect(size == BitmapSize(width: 1440, height: 720))
        #expect(size.fits)
    }

    @Test func appliesTheFitBox() throws {
        let size = try #require(BitmapSize(boundingBox: "0,0,1000,500", fitInches: (width: 10, height: 10), dpi: 72))
        #expect(size.width == 728)
    }

    @Test func refusesWhatCairoWouldShrink() throws {
        #expect(!BitmapSize(width: 40_000, height: 100).fits)
        #expect(!BitmapSize(width: 30_000, height: 30_000).fits)
        #expect(BitmapSize(width: 30_000, height: 8_000).fits)
    }
}
