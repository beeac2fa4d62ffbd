/// Folds text for case- and accent-insensitive matching: lowercase, letters with
/// diacritics to their base letter ("É" -> "e", "ø" -> "o"), combining marks dropped.
/// Written out because the Foundation search options need ICU, which we do not link.
public enum SearchFolding {
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                // The common case, without a Unicode property lookup.
                let value = scalar.value
                folded.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
                continue
            }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                folded.append(baseLetters[lower] ?? lower)
            }
        }
        return String(folded)
    }

    /// Whether every space-separated word of `query` occurs in `text`, both folded.
    public static func matchesAllWords(_ query: String, in text: String) -> Bool {
        Query(query).matches(text)
    }

    /// A query folded once, for matching against many texts (every question of a catalog).
    public struct Query: Sendable {
        let words: [String]

        public init(_ query: String) {
            words = query.split(separator: " ").map { SearchFolding.fold(String($0)) }
        }

        public var isEmpty: Bool { words.isEmpty }

        public func matches(_ text: String) -> Bool {
            let haystack = SearchFolding.fold(text)
            return words.allSatisfy { haystack.contains($0) }
        }
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
