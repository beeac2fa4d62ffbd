/// Text for a terminal that can show only ASCII (a locale that is not UTF-8, such as
/// LANG=C): every other character is replaced, typographic symbols by their usual ASCII
/// spelling ("→" -> "->", "…" -> "..."), letters with diacritics by their base letter
/// ("é" -> "e"), anything else by "?" as wide as the character was ("東" -> "??").
public enum ASCIIFallback {
    public static func text(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        for character in text {
            if character.isASCII {
                result.append(character)
            } else {
                result += replacement(for: character)
            }
        }
        return result
    }

    /// The ASCII for one grapheme cluster; empty for one that takes no column.
    public static func replacement(for character: Character) -> String {
        guard let first = character.unicodeScalars.first else { return "" }
        if first.isASCII { return String(first) }  // a letter with combining accents
        if let spelled = symbols[first.value] { return spelled }
        if let base = SearchFolding.baseLetters[first], base.isASCII { return String(base) }
        return String(repeating: "?", count: DisplayWidth.of(character))
    }

    private static let symbols: [UInt32: String] = [
        // Spaces and dashes.
        0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x202F: " ", 0x3000: "  ",
        0x2010: "-", 0x2011: "-", 0x2013: "-", 0x2014: "--", 0x2212: "-",
        // Quotes.
        0x2018: "'", 0x2019: "'", 0x201A: ",", 0x201C: "\"", 0x201D: "\"", 0x201E: "\"",
        0x00AB: "<<", 0x00BB: ">>", 0x2039: "<", 0x203A: ">",
        // Punctuation, arrows, maths.
        0x2026: "...", 0x00B7: "-", 0x2022: "*", 0x2023: ">", 0x25B6: ">", 0x25C0: "<", 0x25CF: "*",
        0x2190: "<-", 0x2192: "->", 0x2191: "^", 0x2193: "v", 0x2194: "<->", 0x21D0: "<=", 0x21D2: "=>",
        0x00D7: "x", 0x00F7: "/", 0x00B1: "+/-", 0x2264: "<=", 0x2265: ">=", 0x2260: "!=", 0x2248: "~",
        0x2713: "+", 0x2714: "+", 0x2717: "x", 0x2718: "x", 0x270E: "*",
        0x00A9: "(c)", 0x00AE: "(R)", 0x2122: "(TM)", 0x20AC: "EUR",
        // Lines and blocks.
        0x2500: "-", 0x2502: "|", 0x250C: "+", 0x2510: "+", 0x2514: "+", 0x2518: "+", 0x251C: "+", 0x2524: "+",
        0x2591: ".", 0x2592: ":", 0x2593: "*", 0x2588: "#",
        // Letters without a base letter in their name.
        0x00DF: "ss", 0x00E6: "ae", 0x00C6: "AE", 0x0153: "oe", 0x0152: "OE",
    ]
}
