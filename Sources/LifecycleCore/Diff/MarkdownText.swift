/// Escaping for Markdown output: control characters made visible, characters that would
/// start formatting or break a table cell backslash-escaped, newlines as `<br>`.
public enum MarkdownText {
    public static func inline(_ text: String) -> String {
        var result = ""
        for character in TerminalSafeText.escapedKeepingLines(text) {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "+", "-", "=": result += "\\" + String(character)
            case "\n": result += "<br>"
            case "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
