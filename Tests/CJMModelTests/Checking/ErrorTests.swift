import CJMSyntax
import Testing
import CJMModel

/// One wrong input, the exact diagnostics it must give (`code@line:column`, in order), and a
/// fragment the first message must contain.
struct ErrorCase: CustomTestStringConvertible, Sendable {
    var name: String
    var source: String
    var expected: [String]
    var message: String = ""
    var testDescription: String { name }

    /// `body` inside `journey "T" {` … `}`: body line n is file line n + 1.
    init(_ name: String, body: String, _ expected: [String], message: String = "") {
        self.init(name, file: "journey \"T\" {\n" + body + "\n}\n", expected, message: message)
    }

    init(_ name: String, file: String, _ expected: [String], message: String = "") {
        self.name = name
        self.source = file
        self.expected = expected
        self.message = message
    }
}

@Suite struct ErrorTests {
    static let cases: [ErrorCase] = [
        // Structure
        ErrorCase("no journey", file: "# пусто\n", ["E022@1:1"], message: "no `journey"),
        ErrorCase("second journey", file: "journey \"А\" {\n}\njourney \"Б\" {\n}\n", ["E023@3:1"], message: "at most one `journey`"),
        ErrorCase("element outside the journey", file: "channel tg\njourney \"А\" {\n}\n", ["E021@1:1"], message: "belongs in `journey`"),
        ErrorCase("second leads", body: "  leads { stage a }\n  leads \"Ещё\" { stage b }", ["E023@3:3"]),
        ErrorCase("second crm", body: "  crm \"Битрикс24\"\n  crm amo \"amoCRM\"", ["E023@3:3"]),
        ErrorCase("stage at journey level", body: "  stage new", ["E021@2:3"], message: "belongs in `leads` or `pipeline`"),
        ErrorCase("misplaced after Cyrillic", body: "  persona p \"Пётр Иванович\" { stage s }", ["E021@2:31"]),
        ErrorCase("unknown keyword", body: "  chanel tg", ["E020@2:3"], message: "did you mean `channel`?"),
        ErrorCase("unknown keyword in a block", body: "  pipeline p \"П\" {\n    stag new\n  }", ["E020@3:5"], message: "did you mean `stage`?"),
        ErrorCase("include inside a block", body: "  site {\n    include \"a.cjm\"\n  }", ["E021@3:5"]),
        ErrorCase("missing id", body: "  phase \"Фаза\"", ["E024@2:3"]),
        ErrorCase("missing label", body: "  persona p", ["E025@2:11"]),
        ErrorCase("id where none is taken", body: "  persona p \"Пётр\" {\n    goal g \"Цель\"\n  }", ["E026@3:10"]),
        ErrorCase("label where none is taken", body: "  pipeline a \"А\" {\n    cross_sell b \"Б\"\n  }\n  pipeline b \"Б\"", ["E026@3:18"]),
        ErrorCase("block where none is taken", body: "  channel tg \"Телеграм\" { }", ["E026@2:25"]),
        ErrorCase("edge inside a pipeline", body: "  pipeline p \"П\" {\n    stage a\n    stage b\n    a -> b\n  }", ["E021@5:5"]),
        ErrorCase("convert outside leads", body: "  pipeline p \"П\"\n  convert -> p", ["E021@3:3"], message: "inside the `leads` block"),
        ErrorCase("other edge inside leads", body: "  leads {\n    stage a\n    stage b\n    a -> b\n  }", ["E021@5:5"]),
        ErrorCase("property line outside style", body: "  leads {\n    count: 5\n  }", ["E021@3:5"]),

        // Attributes and flags
        ErrorCase("unknown attribute", body: "  channel tg kind: messenger cout: 5", ["E030@2:30"], message: "did you mean `count`?"),
        ErrorCase("attribute on an element with none", body: "  crm \"Б\" kind: x", ["E030@2:11"], message: "takes no attributes"),
        ErrorCase("unknown flag", body: "  leads {\n    stage won \"Успех\" wn\n  }", ["E030@3:23"], message: "did you mean `won`?"),
        ErrorCase("duplicate attribute", body: "  channel c count: 1 count: 2", ["E033@2:22"]),
        ErrorCase("duplicate flag", body: "  leads {\n    stage a lost lost\n  }", ["E033@3:18"]),
        ErrorCase("won and lost", body: "  leads {\n    stage a won lost\n  }", ["E031@3:17"], message: "either `won` or `lost`"),
        ErrorCase("unknown edge attribute", body: "  channel a\n  channel b\n  a -> b colour: red", ["E030@4:10"]),
        ErrorCase("unknown style line", body: "  style stage {\n    fil: red\n  }", ["E030@3:5"], message: "did you mean `fill`?"),
        ErrorCase("element inside style", body: "  style stage {\n    stage x\n  }", ["E021@3:5"]),

        // Values
        ErrorCase("unknown channel kind after Cyrillic", body: "  channel tg \"Телеграм\" kind: mesenger", ["E031@2:31"], message: "did you mean `messenger`?"),
        ErrorCase("unknown crm integration", body: "  channel tg crm: manul", ["E031@2:19"], message: "did you mean `manual`?"),
        ErrorCase("unknown automation kind", body: "  leads {\n    stage a {\n      auto \"Письмо\" kind: emial\n    }\n  }", ["E031@4:27"], message: "did you mean `email`?"),
        ErrorCase("unknown ads kind", body: "  ads s kind: serch", ["E031@2:15"], message: "did you mean `search`?"),
        ErrorCase("unknown edge style", body: "  channel a\n  channel b\n  a -> b style: dashd", ["E031@4:17"], message: "did you mean `dashed`?"),
        ErrorCase("unknown theme", file: "journey \"T\" theme: prnt {\n}\n", ["E031@1:20"], message: "did you mean `print`?"),
        ErrorCase("unknown style kind", body: "  style stag { fill: red }", ["E031@2:9"], message: "did you mean `stage`?"),
        ErrorCase("bad colour", body: "  style stage { fill: \"#ggg\" }", ["E031@2:23"]),
        ErrorCase("unknown colour name", body: "  style stage { stroke: yelow }", ["E031@2:25"], message: "did you mean `yellow`?"),
        ErrorCase("unknown shape", body: "  style page { shape: hexagn }", ["E031@2:23"], message: "did you mean `hexagon`?"),
        ErrorCase("string where a number goes", body: "  channel c count: \"много\"", ["E031@2:20"]),
        ErrorCase("percent count", body: "  channel c count: 40%", ["E031@2:20"]),
        ErrorCase("number where a duration goes", body: "  leads {\n    stage a {\n      auto \"А\" after: 5\n    }\n  }", ["E031@4:23"]),
        ErrorCase("list for a single reference", body: "  channel a\n  channel b\n  touchpoint t \"Т\" channel: a, b", ["E031@4:29"]),
        ErrorCase("emotion out of range", body: "  touchpoint t \"Т\" emotion: 3", ["E032@2:29"], message: "from -2 to 2"),
        ErrorCase("negative count", body: "  channel c count: -1", ["E032@2:20"]),
        ErrorCase("fractional count", body: "  channel c count: 2.5", ["E032@2:20"], message: "whole number"),
        // Quoted as written, not read back as `9.223372036854776e+18`.
        ErrorCase("huge count", body: "  channel c count: 9223372036854775808", ["E032@2:20"], message: "not 9223372036854775808"),
        ErrorCase("count over the cap", body: "  channel c count: 5000000000", ["E032@2:20"], message: "1000000000"),
        ErrorCase("zero duration", body: "  leads {\n    stage a {\n      auto \"А\" after: 0d\n    }\n  }", ["E032@4:23"], message: "longer than zero"),
        ErrorCase("duration over the cap", body: "  leads {\n    stage a {\n      auto \"А\" after: 600w\n    }\n  }", ["E032@4:23"], message: "3650d"),
        ErrorCase("money over the cap", body: "  pipeline p \"П\" revenue: 99999999999999999", ["E032@2:27"]),
        ErrorCase("negative revenue", body: "  pipeline p \"П\" revenue: -5", ["E032@2:27"]),
        ErrorCase("javascript url", body: "  channel c url: \"javascript:alert(1)\"", ["E034@2:18"], message: "`javascript:`"),
        ErrorCase("data url", body: "  site {\n    page p url: \"data:text/html,<b>x</b>\"\n  }", ["E034@3:17"]),
        ErrorCase("file url", body: "  channel c url: \"file:///etc/passwd\"", ["E034@2:18"]),
        ErrorCase("scheme-relative url", body: "  channel c url: \"//evil.example/\"", ["E034@2:18"], message: "`//`"),
        ErrorCase("backslash scheme-relative url", body: "  channel c url: \"\\\\\\\\evil.example\"", ["E034@2:18"]),
        ErrorCase("url scheme hidden by a tab", body: "  channel c url: \"java\\tscript:alert(1)\"", ["E034@2:18"]),

        // Names
        ErrorCase("unknown reference", body: "  channel calls\n  touchpoint t \"Т\" channel: cals", ["E040@3:29"], message: "did you mean `calls`?"),
        ErrorCase("undefined phase lists the phases", body: "  touchpoint t \"Т\" phase: buy", ["E040@2:27"],
                  message: "`phase:` names `buy`, which is not defined (phases: `awareness`, `consideration`, `purchase`, `retention`, `advocacy`)"),
        ErrorCase("undefined persona lists them, then guesses", body: "  persona owner \"В\"\n  persona buyer \"П\"\n  touchpoint t \"Т\" persona: ownr", ["E040@4:29"],
                  message: "which is not defined (personas: `owner`, `buyer`); did you mean `owner`?"),
        ErrorCase("undefined persona when there are none", body: "  touchpoint t \"Т\" persona: owner", ["E040@2:29"], message: "(personas: none)"),
        ErrorCase("undefined page lists the pages", body: "  site { page home; page pay }\n  ads x { campaign \"К\" { group \"Г\" { ad \"А\" landing: cart } } }", ["E040@3:54"],
                  message: "(pages: `home`, `pay`)"),
        ErrorCase("unknown channel kind lists the kinds", body: "  channel tg kind: telegram", ["E031@2:20"],
                  message: "`telegram` is not a valid `kind:` (allowed: `messenger`, `form`, `social`, `email`, `phone`, `chat`, `sms`, `classified`, `offline`, `referral`)"),
        ErrorCase("unknown qualified part lists the block's ids", body: "  pipeline repair \"Р\" { stage new; stage invoice }\n  channel c\n  c -> repair.paid", ["E040@4:8"],
                  message: "`repair` has no `paid` (it has: `invoice`, `new`)"),
        ErrorCase("unknown colour lists the names", body: "  style stage { fill: blu }", ["E031@2:23"], message: "or a colour name (names: `beige`, `black`, `blue`,"),
        ErrorCase("unknown reference after Cyrillic", body: "  channel calls\n  touchpoint t \"Первый звонок\" channel: cals", ["E040@3:41"]),
        ErrorCase("unknown qualified part", body: "  pipeline repair \"Р\" { stage invoice }\n  channel c\n  c -> repair.invoce", ["E040@4:8"], message: "did you mean `invoice`?"),
        ErrorCase("unknown cross-sell target", body: "  pipeline a \"А\" {\n    cross_sell prts\n  }\n  pipeline parts \"Б\"", ["E040@3:16"], message: "did you mean `parts`?"),
        ErrorCase("unknown id in show", body: "  view v show: ads, nothing", ["E040@2:21"]),
        ErrorCase("ambiguous reference", body: "  pipeline a \"А\" { stage new }\n  pipeline b \"Б\" { stage new }\n  channel c\n  c -> new", ["E041@5:8"], message: "qualify it"),
        ErrorCase("landing on a stage", body: "  pipeline p \"П\" { stage s }\n  ads x { campaign \"К\" { group \"Г\" { ad \"А\" landing: s } } }",
                  ["E042@3:54"], message: "must name a page, but `p.s` is a stage"),
        ErrorCase("phase naming a channel", body: "  phase buy\n  channel tg\n  touchpoint t \"Т\" phase: tg", ["E042@4:27"], message: "must name a phase"),
        ErrorCase("convert into a stage", body: "  leads {\n    stage a\n    convert -> a\n  }", ["E042@4:16"], message: "must name a pipeline"),
        ErrorCase("edge to a view", body: "  channel c\n  view v\n  c -> v", ["E042@4:8"]),
        ErrorCase("duplicate id", body: "  channel c \"Первый\"\n  phase c", ["E043@3:9"], message: "already defined"),
        ErrorCase("duplicate id in a block", body: "  site {\n    page a\n    page a\n  }", ["E043@4:10"], message: "`site`"),
        ErrorCase("pipeline cross-sells itself", body: "  pipeline p \"П\" {\n    cross_sell p\n  }", ["E031@3:16"]),
        ErrorCase("stage from itself", body: "  leads {\n    stage a lost from: a\n  }", ["E031@3:24"]),
    ]

