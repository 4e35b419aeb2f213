import CJMSyntax

/// The journey's own lint configuration, from its `lint` lines: what CI checks lives in the
/// file CI checks.
///
///     lint ignore: W012, empty-phase
///     lint min_conversion: 20%
public struct LintSettings: Equatable, Sendable {
    /// One rule switched off for the whole journey, and where it was named.
    public struct Ignore: Equatable, Sendable {
        public var code: DiagnosticCode
        public var source: SourceRange
        public init(code: DiagnosticCode, source: SourceRange) {
            self.code = code
            self.source = source
        }
    }

    /// The rules switched off, in the order written.
    public var ignored: [Ignore]
    /// The lowest stage-to-stage conversion, in percent, that the low-conversion rule (W010)
    /// and the flow map accept without a warning.
    public var minConversion: Double

    /// 20%: a step that keeps fewer than one customer in five is a leak worth a look in any
    /// funnel of the seeds, while ordinary steps (70–90% in both templates) stay quiet.
    public static let defaultMinConversion = 20.0

    public init(ignored: [Ignore] = [], minConversion: Double = LintSettings.defaultMinConversion) {
        self.ignored = ignored
        self.minConversion = minConversion
    }

    /// Whether a step from `fromCount` to `toCount` converts under `minConversion` (W010 and the
    /// flow map's warning colour share this one rule). False when `fromCount` is not positive.
    public func isLowConversion(from fromCount: Int, to toCount: Int) -> Bool {
        fromCount > 0 && Double(toCount) * 100 < minConversion * Double(fromCount)
    }
}
