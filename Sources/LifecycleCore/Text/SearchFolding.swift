/// Folds text for case- and accent-insensitive matching: lowercase, letters with
/// diacritics to their base letter ("É" -> "e", "ø" -> "o"), combining marks dropped.
/// Written out because the Foundation search options need ICU, which we do not link.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        String(decoding: foldedUTF8(text), as: UTF8.self)
    }

    /// The folded text as UTF-8 bytes: search compares bytes, and building them directly
    /// is several times faster than appending scalars to a string.
    public static func foldedUTF8(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // The common case, without a Unicode property lookup.
            for byte in text.utf8 { folded.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) }
            return folded
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = UInt8(scalar.value)
                folded.append(value >= 65 && value <= 90 ? value + 32 : value)
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                folded.append(contentsOf: String(baseLetters[lower] ?? lower).utf8)
            }
        }
        return folded
    }

    /// Whether every space-separated word of `query` occurs in `text`, both folded.
    public static func matchesAllWords(_ query: String, in text: String) -> Bool {
        Query(query).matches(text)
    }

    /// A query folded once, for matching against many texts (every question of a catalog).
    public struct Query: Sendable {
        let words: [[UInt8]]

        public init(_ query: String) {
            words = query.split(separator: " ").map { SearchFolding.foldedUTF8(String($0)) }
        }

        public var isEmpty: Bool { words.isEmpty }

        /// Compares folded UTF-8 bytes: UTF-8 never matches in the middle of a character,
        /// and String.contains builds a search table per call (slow over a whole catalog).
        public func matches(_ text: String) -> Bool {
            let haystack = SearchFolding.foldedUTF8(text)
            return words.allSatisfy { SearchFolding.contains(haystack, $0) }
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first && haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// Letter with diacritic -> base letter, derived from Unicode character names
    /// ("LATIN SMALL LETTER E WITH ACUTE" -> "LATIN SMALL LETTER E") over the Latin,
    /// Greek and Cyrillic blocks, so no hand-kept table can drift from Unicode. Case is
    /// kept ("É" -> "E").
    static let baseLetters: [Unicode.Scalar: Unicode.Scalar] = {
        let blocks: [ClosedRange<UInt32>] = [0x41...0x7A, 0xC0...0x24F, 0x370...0x4FF, 0x1E00...0x1FFF]
        let scalars = blocks.flatMap { $0 }.compactMap(Unicode.Scalar.init)
        var byName: [String: Unicode.Scalar] = [:]
        for scalar in scalars { if let name = scalar.properties.name { byName[name] = scalar } }
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for scalar in scalars {
            guard let name = scalar.properties.name, let with = name.firstRange(of: " WITH ") else { continue }
            if let base = byName[String(name[..<with.lowerBound])] { table[scalar] = base }
        }
        return table
    }()
}
