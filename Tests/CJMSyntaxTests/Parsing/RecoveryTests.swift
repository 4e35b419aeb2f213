import Testing
@testable import CJMSyntax

/// One structural mistake gives one error at its cause, and the statements after it land where
/// they were written. Lines start with Cyrillic so byte-counted columns would be wrong.
@Suite struct RecoveryTests {
    /// A pipeline and its stages, then two more elements of the journey.
    static let journey = """
    journey "Мебель" {
      pipeline диваны "Диваны" {
        этап новая "Новая" count: 10 {
          авто письмо "Письмо"
        }
        этап успех "Успех" won
      }
      сайт магазин "Магазин" {
        страница главная "Главная"
      }
      канал звонки "Звонки"
    }
    """

    /// `journey` with line `number` (from 1) left out.
    static func without(line number: Int) -> String {
        var lines = journey.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: number - 1)
        return lines.joined(separator: "\n")
    }

    /// The keywords of `statements`' elements, with their children in brackets.
    func shape(_ statements: [Statement]) -> String {
        elements(statements).map { element in
            element.body.map { "\(element.keyword.name)[\(shape($0.statements))]" } ?? element.keyword.name
        }.joined(separator: " ")
    }

    @Test func theWrittenFileReadsWithoutErrors() {
        let result = parse(Self.journey)
        #expect(result.diagnostics.isEmpty)
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func aPipelineWithoutItsBraceEndsWhereTheNextElementIsLinedUpWithIt() throws {
        let result = parse(Self.without(line: 7))
        #expect(locations(result.diagnostics) == ["E011@2:28"])
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(note.message == "perhaps a '}' is missing before this line: it is indented no deeper than line 2, so it stands outside that block")
        #expect(note.range?.start.line == 7 && note.range?.start.column == 3)
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func aStageWithoutItsBraceEndsAtTheNextStage() throws {
        let result = parse(Self.without(line: 5))
        #expect(locations(result.diagnostics) == ["E011@3:34"])
        #expect(result.diagnostics.first?.notes.first?.range?.start.line == 5)
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func theLastBlockOfAParentEndsAtTheParentsBrace() throws {
        // The stage `успех` gone too, the block of `новая` is the pipeline's last.
        var lines = Self.journey.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 5)
        lines.remove(at: 4)
        let result = parse(lines.joined(separator: "\n"))
        #expect(locations(result.diagnostics) == ["E011@3:34"])
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(note.message == "perhaps a '}' is missing before this one: it is indented less than line 3, so it closes an outer block")
        #expect(note.range?.start.line == 5 && note.range?.start.column == 3)
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто]] сайт[страница] канал]")
    }

    @Test func aBlockEndedByIndentationEndsBeforeTheLineThatEndedIt() throws {
        let text = Self.without(line: 7)
        let result = parse(text)
        let journey = try #require(elements(result.syntax.statements).first?.body)
        let body = try #require(elements(journey.statements).first?.body)
        // From its `{` up to the start of line 7, where `сайт` stands.
        #expect(result.start(body.range).line == 2)
        #expect(result.end(body.range).line == 7 && result.end(body.range).column == 1)
    }

    @Test func theJourneysOwnBraceMissingIsReportedAtTheEnd() {
        let lines = Self.journey.split(separator: "\n", omittingEmptySubsequences: false)
        let result = parse(lines.dropLast().joined(separator: "\n"))
        #expect(locations(result.diagnostics) == ["E011@1:18"])
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func aBalancedFileIsNeverReadByItsIndentation() {
        // Nothing is indented, and a stage sits further left than its pipeline: braces decide.
        let text = "journey \"Т\" {\npipeline p \"П\" {\n  stage a \"А\"\nstage b \"Б\"\n}\nchannel c \"К\"\n}"
        let result = parse(text)
        #expect(result.diagnostics.isEmpty)
        #expect(shape(result.syntax.statements) == "journey[pipeline[stage stage] channel]")
    }

    @Test func anUnindentedFileWithAMissingBraceIsReportedAtTheEnd() throws {
        // Without indentation there is nothing to go by: the last `}` closes the persona, and
        // the journey's brace is the one never closed.
        let text = "journey \"Т\" {\npersona p \"П\" {\ngoal \"g\"\nchannel c\n}"
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E011@1:13"])
        #expect(shape(result.syntax.statements) == "journey[persona[goal channel]]")
    }

    @Test func twoMissingBracesAreTwoErrors() {
        var lines = Self.journey.split(separator: "\n", omittingEmptySubsequences: false)
        lines.remove(at: 9)
        lines.remove(at: 6)
        let result = parse(lines.joined(separator: "\n"))
        #expect(locations(result.diagnostics) == ["E011@2:28", "E011@7:26"])
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func anUnclosedLabelLeavesTheBraceThatEndsItsLine() {
        let text = Self.journey.replacingOccurrences(of: "\"Новая\" count: 10 {", with: "\"Новая count: 10 {")
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E003@3:16"])
        #expect(result.diagnostics.first?.range.end.column == 32)
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
        let stage = elements(elements(elements(result.syntax.statements)[0].body!.statements)[0].body!.statements)[0]
        #expect(stage.label?.value == "Новая count: 10")
    }

    @Test func anUnclosedStringRunsToTheEndOfItsLineOnly() {
        let text = Self.journey.replacingOccurrences(of: "\"Звонки\"", with: "\"Звонки")
        let result = parse(text)
        #expect(locations(result.diagnostics) == ["E003@11:16"])
        #expect(shape(result.syntax.statements) == "journey[pipeline[этап[авто] этап] сайт[страница] канал]")
    }

    @Test func aLabelClosedByTheNextStringsQuoteEndsBeforeTheAttribute() throws {
        let result = parse("страница отзывы \"Отзывы   url: \"/reviews\" phase: п\n")
        #expect(locations(result.diagnostics) == ["E003@1:17"])
        #expect(result.diagnostics.first?.message == "this string has no closing '\"' before 'url:'; the '\"' after that opens the next string")
        let page = try #require(elements(result.syntax.statements).first)
        #expect(page.label?.value == "Отзывы")
        #expect(page.attributes.map(\.name.name) == ["url", "phase"])
        #expect(page.attributes.first?.value == .string(StringLiteral("/reviews", range: page.attributes[0].value.range)))
    }

    @Test func aStringEndingInANameIsLeftAloneWhenSpaceFollowsItsQuote() {
        // `"Цена: "` and `"Note: " x` are well-formed strings; only a quote glued to more text
        // is taken for the next string's opening one.
        #expect(parse("страница а \"Примечание note: \" url: \"/a\"").diagnostics.isEmpty)
        #expect(parse("страница а \"Цена: \"/a").diagnostics.map(\.code) == [.unexpectedCharacter])
    }
}
