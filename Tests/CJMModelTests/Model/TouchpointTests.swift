import Testing
import CJMSyntax
@testable import CJMModel

/// A touchpoint keeps its block's lines in one array; the five lists read and write through it.
@Suite struct TouchpointTests {
    private let here = SourceRange(file: FileID(0), startOffset: 0, endOffset: 1)

    @Test func linesWrittenInAnyOrderReadBackByKindInTheOrderWritten() {
        let written = Touchpoint(path: ElementPath("t"), label: "Звонок", notes: [
            .init(kind: .owner, text: "Отдел продаж"), .init(kind: .action, text: "Звонит"),
            .init(kind: .pain, text: "Долго ждёт"), .init(kind: .action, text: "Ждёт ответа"),
        ], source: here)
        #expect(written.actions == ["Звонит", "Ждёт ответа"])
        #expect(written.pains == ["Долго ждёт"])
        #expect(written.ideas.isEmpty && written.feedback.isEmpty)
        #expect(written.owners == ["Отдел продаж"])
        #expect(written.notes.map(\.kind) == [.action, .action, .pain, .owner])
        // The same lines through the five lists compare equal.
        let listed = Touchpoint(path: ElementPath("t"), label: "Звонок", actions: ["Звонит", "Ждёт ответа"], pains: ["Долго ждёт"],
                                owners: ["Отдел продаж"], source: here)
        #expect(written == listed)
    }

    @Test func settingOneListLeavesTheOthers() {
        var touchpoint = Touchpoint(path: ElementPath("t"), label: "Заявка", actions: ["Оставляет заявку"], ideas: ["Автоответ"], source: here)
        touchpoint.pains.append("Не знает сроков")
        touchpoint.actions = []
        #expect(touchpoint.actions.isEmpty)
        #expect(touchpoint.pains == ["Не знает сроков"])
        #expect(touchpoint.ideas == ["Автоответ"])
        #expect(touchpoint.notes.map(\.kind) == [.pain, .idea])
    }

    @Test func theRuleOrdersItsLinesAsNoteKindDoes() {
        let rule = ElementRules.byKeyword["touchpoint"]!
        #expect(rule.children == Touchpoint.NoteKind.allCases.map { "\($0)" })
    }
}
