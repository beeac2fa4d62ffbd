/// Makes text from files safe to print to a terminal: control characters become visible
/// (caret notation like `cat -v`, `<U+009B>` for C1 controls and bidirectional overrides),
/// so a note holding `ESC]0;title` or `ESC[2J` can neither retitle nor clear the screen.
public enum TerminalSafeText {
    /// Escapes every control character, newlines included (for one-line output).
    public static func escaped(_ text: String) -> String {
        escape(text, keepingNewlines: false)
    }

    /// Escapes control characters but keeps line feeds and tabs, for multi-line notes.
    public static func escapedKeepingLines(_ text: String) -> String {
        escape(text, keepingNewlines: true)
    }

    /// True when the text needs no escaping (the common case, checked without copying).
    public static func isSafe(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { !needsEscape($0, keepingNewlines: false) }
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingNewlines
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func escape(_ text: String, keepingNewlines: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingNewlines: keepingNewlines) else {
                result.append(scalar)
                continue
            }
            let visible: String
            switch scalar.value {
            case 0x0A: visible = "\\n"
            case 0x09: visible = "\\t"
            case 0x00..<0x20: visible = "^" + String(Character(Unicode.Scalar(scalar.value + 0x40)!))
            case 0x7F: visible = "^?"
            default:
                let digits = String(scalar.value, radix: 16, uppercase: true)
                visible = "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
            }
            result.append(contentsOf: visible.unicodeScalars)
        }
        return String(result)
    }
}
