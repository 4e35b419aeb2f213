/// The starter journeys `cjm init` writes. Their text is `templates/*.cjm`, compiled into the
/// binary (`embedInCode` in Package.swift), so an installed `cjm` carries them with it.
public enum StarterTemplate: String, CaseIterable, Sendable {
    /// A minimal journey with every kind of element once, commented in Russian.
    case blank
    /// The core flow map of a service centre: channels, CRM, leads, three pipelines, site, ads.
    case serviceCenter = "service-center"
    /// An online store over all five phases: personas, emotions, a referral loop.
    case onlineStore = "online-store"

    /// The template `cjm init` writes when none is named: the one meant to be filled in.
    public static let standard = StarterTemplate.blank

    /// One line for `cjm init --list`.
    public var summary: String {
        switch self {
        case .blank: "minimal journey with one element of each kind, commented in Russian"
        case .serviceCenter: "service centre: channels → CRM → leads → three deal pipelines, site pages and ads"
        case .onlineStore: "online store: all five phases, personas, emotions and a referral loop"
        }
    }

    /// The journey's text, UTF-8, exactly as in `templates/`.
    public var text: [UInt8] {
        switch self {
        case .blank: PackageResources.blank_cjm
        case .serviceCenter: PackageResources.service_center_cjm
        case .onlineStore: PackageResources.online_store_cjm
        }
    }
}
