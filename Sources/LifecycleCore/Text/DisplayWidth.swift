/// How many terminal columns text takes: CJK and emoji take two, combining marks and
/// zero-width characters none. Layout uses this, never `String.count`, so columns stay
/// aligned with accents, CJK and emoji in notes.
///
/// A table of our own rather than libc's `wcwidth`: that one depends on the process
/// locale (it answers -1 for everything non-ASCII under LANG=C), and the screen tests
/// must lay out the same way as the real terminal.
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }  // emoji presentation selector
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation || isEastAsianWide(value) { return 2 }
        return 1
    }

    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Splits text so the head takes at most `width` columns (at least one character,
    /// so callers always make progress).
    public static func split(_ text: String, atWidth width: Int) -> (head: String, tail: String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let characterWidth = of(text[index])
            if used + characterWidth > width && index != text.startIndex { break }
            used += characterWidth
            index = text.index(after: index)
        }
        return (String(text[..<index]), String(text[index...]))
    }

    /// The text cut to `width` columns, ending in "…" when something was cut.
    public static func truncated(_ text: String, toWidth width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > width - 1 { break }
            result.append(character)
            used += characterWidth
        }
        return result + "…"
    }

    /// Text padded with spaces (or cut with "…") to exactly `width` columns.
    public static func padded(_ text: String, toWidth width: Int) -> String {
        let cut = truncated(text, toWidth: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// Unicode East Asian Width W and F ranges (Unicode 15), outside emoji.
    static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF,
             0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
