/// Cutting and padding text to a number of columns, always between grapheme clusters.
extension DisplayWidth {
    /// What marks text that was cut: "…", or "..." where only ASCII can be shown.
    public static func ellipsis(ascii: Bool) -> String { ascii ? "..." : "…" }

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

    /// The text cut to `width` columns, ending in `ellipsis` when something was cut (only
    /// as much of the ellipsis as fits when the width is smaller than the ellipsis).
    public static func truncated(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        let ellipsisWidth = of(ellipsis)
        guard ellipsisWidth < width else { return split(ellipsis, atWidth: width).head }
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = of(character)
            if used + characterWidth > width - ellipsisWidth { break }
            result.append(character)
            used += characterWidth
        }
        return result + ellipsis
    }

    /// Text padded with spaces (or cut with `ellipsis`) to exactly `width` columns.
    public static func padded(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        let cut = truncated(text, toWidth: width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }
}
