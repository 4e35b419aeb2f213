import CJMLanguageServer
import CJMSyntax
import Testing

/// UTF-16 positions ↔ byte offsets, as the protocol counts them.
@Suite struct TextPositionTests {
    let file = SourceFile(path: "t.cjm", text: "ab\nпривет 🛋 x\r\nend")

    @Test func positionsCountUTF16Units() {
        // `x` follows six Cyrillic letters, a space, an emoji (two units) and a space.
        let x = TextPosition(line: 1, character: 10).offset(in: file)
        #expect(file.text(of: file.range(x, x + 1)) == "x")
        #expect(TextPosition(file.location(at: x)) == TextPosition(line: 1, character: 10))
    }

    @Test func positionsPastTheEndAreClamped() {
        let lineEnd = TextPosition(line: 1, character: 99).offset(in: file)
        #expect(file.utf8[lineEnd] == UInt8(ascii: "\r"))
        #expect(TextPosition(line: 9, character: 0).offset(in: file) == file.utf8.count)
    }

    @Test func insideASurrogatePairRoundsDown() {
        let emoji = TextPosition(line: 1, character: 7).offset(in: file)
        #expect(TextPosition(line: 1, character: 8).offset(in: file) == emoji)
    }

    @Test func editsApplyAtUTF16Positions() {
        var document = OpenDocument(uri: "file:///tmp/%D0%BF.cjm", version: 1, text: "привет 🛋 x\n")
        #expect(document.path == "/tmp/п.cjm")
        let change: JSONValue = ["range": ["start": ["line": 0, "character": 10], "end": ["line": 0, "character": 11]], "text": "мир"]
        let applied = document.apply(change, version: 2)
        #expect(applied)
        #expect(document.text.text == "привет 🛋 мир\n")
        #expect(document.version == 2)
        let refused = !document.apply(["range": "bad", "text": "x"], version: 3)
        #expect(refused)
    }

    /// An editor counts a lone CR as a line end (the protocol says so), and so do we: an edit
    /// on the second line of a classic Mac OS file lands there.
    @Test func editsCountALoneCarriageReturnAsALineEnd() {
        var document = OpenDocument(uri: "file:///tmp/mac.cjm", version: 1, text: "journey {\r  crm x\r}\r")
        let change: JSONValue = ["range": ["start": ["line": 1, "character": 6], "end": ["line": 1, "character": 7]], "text": "bitrix"]
        let applied = document.apply(change, version: 2)
        #expect(applied)
        #expect(document.text.lineText(2) == "  crm bitrix")
    }

    @Test func uriRoundTrip() {
        let path = "/home/анна/карты клиентов/journey#1.cjm"
        #expect(DocumentURI.path(of: DocumentURI.uri(of: path)) == path)
        #expect(DocumentURI.uri(of: "/a b") == "file:///a%20b")
        #expect(DocumentURI.path(of: "untitled:Untitled-1") == "untitled:Untitled-1")
        // A broken escape leaves the path as written.
        #expect(DocumentURI.path(of: "file:///a/100%.cjm") == "/a/100%.cjm")
    }
}
