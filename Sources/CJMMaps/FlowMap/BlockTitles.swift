/// The titles of the flow map's blocks, in the journey's language. A `leads`, `site` or
/// `ads` block with a label of its own shows that label instead; the other frames have no
/// label to write.
struct BlockTitles: Equatable {
    var channels: String
    var leads: String
    var deals: String
    var site: String
    var ads: String
    var touchpoints: String

    init(_ language: MapLanguage) {
        switch language {
        case .russian:
            (channels, leads, deals, site, ads, touchpoints) = ("Каналы", "Лиды", "Сделки", "Сайт", "Реклама", "Точки контакта")
        case .english:
            (channels, leads, deals, site, ads, touchpoints) = ("Channels", "Leads", "Deals", "Site", "Ads", "Touchpoints")
        }
    }
}
