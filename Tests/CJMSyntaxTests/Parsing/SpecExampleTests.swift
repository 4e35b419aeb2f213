import Testing
@testable import CJMSyntax

@Suite struct SpecExampleTests {
    @Test func parsesWithoutDiagnostics() {
        let result = parse(specExample)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.syntax.statements.count == 1)
    }
}

extension SpecExampleTests {
    @Test func statementShapes() throws {
        let result = parse(specExample)
        let journey = try #require(elements(result.syntax.statements).first)
        #expect(journey.keyword.name == "journey")
        #expect(journey.id == nil)
        #expect(journey.label?.value == "Сервисный центр «ТехноПлюс»")
        let body = try #require(journey.body).statements
        let children = elements(body)
        #expect(children.map(\.keyword.name) == [
            "crm", "phase", "phase", "phase", "phase", "phase", "persona",
            "channel", "channel", "channel", "channel", "channel", "leads",
            "pipeline", "pipeline", "site", "ads", "touchpoint",
        ])
        let kufar = children[11]
        #expect(kufar.id?.name == "kufar")
        #expect(kufar.label?.value == "kufar.by")
        #expect(kufar.attributes.map(\.name.name) == ["kind", "crm"])

        let leads = children[12]
        let leadsBody = try #require(leads.body).statements
        let convert = try #require(edges(leadsBody).first)
        #expect(convert.from.text == "convert")
        #expect(convert.targets.map(\.text) == ["repair", "parts"])
        let junk = elements(leadsBody)[2]
        #expect(junk.id?.name == "junk")
        #expect(junk.flags.map(\.name) == ["lost"])

        let repair = children[13]
        #expect(repair.attributes.first?.value == .number(value: 350, isPercent: false, range: repair.attributes[0].value.range))
        let invoice = elements(try #require(repair.body).statements)[2]
        let invoiceBody = try #require(invoice.body).statements
        let auto = try #require(elements(invoiceBody).first)
        guard case .duration(let days, let unit, _) = auto.attributes[1].value else {
            Issue.record("after: should be a duration")
            return
        }
        #expect(days == 5 && unit == .days)

        let touchpoint = children[17]
        guard case .number(let emotion, false, _) = touchpoint.attributes.last?.value else {
            Issue.record("emotion: should be a number")
            return
        }
        #expect(emotion == -1)

        let journeyEdges = edges(body)
        #expect(journeyEdges.count == 2)
        #expect(journeyEdges[1].from.components == ["repair", "done"])
        #expect(journeyEdges[1].targets.map(\.text) == ["manual"])
        #expect(journeyEdges[1].label?.value == "инструкция после ремонта")
        // `  repair.done -> manual "..."` sits on the line before the closing brace, 3rd column.
        let lineCount = specExample.split(separator: "\n", omittingEmptySubsequences: false).count - (specExample.hasSuffix("\n") ? 1 : 0)
        #expect(result.start(journeyEdges[1].range).line == lineCount - 1)
        #expect(result.start(journeyEdges[1].range).column == 3)
    }
}
