import Testing
@testable import CJMGraphviz

@Suite struct SafeURLTests {
    @Test(arguments: ["javascript:alert(1)", "JavaScript:x", "data:text/html,x", "file:///etc/passwd", " javascript:x", "vbscript:x"])
    func refusesOtherSchemes(_ url: String) {
        #expect(SafeURL.forGraphviz(url) == nil)
    }

    @Test(arguments: ["https://a.example/", "http://a.example", "mailto:a@b.example", "tel:+375291234567", "/repair", "page.html", "#top"])
    func acceptsAllowedSchemesAndRelativePaths(_ url: String) {
        #expect(SafeURL.forGraphviz(url) == url)
    }

    @Test func percentEncodesWhatCouldBreakOutOfTheAttribute() {
        #expect(SafeURL.forGraphviz("/a b\"c<d>e'f\\N") == "/a%20b%22c%3Cd%3Ee%27f%5CN")
        #expect(SafeURL.forGraphviz("/стр") == "/%D1%81%D1%82%D1%80")
        #expect(SafeURL.forGraphviz("/x?a=1&b=2") == "/x?a=1&amp;b=2")
        #expect(SafeURL.forGraphviz("/100%25/50%") == "/100%25/50%25")
    }
}
