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
        // Ranges answered without a property lookup, which costs more than the rest of
        // laying out a character: layout asks for every cell of every frame. Each range
        // holds no mark, format character or emoji-presentation character.
        switch value {
        case 0xA0...0xAC, 0xAE...0x2FF,        // Latin-1 and Latin extended
             0x2010...0x2027, 0x2030...0x205E, // dashes, quotes, bullets, ellipsis
             0x2190...0x21FF, 0x2500...0x25FC, // arrows, box drawing, blocks, shapes
             0xE000...0xF8FF, 0xF0000...0x10FFFD:  // private use
            return 1
        case 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x20000...0x3FFFD:  // CJK ideographs, Hangul syllables
            return 2
        default:
            break
        }
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
        // Most text on screen is printable ASCII: one column per byte, no clusters to find.
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// A cluster of several code points: emoji sequences take two columns whatever their
    /// parts would add up to; anything else (a letter and its accents, a Hangul syllable
    /// from jamo) takes what its first code point takes.
    /// True when every byte is printable ASCII (so every byte is one column and one cluster).
    public static func isPrintableASCII<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

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
