import CJMLanguageServer
import Testing

/// The hand-written JSON writer: the bytes of every kind of value.
@Suite struct JSONValueTests {
    static func text(_ value: JSONValue) -> String { String(decoding: value.serialized(), as: UTF8.self) }

    @Test func integersAreWrittenWithoutAFraction() {
        #expect(Self.text([.int(0), .int(7), .int(-42), .int(1_234_567_890_123), .number(0.5), .number(-2.25)]) == "[0,7,-42,1234567890123,0.5,-2.25]")
        #expect(Self.text([.number(.infinity), .null, true, false]) == "[null,null,true,false]")
    }

    @Test func objectsAreSortedAndStringsEscapedByteForByte() {
        let value: JSONValue = ["b": "Звонок 📞 \"в\" \\ \n\u{2028}", "a": [:], "c": []]
        #expect(Self.text(value) == #"{"a":{},"b":"Звонок 📞 \"в\" \\ \n\u2028","c":[]}"#)
        #expect(JSONValue.parse(value.serialized()) == value, "it reads back as it was")
    }
}
