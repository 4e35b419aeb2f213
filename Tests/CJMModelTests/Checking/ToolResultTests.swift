import Testing
import CJMSyntax
@testable import CJMModel

/// What editors and long-running tools read off a check: the partial journey when there are
/// errors, where ids are declared, and what each reference names.
@Suite struct ToolResultTests {
    @Test func aJourneyWithErrorsStillComesBackAsFarAsItWasBuilt() {
        let result = checkBody("""
          channel calls "Звонки"
          touchpoint t "Звонок" channel: cals
        """)
        #expect(result.hasErrors)
        #expect(result.validJourney == nil)
        #expect(result.journey?.channels.map(\.path.id) == ["calls"])
        #expect(result.journey?.touchpoints.map(\.path.id) == ["t"])
    }

    @Test func everyResolvedReferencePointsAtItsDeclaration() throws {
        let text = "journey \"T\" {\n  site { page home \"Главная\" }\n  channel mail\n  mail -> home\n}\n"
        let result = check(text)
        #expect(!result.hasErrors)
        let offset = Array("journey \"T\" {\n  site { page home \"Главная\" }\n  channel mail\n  mail -> ho".utf8).count
        let reference = try #require(result.reference(at: offset, in: FileID(0)))
        #expect(reference.target == ElementPath(["site", "home"]))
        let declared = result.sources.span(reference.declaration)
        #expect(declared.start.line == 2 && declared.start.column == 15)
        #expect(result.references(to: ElementPath(["site", "home"])).count == 1)
        #expect(result.declarations.contains { $0.path == ElementPath("mail") && $0.keyword == "channel" })
    }

    @Test func referencesIntoAnIncludedFileNameThatFile() throws {
        let result = check("journey \"T\" {\n  include \"site.cjm\"\n  channel mail\n  mail -> home\n}\n",
                           files: ["site.cjm": "site { page home }\n"])
        let reference = try #require(result.references.first { $0.target == ElementPath(["site", "home"]) })
        #expect(result.sources[reference.declaration.file].path == "site.cjm")
        #expect(result.sources[reference.range.file].path == "main.cjm")
    }

    @Test func theSyntaxTreeKeepsCommentsAndBlankLines() {
        let result = check("# шапка\njourney \"T\" {\n\n  channel a # в конце строки\n}\n")
        #expect(result.syntax.trivia.comments.map(\.text) == ["# шапка", "# в конце строки"])
        #expect(result.syntax.trivia.blankLines.map { result.sources[FileID(0)].location(at: $0).line } == [3])
    }
}
