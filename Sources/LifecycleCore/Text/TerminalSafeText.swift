/// Makes text from files safe to print to a terminal: control characters become visible
/// (caret notation like `cat -v`, `<U+009B>` for C1 controls), so a note holding
/// `ESC]0;title` or `ESC[2J` can neither retitle nor clear the screen. Format characters
/// (bidirectional overrides, zero-width spaces, U+FEFF, the soft hyphen) become visible
/// too (`<U+200B>`): invisible, they can hide or reorder what a reviewer reads.
///
/// U+200D and U+200C inside a grapheme cluster are kept, and so are tag characters:
/// they build emoji sequences (a family, a flag of England) and join letters in Persian
/// or Indic text. Standing alone they join nothing and are shown like the others.
public enum TerminalSafeText {
    /// Escapes every control character, newlines included (for one-line output).
    public static func escaped(_ text: String) -> String {
        escape(text, keepingNewlines: false)
    }

    /// Escapes control characters but keeps line feeds and tabs, for multi-line notes.
    public static func escapedKeepingLines(_ text: String) -> String {
        escape(text, keepingNewlines: true)
    }

    /// True when the text needs no escaping.
    public static func isSafe(_ text: String) -> Bool {
        !needsAnyEscape(text, keepingNewlines: false)
    }

    /// `joinsCluster`: the scalar follows another in the same grapheme cluster.
    static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool, joinsCluster: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingNewlines
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x20..<0x7F, 0xA0..<0xAD: return false
        case 0x2028, 0x2029: return true
        case 0x200C, 0x200D, 0xE0020...0xE007F: return !joinsCluster
        default:
            return scalar.properties.generalCategory == .format
                && !UnicodeRanges.isPrependedConcatenationMark(scalar.value)
        }
    }

    /// Whether anything must be escaped: first by code point alone, which settles the
    /// common case without splitting the text into clusters.
    private static func needsAnyEscape(_ text: String, keepingNewlines: Bool) -> Bool {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines, joinsCluster: false) }) else {
            return false
        }
        return text.contains { character in
            character.unicodeScalars.enumerated().contains { offset, scalar in
                needsEscape(scalar, keepingNewlines: keepingNewlines, joinsCluster: offset > 0)
            }
        }
    }

    private static func escape(_ text: String, keepingNewlines: Bool) -> String {
        guard needsAnyEscape(text, keepingNewlines: keepingNewlines) else { return text }
        var result = String.UnicodeScalarView()
        for character in text {
            for (offset, scalar) in character.unicodeScalars.enumerated() {
                if needsEscape(scalar, keepingNewlines: keepingNewlines, joinsCluster: offset > 0) {
                    result.append(contentsOf: visible(scalar).unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x0A: return "\\n"
        case 0x09: return "\\t"
        case 0x00..<0x20: return "^" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
        case 0x7F: return "^?"
        default:
            let digits = String(scalar.value, radix: 16, uppercase: true)
            return "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
        }
    }
}
