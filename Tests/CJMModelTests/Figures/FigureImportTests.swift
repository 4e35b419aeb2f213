import CJMModel
import CJMSyntax
import Testing

/// A journey with one element of every kind that takes a count.
private let journeyText = """
    journey "T" {
      figures "counts.csv"
      channel calls "Звонки" kind: phone count: 10
      leads {
        stage new "Новый"
        stage qualify "Квал"
      }
      pipeline repair "Ремонт" revenue: 5 {
        stage new "Новая"
        stage invoice "Счёт"
        stage won "Успех" won
        stage lost "Провал" lost
      }
      pipeline parts "Запчасти" {
        stage new "Заявка"
        stage won "Доставлено" won
      }
      site { page home "Главная" }
      ads search "Поиск" { campaign "К" { group "Г" { ad fast "Быстро" landing: home { query "q" } } } }
      touchpoint first_call "Звонок" channel: calls
    }

    """

/// Checks the journey with `csv` as its `counts.csv`.
private func imported(_ csv: String) -> CheckResult {
    check(journeyText, files: ["counts.csv": csv])
}

@Suite("Figures from a CSV")
struct FigureImportTests {
    @Test func countsReplaceTheWrittenOnesAndSayWhich() throws {
        let result = imported("""
            id,count,revenue
            calls,1 200
            leads.new,900
            qualify,610
            repair.new,300
            repair.won,80,"28 000"
            parts.won,40,1250.5
            site.home,77
            fast,55
            first_call,12
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let journey = try #require(result.journey)
        #expect(journey.channels[0].count == 1200)
        #expect(journey.leads?.stages.map(\.count) == [900, 610])
        #expect(journey.pipelines[0].stages.map(\.count) == [300, nil, 80, nil])
        #expect(journey.pipelines[1].stages.map(\.count) == [nil, 40])
        #expect(journey.pipelines[0].revenue == Figure(28000))
        #expect(journey.pipelines[1].revenue == Figure(1250.5))
        #expect(journey.sites[0].pages[0].count == 77)
        #expect(journey.adNetworks[0].campaigns[0].groups[0].ads[0].count == 55)
        #expect(journey.touchpoints[0].count == 12)
        let figures = try #require(journey.figures)
        #expect(figures.path == "counts.csv")
        #expect(figures.replaced.map(\.description) == ["calls", "repair"])
        #expect(figures.supplied.count == 9)
    }

    @Test func semicolonsCRLFAndAByteOrderMarkAreRead() throws {
        let result = imported("\u{FEFF}id;count\r\ncalls;7\r\n\r\n\"repair.new\";3\r\n")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        #expect(result.journey?.channels[0].count == 7)
        #expect(result.journey?.pipelines[0].stages[0].count == 3)
    }

    @Test func aRowWithoutAHeaderIsData() {
        #expect(imported("calls,5\n").journey?.channels[0].count == 5)
    }

    @Test func anUnknownIdIsAnErrorAtItsCellWithDidYouMean() {
        let result = imported("id,count\nrepair.invoise,3\n")
        #expect(locations(result) == ["E040@counts.csv:2:1"])
        #expect(result.diagnostics[0].message.hasSuffix("did you mean `repair.invoice`?"))
        #expect(result.validJourney == nil)
    }

    @Test func anAmbiguousBareIdMustBeQualified() {
        let result = imported("new,3\n")
        #expect(locations(result) == ["E041@counts.csv:1:1"])
        #expect(result.diagnostics[0].message.contains("`leads.new`, `repair.new`, `parts.new`"))
    }

    @Test func anElementThatTakesNoCountIsNamed() {
        let result = imported("calls,1\nrepair,3\n")
        #expect(locations(result) == ["E031@counts.csv:2:1"])
        #expect(result.diagnostics[0].message.contains("is a `pipeline`, which takes no count"))
    }

    @Test func aDuplicateRowPointsAtTheFirst() {
        let result = imported("calls,1\nqualify,2\ncalls,3\n")
        #expect(locations(result) == ["E072@counts.csv:3:1"])
        #expect(result.diagnostics[0].notes.first?.range?.start.line == 1)
    }

    @Test func badNumbersAreErrorsAtTheirCell() {
        #expect(locations(imported("calls,12a\n")) == ["E005@counts.csv:1:7"])
        #expect(locations(imported("calls,-4\n")) == ["E005@counts.csv:1:7"])
        #expect(locations(imported("calls,2000000000\n")) == ["E032@counts.csv:1:7"])
        #expect(locations(imported("repair.won,1,12,5.3\n")) == ["E071@counts.csv:1:17"])
        #expect(locations(imported("repair.won,1,много\n")) == ["E005@counts.csv:1:14"])
    }

    @Test func aRevenueStandsOnlyOnAWonStage() {
        #expect(locations(imported("repair.new,1,500\n")) == ["E031@counts.csv:1:14"])
    }

    @Test func rowsOfTheWrongShapeAreErrors() {
        #expect(locations(imported("calls\n")) == ["E071@counts.csv:1:6"])
        #expect(locations(imported("calls,\n")) == ["E071@counts.csv:1:7"])
        #expect(locations(imported(",4\n")) == ["E071@counts.csv:1:1"])
    }

    @Test func malformedQuotesAreErrorsAtTheQuote() {
        #expect(locations(imported("calls,1\n\"qualify,2\n")) == ["E071@counts.csv:2:1"])
        #expect(locations(imported("\"calls\"x,1\n")) == ["E071@counts.csv:1:8"])
    }

    @Test func aMissingFileIsAnErrorAtTheFiguresLine() {
        let result = check(journeyText)
        #expect(locations(result) == ["E070@2:11"])
        #expect(result.diagnostics[0].message.contains("cannot find figures file `counts.csv`"))
    }

    @Test func aFiguresFileMustStayInTheJourneysFolder() {
        let result = check(journeyText.replacingOccurrences(of: "\"counts.csv\"", with: "\"../counts.csv\""))
        #expect(locations(result) == ["E052@2:11"])
    }

    @Test func aFileGivenOnTheCommandLineReplacesTheNamedOne() {
        let given = FiguresInput(path: "crm.csv", bytes: Array("calls,99\n".utf8))
        let result = Checker.check(SourceFile(path: "main.cjm", text: journeyText), loader: .inMemory(["main.cjm": journeyText]), figures: given)
        #expect(result.diagnostics.isEmpty)
        #expect(result.journey?.channels[0].count == 99)
        #expect(result.journey?.figures?.path == "crm.csv")
        #expect(locations(Checker.check(SourceFile(path: "main.cjm", text: journeyText), loader: .inMemory(["main.cjm": journeyText]),
                                        figures: FiguresInput(path: "crm.csv", bytes: Array("calls,x\n".utf8)))) == ["E005@crm.csv:1:7"])
    }
}
