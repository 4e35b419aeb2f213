import Testing
@testable import CJMSyntax

/// Each syntax error at its exact place; lines start with Cyrillic so a byte-counted column
/// would be wrong.
@Suite struct ParserErrorTests {
    @Test func unexpectedTokenInElement() {
        let result = parse("этап новый , 5")
        #expect(locations(result.diagnostics) == ["E010@1:12"])
        #expect(result.diagnostics[0].message == "expected an id, a label, 'name: value', a flag or '{' after 'этап', found ','")
    }

    @Test func missingValue() {
        let result = parse("канал тг kind:\nканал б")
        #expect(locations(result.diagnostics) == ["E010@1:15"])
        #expect(result.diagnostics[0].message == "expected a value after 'kind:', found the end of the line")
        #expect(elements(result.syntax.statements).count == 2)
    }

    @Test func statementCannotStartWithAString() {
        let result = parse("journey {\n  \"Лид\" x\n}")
        #expect(locations(result.diagnostics) == ["E010@2:3"])
        #expect(result.diagnostics[0].message == "expected a statement (an element, 'name: value' or 'a -> b'), found the string \"Лид\"")
    }

    @Test func secondLabel() {
        let result = parse(#"стадия x "Один" "Два""#)
        #expect(locations(result.diagnostics) == ["E010@1:17"])
    }

    @Test func edgeProblems() {
        let result = parse("связь.а x\nа -> \"b\"\nа -> б флаг\nа -> б \"x\" \"y\"\nа -> б {\n  c d\n}")
        #expect(locations(result.diagnostics) == ["E010@1:9", "E010@2:6", "E010@3:8", "E010@4:12", "E010@5:8"])
        #expect(result.diagnostics[0].message == "expected '->' after 'связь.а', found 'x'")
        #expect(result.diagnostics[1].message == "expected the name of an element after '->', found the string \"b\"")
        #expect(result.diagnostics[4].message == "expected the end of the statement, found '{'; only elements take a block")
    }

    @Test func dotMustBeFollowedByAName() {
        let result = parse("ad x landing: стр.")
        #expect(locations(result.diagnostics) == ["E010@1:19"])
    }

    @Test func unclosedBlockPointsAtItsBrace() {
        // The `}` lines up with the journey, so the persona's is the one missing.
        let result = parse("journey \"Карта\" {\n  persona владелец \"Вл\" {\n    goal \"g\"\n}")
        #expect(locations(result.diagnostics) == ["E011@2:25"])
        // What was read is kept.
        let journey = elements(result.syntax.statements).first
        #expect(journey?.body?.statements.count == 1)
    }

    @Test func unclosedBlockNotesTheBraceThatClosedTheWrongBlock() {
        // Indentation does not tell which block the last `}` ends (it stands deeper than the
        // persona): it closes the persona, and the note points at it.
        let text = """
        journey "Карта" {
          persona p "П" {
            goal "g"
            channel c
            site { page a }
              }
        """
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E011@1:17"])
        let note = result.diagnostics.first?.notes.first
        #expect(note?.message == "perhaps a '}' is missing before this one: it is not lined up with line 2, whose block it closes")
        #expect(note?.range?.start.line == 6 && note?.range?.start.column == 7)
    }

    @Test func unclosedBlockEndsWhereIndentationSaysItDoes() {
        let text = """
        journey "Карта" {
          persona p "П" {
            goal "g"
          channel c
          site { page a }
        }
        """
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E011@2:17"])
        let note = result.diagnostics.first?.notes.first
        #expect(note?.message == "perhaps a '}' is missing before this line: it is indented no deeper than line 2, so it stands outside that block")
        #expect(note?.range?.start.line == 4 && note?.range?.start.column == 3)
    }

    @Test func strayClosingBrace() {
        let result = parse("этап а\n  }\nэтап б")
        #expect(locations(result.diagnostics) == ["E012@2:3"])
        #expect(elements(result.syntax.statements).count == 2)
    }

    @Test func braceOnTheNextLineIsReportedAndAttached() throws {
        let result = parse("persona владелец\n{\n  goal \"g\"\n}")
        #expect(locations(result.diagnostics) == ["E010@2:1"])
        let persona = try #require(elements(result.syntax.statements).first)
        #expect(persona.body?.statements.count == 1)
    }

    @Test func recoveryReportsManyProblemsInOneRun() {
        let text = """
        journey "Карта" {
          channel тг "Telegram" kind: : messenger
          stage @ x
          page a "A" url: "/a" "second"
          crm x "b" }
        }
        """
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E010@2:31", "E002@3:9", "E010@4:24", "E012@6:1"])
    }

    @Test func errorsInsideABlockKeptForBalanceAreStillReported() {
        let result = parse("\"x\" {\n  stage a kind: :\n}\nphase p")
        #expect(locations(result.diagnostics) == ["E010@1:1", "E010@2:17"])
        #expect(elements(result.syntax.statements).compactMap(\.id?.name) == ["p"])
    }

    @Test func labelOverTheCap() {
        let result = parse("page p \"" + String(repeating: "я", count: 11) + "\"", limits: Limits(maxLabelLength: 10))
        #expect(locations(result.diagnostics) == ["E014@1:8"])
        #expect(result.diagnostics[0].message == "this string is 11 characters long; the limit is 10")
        #expect(parse("page p \"" + String(repeating: "я", count: 10) + "\"", limits: Limits(maxLabelLength: 10)).diagnostics.isEmpty)
        // Characters, not source bytes: ten escapes spell ten characters.
        #expect(parse("page p \"" + String(repeating: #"\u{2192}"#, count: 10) + "\"", limits: Limits(maxLabelLength: 10)).diagnostics.isEmpty)
        #expect(parse("page p \"" + String(repeating: #"\u{2192}"#, count: 11) + "\"", limits: Limits(maxLabelLength: 10)).diagnostics.map(\.code) == [.labelTooLong])
        // An unterminated string is measured too: its text runs to the end of the line.
        #expect(parse("page p \"" + String(repeating: "x", count: 11), limits: Limits(maxLabelLength: 10)).diagnostics.map(\.code)
                    == [.unterminatedString, .labelTooLong])
    }

    @Test func nestingOverTheCap() throws {
        let result = parse("a {\n b {\n  c {\n   d { e }\n  }\n }\n}\nz", limits: Limits(maxNestingDepth: 3))
        #expect(locations(result.diagnostics) == ["E013@4:6"])
        #expect(result.diagnostics[0].message == "blocks are nested more than 3 deep here; the limit is 3")
        #expect(elements(result.syntax.statements).map(\.keyword.name) == ["a", "z"])
    }

    @Test func tooManyStatementsStopsTheParse() {
        let result = parse("a {\n b\n c\n d\n}", limits: Limits(maxElements: 3))
        #expect(locations(result.diagnostics) == ["E015@4:2"])
        #expect(result.diagnostics[0].message == "the file has more than 3 statements; the limit is 3")
    }

    @Test func errorsBeyondTheCapAreCountedInANote() {
        let text = (1...10).map { "этап x\($0) , 1" }.joined(separator: "\n")
        let result = parse(text, limits: Limits(maxErrors: 4))
        #expect(result.diagnostics.count == 4)
        #expect(result.diagnostics.last?.notes.map(\.message) == ["6 more problems were found but not shown; the limit is 4 per run"])
    }
}
