import Testing
@testable import CJMSyntax

@Suite struct DiagnosticPrinterTests {
    private let source = SourceFile(path: "maps/service.cjm", text: """
    journey "Карта" {
      pipeline repair "Ремонт" {
        stage done "Готово"
      }
      repiar.done -> manual
    \tэтап\tформа "x"
    }
    """)

    private func range(_ line: Int, _ column: Int, _ endColumn: Int, file: String = "maps/service.cjm") -> SourceSpan {
        SourceSpan(file: file, start: SourceLocation(line: line, column: column, offset: 0),
                    end: SourceLocation(line: line, column: endColumn, offset: 0))
    }

    private var printer: DiagnosticPrinter { DiagnosticPrinter(sources: SourceMap([source]), colored: false) }

    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.error(.unknownReference, "unknown reference 'repiar'; did you mean 'repair'?", at: range(5, 3, 9),
                                          notes: [.init("'repair' is defined here", at: range(2, 12, 18))])
        #expect(printer.text(diagnostic) == """
        maps/service.cjm:5:3: error[E040]: unknown reference 'repiar'; did you mean 'repair'?
            5 |   repiar.done -> manual
              |   ^~~~~~
        maps/service.cjm:2:12: note: 'repair' is defined here
            2 |   pipeline repair "Ремонт" {
              |            ^~~~~~
        """)
    }

    @Test func caretLandsUnderTheRightCyrillicLetter() {
        // `"Ремонт"` starts at column 19; the caret must sit under its quote, not 6 bytes later.
        let diagnostic = Diagnostic(.warning, .invalidValue, "label", at: range(2, 19, 27))
        #expect(printer.text(diagnostic) == """
        maps/service.cjm:2:19: warning[E031]: label
            2 |   pipeline repair "Ремонт" {
              |                   ^~~~~~~~
        """)
    }

    @Test func tabsAreExpandedAlikeInLineAndCaret() {
        // Line 6 is "\tэтап\tформа \"x\"": `форма` is column 7.
        let diagnostic = Diagnostic.error(.unknownKeyword, "unknown", at: range(6, 7, 12))
        #expect(printer.text(diagnostic) == """
        maps/service.cjm:6:7: error[E020]: unknown
            6 |     этап    форма "x"
              |             ^~~~~
        """)
    }

    @Test func noteWithoutPlaceAndUnknownFile() {
        let diagnostic = Diagnostic.error(.includeNotFound, "cannot read 'x.cjm'", at: range(1, 1, 1, file: "other.cjm"),
                                          notes: [.init("3 more problems were found")])
        #expect(printer.text(diagnostic) == """
        other.cjm:1:1: error[E050]: cannot read 'x.cjm'
        note: 3 more problems were found
        """)
    }

    @Test func caretAfterTheEndOfTheLine() {
        let diagnostic = Diagnostic.error(.unexpectedToken, "expected a value", at: range(7, 2, 3))
        #expect(printer.text(diagnostic).hasSuffix("    7 | }\n      |  ^"))
    }

    @Test func controlCharactersInMessagesAreSpelledOut() {
        let diagnostic = Diagnostic.error(.invalidValue, "label \"a\nb\u{1B}[31m\"", at: range(1, 1, 2, file: "x"))
        #expect(printer.text(diagnostic) == "x:1:1: error[E031]: label \"a\\nb\\u{1B}[31m\"")
    }

    @Test func controlCharactersInTheSourceLineArePrintedVisibly() {
        let file = SourceFile(path: "n.cjm", text: "a\u{0}\u{0}b")
        let printer = DiagnosticPrinter(sources: SourceMap([file]), colored: false)
        let diagnostic = Diagnostic.error(.unexpectedCharacter, "x", at: range(1, 2, 4, file: "n.cjm"))
        #expect(printer.text(diagnostic).hasSuffix("    1 | a␀␀b\n      |  ^~"))
    }

    @Test func longLinesAreShownAsAWindowAroundTheCaret() {
        let line = String(repeating: "а", count: 5000) + "@" + String(repeating: "б", count: 5000)
        let file = SourceFile(path: "l.cjm", text: line)
        let printer = DiagnosticPrinter(sources: SourceMap([file]), colored: false)
        let lines = printer.text(.error(.unexpectedCharacter, "x", at: range(1, 5001, 5002, file: "l.cjm"))).split(separator: "\n")
        #expect(lines[1].count < 200)
        #expect(lines[1].hasPrefix("    1 | …") && lines[1].hasSuffix("…"))
        // The caret stands under the `@`.
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let atColumn = lines[1].firstIndex(of: "@").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(caretColumn != nil && caretColumn == atColumn)
    }

    @Test func colourOnlyWhenAskedFor() {
        let diagnostic = Diagnostic.error(.unknownReference, "m", at: range(5, 3, 9))
        #expect(!printer.text(diagnostic).contains("\u{1B}"))
        let colored = DiagnosticPrinter(sources: SourceMap([source]), colored: true).text(diagnostic)
        #expect(colored.contains("\u{1B}[1;31merror[E040]\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;32m^~~~~~\u{1B}[0m"))
    }

    @Test func jsonLineKeysInOrderWithEscaping() {
        let diagnostic = Diagnostic.error(.unknownReference, "нет ссылки \"a\\b\"\n\t\u{1}", at: range(5, 3, 9),
                                          notes: [.init("здесь", at: range(2, 12, 18)), .init("без места")])
        #expect(printer.jsonLine(diagnostic) == #"""
        {"file":"maps/service.cjm","line":5,"column":3,"endLine":5,"endColumn":9,"severity":"error","code":"E040","message":"нет ссылки \"a\\b\"\n\t\u0001","notes":[{"message":"здесь","file":"maps/service.cjm","line":2,"column":12},{"message":"без места","file":null,"line":null,"column":null}]}
        """#)
    }

    @Test func jsonLineIsOneLineAndEscapesLineSeparators() {
        let line = printer.jsonLine(.error(.invalidValue, "a\u{2028}b\r", at: range(1, 1, 1, file: "p\"q.cjm")))
        #expect(!line.contains("\n"))
        #expect(line.contains(#""file":"p\"q.cjm""#))
        #expect(line.contains(#""message":"a\u2028b\r""#))
    }
}
