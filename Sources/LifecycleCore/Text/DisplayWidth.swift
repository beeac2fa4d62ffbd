/// How many terminal columns text takes: CJK and emoji take two, combining marks and
/// zero-width characters none. Layout uses this, never `String.count`, so columns stay
/// aligned with accents, CJK and emoji in notes.
///
/// Width belongs to a grapheme cluster (a Swift `Character`), not to a code point: a flag
/// is two regional indicators, a family emoji seven code points joined by U+200D, and
/// each takes two columns as a whole. Text is laid out and cut by `Character` only.
///
/// A table of our own rather than libc's `wcwidth`: that one depends on the process
/// locale (it answers -1 for everything non-ASCII under LANG=C), and the screen tests
/// must lay out the same way as the real terminal. For single code points it agrees
/// with glibc's `wcwidth` under a UTF-8 locale except where `DisplayWidthTests` lists why.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        var rest = scalars.makeIterator()
        guard let first = rest.next() else { return 0 }
        guard rest.next() != nil else { return of(first) }
        return ofSequence(first: first, scalars)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        // Visible although they are format characters (glibc agrees): the soft hyphen
        // shows as a hyphen, the prepended concatenation marks as signs above numbers.
        if value == 0xAD || UnicodeRanges.isPrependedConcatenationMark(value) { return 1 }
        if UnicodeRanges.isConjoiningJamoVowelOrFinal(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control, .lineSeparator, .paragraphSeparator: return 0
        default: break
        }
        // One regional indicator alone is a letter in a box; two make a flag (below).
        if UnicodeRanges.isRegionalIndicator(value) { return 1 }
        if scalar.properties.isEmojiPresentation || UnicodeRanges.isEastAsianWide(value) { return 2 }
        return 1
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// A cluster of several code points: emoji sequences take two columns whatever their
    /// parts would add up to; anything else (a letter and its accents, a Hangul syllable
    /// from jamo) takes what its first code point takes.
    private static func ofSequence(first: Unicode.Scalar, _ scalars: Character.UnicodeScalarView) -> Int {
        let base = of(first)
        guard first.properties.isEmoji || UnicodeRanges.isRegionalIndicator(first.value) else { return base }
        var presentation: Int?
        for scalar in scalars.dropFirst() {
            switch scalar.value {
            case 0xFE0E: presentation = presentation ?? 1  // text presentation selector
            case 0xFE0F, 0x200D, 0x20E3: return 2          // emoji presentation, ZWJ sequence, keycap
            case 0x1F3FB...0x1F3FF: return 2               // skin tone modifier
            default:
                if UnicodeRanges.isRegionalIndicator(scalar.value) { return 2 }  // a flag
            }
        }
        if presentation != nil { return UnicodeRanges.isEastAsianWide(first.value) ? 2 : 1 }
        return base
    }
}
