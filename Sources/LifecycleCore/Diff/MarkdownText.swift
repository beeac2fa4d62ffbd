/// Escaping for Markdown output (CommonMark with GitHub's tables and strikethrough):
/// control characters made visible, newlines as `<br>`, and a backslash only before what
/// would change the rendering, so `fundamentals-of-data-engineering`, `~5%` and
/// `lead_score` read as written in the raw file too.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        let characters = Array(TerminalSafeText.escapedKeepingLines(text))
        let hasTildePair = characters.filter { $0 == "~" }.count > 1
        // "1. Ask the team" at the start would become a numbered list: escape its dot.
        let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
        let listDelimiter = digits > 0 && digits < 10 && digits < characters.count
            && (characters[digits] == "." || characters[digits] == ")") ? digits : nil
        var result = ""
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "\n": result += "<br>"; continue
            case "\t": result += " "; continue
            // An entity, not a backslash: not every Markdown parser takes `\<` as an
            // escape, and a `<script>` from a note must never become HTML.
            case "<": result += "&lt;"; continue
            default: break
            }
            if index == listDelimiter || (character == "&" && startsEntity(characters[(index + 1)...]))
                || needsEscape(character, previous: previous, next: next, atStart: index == 0, hasTildePair: hasTildePair) {
                result += "\\"
            }
            result.append(character)
        }
        return result
    }

    /// `&copy;` or `&#169;` after an `&` would turn into another character.
    private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
        let body = rest.drop { $0 == "#" }.prefix { $0.isASCII && ($0.isLetter || $0.isNumber) }
        guard !body.isEmpty else { return false }
        let after = rest.index(rest.startIndex, offsetBy: (rest.first == "#" ? 1 : 0) + body.count)
        return after < rest.endIndex && rest[after] == ";"
    }

    private static func needsEscape(_ character: Character, previous: Character?, next: Character?,
                                    atStart: Bool, hasTildePair: Bool) -> Bool {
        switch character {
        // Code spans, emphasis (`*` also inside words), links and images, HTML and
        // autolinks, table cells.
        case "\\", "`", "*", "[", "]", "|":
            return true
        // `_` makes emphasis only at a word's edge: `lead_score` stays as it is.
        case "_":
            return !(previous?.isLetterOrDigit ?? false) || !(next?.isLetterOrDigit ?? false)
        // Strikethrough needs two tildes.
        case "~":
            return hasTildePair
        // Only at the start of a line can these begin a heading, list, quote or rule (each
        // of our lines starts after other text, except the text's first character).
        case "#", "+", "-", "=", ">":
            return atStart
        default:
            return false
        }
    }
}

private extension Character {
    var isLetterOrDigit: Bool { isLetter || isNumber }
}
