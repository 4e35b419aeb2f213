import CJMSyntax

/// The words of each finding: a message saying what is wrong, and notes saying what to do
/// about it, in the terms of the people who draw the map.
enum LintMessages {
    /// The message, then the notes (with a place when they point somewhere else).
    static func text(_ finding: LintFinding) -> (message: String, notes: [(String, SourceRange?)]) {
        let id = "`\(finding.subject)`"
        switch finding.fact {
        case .unpromotedPage:
            return ("page \(id) is not promoted: no ad lands on it and nothing links to it",
                    [("point an ad at it (`landing: \(finding.subject.id)`) or link to it from an email, an SMS or another page (`… -> \(finding.subject)`)", nil)])
        case .channelOutsideCRM(let integration):
            let message = integration == .none
                ? "requests from channel \(id) never reach the CRM (`crm: none`)"
                : "requests from channel \(id) reach the CRM only by hand (`crm: manual`)"
            return (message, [("connect the channel to the CRM so each request becomes a lead by itself, or postpone the channel until it can be", nil)])
        case .tooManyLeadStages(let working, let sixth):
            return ("the lead funnel has \(working) working stages; keep it to five at most",
                    [("the sixth stage is here", sixth),
                     ("leads only need to be qualified and handed to a pipeline; do the detailed work in the deal stages", nil)])
        case .pipelineWithoutAutomation:
            return ("pipeline \(id) has no automation on any stage",
                    [("add an `auto` to a stage, e.g. `auto \"Напоминание об оплате\" kind: email after: 5d`", nil)])
        case .pipelineWithoutEnd(let hasWon, let hasLost):
            let missing = !hasWon && !hasLost ? "neither a `won` nor a `lost` stage" : !hasWon ? "no `won` stage" : "no `lost` stage"
            return ("pipeline \(id) has \(missing)",
                    [("add the missing end (`stage won \"Успешно\" won`, `stage lost \"Провал\" lost`) so the pipeline's win rate can be read", nil)])
        case .deadEndStage:
            return ("nothing leaves stage \(id): customers who reach it are stuck",
                    [("add the stage that follows, a `won` or `lost` end after it, or a flow out of it (`\(finding.subject) -> …`)", nil)])
        case .touchpointWithoutFeedback:
            return ("touchpoint \(id) collects no feedback",
                    [("add a `feedback` line saying how the customer's opinion is collected here (a survey, NPS, CSAT)", nil)])
        case .negativeEmotionWithoutIdea(let emotion):
            return ("touchpoint \(id) feels bad to the customer (`emotion: \(emotion)`) but has no idea to improve it",
                    [("add an `idea` line: what would turn this pain zone into a growth zone", nil)])
        case .emptyPhase(let label):
            return ("phase \(id) («\(label)») has no touchpoint and no channel",
                    [("add a touchpoint or a channel with `phase: \(finding.subject.id)`, or remove the phase", nil)])
        case .lowConversion(let from, let fromCount, let toCount, let threshold):
            let share = NumberText.percent(toCount, of: fromCount) ?? "0%"
            return ("only \(share) of `\(from)` (\(NumberText.integer(fromCount))) reach \(id) (\(NumberText.integer(toCount))); the journey's threshold is \(NumberText.decimal(threshold, fractionDigits: 1))%",
                    [("find out why customers drop off at this step; the threshold is `lint min_conversion:` in the journey", nil)])
        case .adWithoutQueries:
            return ("ad \(id) has no queries",
                    [("add the search queries or audiences that show the ad (`query \"…\"`)", nil)])
        case .advocacyWithoutReferral(let awareness):
            let target = awareness.map { "the `\($0)` phase" } ?? "awareness"
            return ("nothing flows from phase \(id) back into \(target): recommendations bring no one new",
                    [("draw the referral loop: a flow from an advocacy touchpoint into a channel of awareness, e.g. `recommends -> referral`", nil)])
        }
    }
}
