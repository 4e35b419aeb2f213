import Testing
@testable import CJMGraphviz

@Suite struct PDFDateTests {
    @Test func replacesTheDateKeepingTheLength() {
        let pdf = Array("%PDF-1.5\n<< /Creator (cairo) /CreationDate (D:20261123192238Z) >>\n%%EOF".utf8)
        let fixed = PDFDate.fixed(in: pdf)
        #expect(fixed.count == pdf.count)
        #expect(String(decoding: fixed, as: UTF8.self).contains("/CreationDate (D:20000101000000Z)"))
    }

    @Test func leavesAPDFWithoutADateAlone() {
        let pdf = Array("%PDF-1.5\n%%EOF".utf8)
        #expect(PDFDate.fixed(in: pdf) == pdf)
    }
}
