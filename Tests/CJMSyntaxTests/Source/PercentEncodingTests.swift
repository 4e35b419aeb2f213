import Testing
import CJMSyntax

@Suite struct PercentEncodingTests {
    @Test func encodesEveryRefusedByteOfCyrillicAsUpperCaseHex() {
        #expect(PercentEncoding.encoded("к a", keeping: PercentEncoding.isUnreserved) == "%D0%BA%20a")
        #expect(PercentEncoding.encoded("к a", keeping: { $0 >= 0x80 || PercentEncoding.isUnreserved($0) }) == "к%20a")
        #expect(PercentEncoding.encoded("/a b", keeping: { $0 == UInt8(ascii: "/") || PercentEncoding.isUnreserved($0) }) == "/a%20b")
    }

    @Test func decodesWhatItEncodes() {
        let text = "Карта: сайт/лиды 🙂 ~_.-"
        let encoded = PercentEncoding.encoded(text, keeping: PercentEncoding.isUnreserved)
        #expect(PercentEncoding.decoded(encoded.utf8) == text)
        #expect(PercentEncoding.decoded("%d0%ba".utf8) == "к")
    }

    @Test func refusesCutShortOrNonHexEscapesAndNonUTF8() {
        #expect(PercentEncoding.decoded("100%".utf8) == nil)
        #expect(PercentEncoding.decoded("%4".utf8) == nil)
        #expect(PercentEncoding.decoded("%zz".utf8) == nil)
        #expect(PercentEncoding.decoded("%D0".utf8) == nil)
        #expect(PercentEncoding.decoded("".utf8) == "")
    }
}
