/// The lint pass (SPEC §2 "Warnings"): the seed articles' advice checked over a journey that
/// checked without errors. A pass of its own, run after the checker, never inside it: it reads
/// the finished model and changes nothing.
public enum Lints {
    /// Every finding of every rule, rule by rule, each rule's in the order written.
    public static func findings(in journey: Journey) -> [LintFinding] {
        var findings: [LintFinding] = []
        SiteAndAdsLints.check(journey, into: &findings)
        ChannelLints.check(journey, into: &findings)
        FunnelLints.check(journey, into: &findings)
        TouchpointLints.check(journey, into: &findings)
        PhaseLints.check(journey, into: &findings)
        return findings
    }
}
