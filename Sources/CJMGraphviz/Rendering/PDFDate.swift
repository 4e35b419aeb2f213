/// Cairo 1.16 stamps the wall-clock time into every PDF (`/CreationDate (D:YYYYMMDDHHmmSS…`).
/// Replacing the fourteen digits with a fixed date of the same length keeps the bytes
/// identical between runs while every xref offset stays valid.
enum PDFDate {
    static let fixed = Array("20000101000000".utf8)
    private static let marker = Array("/CreationDate (D:".utf8)

    /// `pdf` with its creation date fixed; unchanged when it has none.
    static func fixed(in pdf: [UInt8]) -> [UInt8] {
        guard let start = firstIndex(of: marker, in: pdf) else { return pdf }
        let digits = start + marker.count
        guard digits + fixed.count <= pdf.count,
              pdf[digits..<digits + fixed.count].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return pdf }
        var result = pdf
        result.replaceSubrange(digits..<digits + fixed.count, with: fixed)
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        // The info dictionary sits near the end of cairo's output; search from there.
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