    @Test(arguments: cases)
    func reportsAtTheExactPlace(_ errorCase: ErrorCase) {
        let result = check(errorCase.source)
        #expect(locations(result) == errorCase.expected, "\(result.diagnostics.map(\.message))")
        if !errorCase.message.isEmpty {
            #expect(result.diagnostics.first?.message.contains(errorCase.message) == true,
                    "\(result.diagnostics.first?.message ?? "no diagnostic")")
        }
        #expect(result.validJourney == nil)
        #expect(result.diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func duplicateIdPointsAtTheFirstDefinition() throws {
        let result = checkBody("  channel c \"Первый\"\n  phase c")
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(note.message == "first defined here")
        #expect(note.range?.start.line == 2)
        #expect(note.range?.start.column == 11)
    }

    @Test func duplicateAttributesPointAtTheFirstOneGiven() throws {
        // Unknown names between them change nothing; each later copy points at the first.
        let result = checkBody("  channel c x: 1 count: 1 y: 2 count: 2 crm: auto count: 3")
        #expect(result.diagnostics.map(\.code) == [.unknownAttribute, .unknownAttribute, .duplicateAttribute, .duplicateAttribute])
        let duplicates = result.diagnostics.filter { $0.code == .duplicateAttribute }
        #expect(duplicates.map { $0.range.start.column } == [32, 51])
        #expect(duplicates.map { $0.notes.first?.range?.start.column } == [18, 18])
    }

    @Test func anAttributePastTheSixtyFourthIsStillChecked() {
        // Accepted attributes are kept as a 64-bit mask and a list beyond it: a value error in the
        // 71st attribute of a line must still be found.
        let unknown = (1...70).map { "x\($0): 1" }.joined(separator: " ")
        var limits = Limits.standard
        limits.maxErrors = 200
        let result = check("journey \"T\" {\n  channel c " + unknown + " count: \"много\"\n}\n", limits: limits)
        #expect(result.diagnostics.filter { $0.code == .unknownAttribute }.count == 70)
        #expect(result.diagnostics.last?.code == .invalidValue)
    }

    @Test func aLineOfManyDuplicateAttributesIsCheckedInLinearTime() {
        // 60,000 copies on one line: quadratic work here would take minutes.
        let result = checkBody("  channel c " + String(repeating: "count: 1 ", count: 60_000))
        #expect(result.diagnostics.first?.code == .duplicateAttribute)
        #expect(result.diagnostics.count == Limits.standard.maxErrors)
    }

    @Test func ambiguityListsTheQualifiedCandidates() throws {
        let result = checkBody("  pipeline a \"А\" { stage new }\n  pipeline b \"Б\" { stage new }\n  leads { stage new }\n  channel c\n  c -> new")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .ambiguousReference)
        #expect(diagnostic.notes.map(\.message) == ["could be `a.new`", "could be `b.new`", "could be `leads.new`"])
        #expect(diagnostic.notes.map { $0.range?.start.line } == [2, 3, 4])
    }

    @Test func wrongKindPointsAtWhatWasFound() throws {
        let result = checkBody("  phase buy\n  channel tg\n  touchpoint t \"Т\" phase: tg")
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(note.message == "`tg` is defined here")
        #expect(note.range?.start.line == 3)
    }

    @Test func manyErrorsInOneRun() {
        let result = checkBody("""
          chanel a
          channel b count: -1
          touchpoint t "Т" channel: x emotion: 9
          stage s
        """)
        // Found by different passes, printed top to bottom.
        #expect(locations(result) == ["E020@2:3", "E032@3:20", "E040@4:29", "E032@4:40", "E021@5:3"])
        #expect(result.validJourney == nil)
    }

    @Test func errorsBeyondTheCapAreCountedInANote() {
        let body = (1...30).map { "  channel c\($0) count: -1" }.joined(separator: "\n")
        let result = check("journey \"T\" {\n" + body + "\n}\n", limits: Limits(maxErrors: 10))
        #expect(result.diagnostics.count == 10)
        #expect(result.diagnostics.last?.notes.last?.message.contains("20 more problems") == true)
    }
}
