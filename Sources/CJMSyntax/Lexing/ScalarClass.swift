/// How the lexer classifies a Unicode scalar outside ASCII (ASCII has its own fast paths).
enum ScalarClass {
    /// Can start an identifier: a letter of any script.
    @inline(__always)
    static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        // The Russian alphabet is by far the most common case: skip the property lookup.
        if (0x0410...0x044F).contains(v) || v == 0x0401 || v == 0x0451 { return true }
        return isAlphabetic(scalar)
    }

    // The property lookups stay out of line: `Unicode.Scalar.Properties` is a resilient type,
    // and inlined into the lexer it costs a metadata lookup and a stack allocation on every token.
    @inline(never)
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic
    }

    /// Can continue an identifier: a letter, a decimal digit or a combining mark (so text typed
    /// in decomposed form, `и` + U+0306 for `й`, still reads as one word).
    @inline(never)
    static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        if isIdentifierStart(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Space that separates tokens like an ASCII space: NO-BREAK SPACE and friends, which office
    /// editors paste in without anyone noticing.
    @inline(never)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .spaceSeparator
    }

    /// A scalar shown as `U+XXXX` in messages because printing it would show nothing useful.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
             .privateUse, .unassigned, .surrogate, .nonspacingMark, .enclosingMark, .spacingMark:
            return true
        default:
            return false
        }
    }

    /// `'@'` for a visible character, `U+0000` for an invisible one.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        isInvisible(scalar) ? codePoint(scalar) : "'\(Character(scalar))'"
    }

    /// `U+00A0`: at least four hex digits, as Unicode writes them.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
