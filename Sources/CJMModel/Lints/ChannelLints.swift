/// W002: a channel the CRM does not take in by itself (seed 001 connects every channel to
/// the CRM and postpones the ones it cannot ingest).
enum ChannelLints {
    static func check(_ journey: Journey, into findings: inout [LintFinding]) {
        for channel in journey.channels where channel.crm != .auto {
            findings.append(LintFinding(.channelOutsideCRM(channel.crm), subject: channel.path, source: channel.source))
        }
    }
}
