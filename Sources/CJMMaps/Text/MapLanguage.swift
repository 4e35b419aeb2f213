import CJMModel

/// The language of the words a map supplies itself, such as the titles of blocks the journey
/// leaves unnamed: the journey's own.
public enum MapLanguage: Sendable, Equatable {
    /// Каналы, Лиды, Сделки, ...
    case russian
    /// Channels, Leads, Deals, ...
    case english

    /// The language's BCP 47 tag, as HTML's `lang` takes it: `ru`, `en`.
    public var tag: String {
        switch self {
        case .russian: "ru"
        case .english: "en"
        }
    }

    /// Russian when more of the journey's texts are Cyrillic than Latin, else English.
    ///
    /// Each text written in the journey votes once: its title, every element's label, query
    /// and touchpoint lines and persona goals. A text with any Cyrillic letter votes Cyrillic;
    /// one with Latin letters and no Cyrillic votes Latin; one without letters does not vote.
    /// Texts vote rather than letters so a long brand name or URL in a Russian label does not
    /// outweigh it. Ids are code, not language: an element without a label (whose label is then
    /// its id) does not vote, and neither do the five default phases, which are the checker's.
    public static func of(_ journey: Journey) -> MapLanguage {
        var tally = Tally()
        tally.add(journey.title)
        if let crm = journey.crm { tally.add(crm.label, id: crm.path) }
        for phase in journey.phases where !phase.isDefault { tally.add(phase.label, id: phase.path) }
        for persona in journey.personas {
            tally.add(persona.label, id: persona.path)
            for text in persona.goals + persona.needs + persona.motivations { tally.add(text) }
        }
        for channel in journey.channels { tally.add(channel.label, id: channel.path) }
        if let leads = journey.leads {
            tally.add(leads.label, id: leads.path)
            tally.add(stages: leads.stages)
        }
        for pipeline in journey.pipelines {
            tally.add(pipeline.label, id: pipeline.path)
            tally.add(stages: pipeline.stages)
        }
        for site in journey.sites {
            tally.add(site.label, id: site.path)
            for page in site.pages { tally.add(page.label, id: page.path) }
        }
        for network in journey.adNetworks {
            tally.add(network.label, id: network.path)
            for campaign in network.campaigns {
                tally.add(campaign.label, id: campaign.path)
                for group in campaign.groups {
                    tally.add(group.label, id: group.path)
                    for ad in group.ads {
                        tally.add(ad.label, id: ad.path)
                        for query in ad.queries { tally.add(query.label) }
                    }
                }
            }
        }
        for touchpoint in journey.touchpoints {
            tally.add(touchpoint.label, id: touchpoint.path)
            for note in touchpoint.notes { tally.add(note.text) }
        }
        for view in journey.views where view.label != view.id { tally.add(view.label) }
        return tally.cyrillic > tally.latin ? .russian : .english
    }

    private struct Tally {
        var cyrillic = 0
        var latin = 0

        mutating func add(_ text: String) {
            var sawLatin = false
            for scalar in text.unicodeScalars {
                switch scalar.value {
                case 0x0400...0x04FF, 0x0500...0x052F:
                    cyrillic += 1
                    return
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F:
                    sawLatin = true
                default:
                    continue
                }
            }
            if sawLatin { latin += 1 }
        }

        /// A label, unless it is only the element's id standing in for a missing one.
        mutating func add(_ label: String, id path: ElementPath) {
            if label != path.id { add(label) }
        }

        mutating func add(stages: [Stage]) {
            for stage in stages {
                add(stage.label, id: stage.path)
                for automation in stage.automations { add(automation.label, id: automation.path) }
            }
        }
    }
}
