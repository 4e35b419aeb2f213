/// Conservative estimates of how wide a line of text is drawn in DejaVu Sans, the map font.
///
/// Map builders that place nodes themselves (the board) or size boxes ahead of layout must
/// wrap text before Graphviz sees it, and Graphviz's own measurement happens only in the
/// render child. So widths come from DejaVu Sans's advance table, measured once from
/// `/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf` (hmtx, rounded up to 1/1000 em) for
/// ASCII and Cyrillic, which covers what users write; any other character counts as a full
/// em or more. `safety` pads the total for hinting and for viewers that substitute a font.
struct TextMeasure: Sendable {
    /// Font size in points.
    var fontSize: Double
    /// Factor applied to every estimate; above 1 so wrapped text never overflows its box.
    var safety: Double = 1.08

    /// Points the line needs at `fontSize`.
    func width(of text: some StringProtocol) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += Self.ems(scalar) }
        return points(ems: ems)
    }

    /// Points a line of `ems` ems needs at `fontSize`.
    func points(ems: Double) -> Double {
        ems * fontSize * safety
    }

    /// Advance width of one character in ems.
    static func ems(_ scalar: Unicode.Scalar) -> Double {
        let value = Int(scalar.value)
        switch value {
        case 0x20...0x7E: return Double(ascii[value - 0x20]) / 1000
        case 0x400...0x45F: return Double(cyrillic[value - 0x400]) / 1000
        // Measured like the tables: the board's `12 · ` before a lane entry and the figure
        // and punctuation spaces of the hanging indent under it.
        case 0xB7: return 0.318  // ·
        case 0x2007: return 0.637  // figure space, as wide as a digit
        case 0x2008: return 0.318  // punctuation space, as wide as a space and `·`
        case 0xA0...0xFF: return 0.8  // Latin-1: accented letters, «», ·
        case 0x2000...0x206F: return 1.0  // dashes, ellipsis, quotes, bullets
        case 0x2116: return 1.05  // №
        default: return 1.2  // other scripts, symbols, emoji (possibly from a fallback font)
        }
    }

    /// U+0020…U+007E, 1/1000 em.
    private static let ascii: [Int] = [
        318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337,
        637, 637, 637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531,
        1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295, 656, 558, 863, 749, 788,
        604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500,
        500, 613, 635, 550, 635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612,
        635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337, 637, 838,
    ]

    /// U+0400…U+045F (Ѐ…џ, including Ё/ё and the Ukrainian and Belarusian letters), 1/1000 em.
    private static let cyrillic: [Int] = [
        632, 632, 787, 610, 699, 635, 295, 295, 295, 1094, 1045, 787, 710, 749, 610, 752,
        685, 687, 687, 610, 782, 632, 1078, 642, 749, 749, 710, 752, 863, 752, 788, 752,
        604, 699, 611, 610, 861, 686, 777, 686, 1070, 1094, 833, 883, 687, 699, 1080, 695,
        613, 617, 590, 526, 692, 616, 901, 532, 650, 650, 605, 640, 755, 654, 612, 654,
        635, 550, 583, 592, 855, 592, 681, 591, 916, 942, 707, 790, 590, 549, 842, 602,
        616, 616, 625, 526, 549, 521, 278, 278, 278, 903, 899, 652, 605, 650, 592, 654,
    ]
}
