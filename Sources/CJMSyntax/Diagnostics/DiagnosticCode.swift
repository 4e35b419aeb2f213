/// Stable codes printed in brackets after the severity (`error[E040]`), so CI scripts and
/// editors can match a problem without parsing its English message. Never renumber a case.
public enum DiagnosticCode: String, Sendable, Codable, CaseIterable {
    // Reading and lexing
    /// The file is not valid UTF-8; the location is the first bad byte.
    case invalidUTF8 = "E001"
    /// A character that starts no token.
    case unexpectedCharacter = "E002"
    /// A string with no closing quote on its line.
    case unterminatedString = "E003"
    /// A backslash escape other than `\" \\ \n \t \u{…}`.
    case invalidEscape = "E004"
    /// A malformed number, percentage or duration.
    case invalidNumber = "E005"
    /// The file exceeds the size cap.
    case fileTooLarge = "E006"

    // Parsing
    /// A token where the grammar expects something else.
    case unexpectedToken = "E010"
    /// A `{` with no matching `}`.
    case unclosedBlock = "E011"
    /// A `}` with no matching `{`.
    case unmatchedCloseBrace = "E012"
    /// Blocks nested deeper than the cap.
    case nestingTooDeep = "E013"
    /// A label longer than the cap.
    case labelTooLong = "E014"
    /// More elements than the cap.
    case tooManyElements = "E015"

    // Structure
    /// A keyword the language does not have.
    case unknownKeyword = "E020"
    /// A known element where it may not stand (e.g. `stage` at the journey level).
    case misplacedElement = "E021"
    /// No `journey` element in the file.
    case missingJourney = "E022"
    /// A second `journey`, or a second `leads` block.
    case duplicateElement = "E023"
    /// An element that needs an id has none.
    case missingID = "E024"
    /// An element that needs a label has none.
    case missingLabel = "E025"
    /// An id or label on an element that takes none, or a block on one that takes no children.
    case unexpectedPart = "E026"

    // Attributes and values
    /// An attribute or flag the element does not take.
    case unknownAttribute = "E030"
    /// A value of the wrong type or not among the allowed words.
    case invalidValue = "E031"
    /// A number outside its allowed range (emotion, duration, count < 0, caps).
    case valueOutOfRange = "E032"
    /// The same attribute given twice on one element.
    case duplicateAttribute = "E033"
    /// A URL with a scheme other than http, https, mailto, tel, or a relative path.
    case unsafeURL = "E034"
    /// A sum whose currency mark disagrees with the journey's `currency:` or an earlier mark.
    case currencyMismatch = "E035"

    // Names
    /// A reference that names nothing.
    case unknownReference = "E040"
    /// A bare reference that names several elements.
    case ambiguousReference = "E041"
    /// A reference to an element of the wrong kind (e.g. `landing:` naming a stage).
    case wrongReferenceKind = "E042"
    /// Two elements with the same id in one scope.
    case duplicateID = "E043"

    // Includes
    /// An included file that does not exist or cannot be read.
    case includeNotFound = "E050"
    /// A file that includes itself, directly or through others.
    case includeCycle = "E051"
    /// An include that leaves the including file's folder tree.
    case includeOutsideTree = "E052"
    /// A file included a second time into the same journey (each file is spliced in once).
    case includeRepeated = "E053"

    // Warnings about the printed map (W1NN): found by `cjm render` once the map is laid out
    /// On the chosen `--paper`/`--tile`, the map's smallest text prints under 8 pt.
    case illegiblePrint = "W101"
    /// `--persona` on a map none of whose touchpoints is for that persona.
    case personaNarrowsNothing = "W102"

    // Maps embedded in Markdown (`cjm md`)
    /// A ```` ```cjm ```` block with no closing fence: it would run to the end of the document.
    case unclosedMapFence = "E060"
    /// A `key=value` on an embedded map that is unknown, malformed, or names nothing in the journey.
    case invalidMapOption = "E061"
    /// A `<!-- cjm: FILE -->` marker whose journey cannot be read.
    case embeddedMapNotFound = "E062"

    // Figures from a CSV file (`figures "counts.csv"`, `--figures FILE`)
    /// A figures file that does not exist or cannot be read.
    case figuresNotFound = "E070"
    /// A CSV row that cannot be read: an unclosed quote, a missing id or count, extra cells.
    case malformedCSV = "E071"
    /// The same element given twice in a figures file.
    case duplicateFigure = "E072"

    // Warnings (lints, SPEC §2 "Warnings"): advice from the seed articles; they fail a run only
    // under `--strict`. Each has a name and a rationale in `WarningRule.all`.
    /// A page no ad lands on and nothing links to.
    case unpromotedPage = "W001"
    /// A channel whose requests reach the CRM by hand or not at all.
    case channelOutsideCRM = "W002"
    /// More than five working lead stages.
    case tooManyLeadStages = "W003"
    /// A pipeline none of whose stages has an automation.
    case pipelineWithoutAutomation = "W004"
    /// A pipeline with no `won` or no `lost` stage.
    case pipelineWithoutEnd = "W005"
    /// A working stage no flow leaves.
    case deadEndStage = "W006"
    /// A touchpoint without a `feedback` line.
    case touchpointWithoutFeedback = "W007"
    /// A touchpoint with a negative emotion and no `idea`.
    case negativeEmotionWithoutIdea = "W008"
    /// A phase no touchpoint or channel is in.
    case emptyPhase = "W009"
    /// Conversion between two consecutive stages under the journey's threshold.
    case lowConversion = "W010"
    /// An ad without queries.
    case adWithoutQueries = "W011"
    /// An advocacy phase with no flow back into awareness.
    case advocacyWithoutReferral = "W012"
    /// A `lint ignore:` entry or `# cjm-ignore` comment that silences nothing.
    case unusedIgnore = "W013"
}

extension DiagnosticCode {
    /// Whether the code is a warning's (`W…`) rather than an error's (`E…`).
    public var isWarning: Bool { rawValue.hasPrefix("W") }
}
