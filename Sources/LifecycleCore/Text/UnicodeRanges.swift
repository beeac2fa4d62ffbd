/// Code point ranges that decide display width and that Swift's Unicode properties do not
/// expose (East Asian Width above all).
enum UnicodeRanges {
    /// East Asian Width W and F (Unicode 16), leaving out emoji, which
    /// `isEmojiPresentation` covers.
    static func isEastAsianWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
             0x3400...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1,
             0x17000...0x18CFF, 0x18D00...0x18D08, 0x1AFF0...0x1AFF3, 0x1AFF5...0x1AFFB,
             0x1AFFD...0x1AFFE, 0x1B000...0x1B2FF, 0x1F200...0x1F2FF, 0x20000...0x2FFFD,
             0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool {
        value >= 0x1F1E6 && value <= 0x1F1FF
    }

    /// Hangul jamo vowels and final consonants: they join the leading consonant before
    /// them into one two-column syllable and take no column of their own.
    static func isConjoiningJamoVowelOrFinal(_ value: UInt32) -> Bool {
        (value >= 0x1160 && value <= 0x11FF) || (value >= 0xD7B0 && value <= 0xD7FF)
    }

    /// Format characters that are drawn (Arabic number signs and the like, Unicode's
    /// Prepended_Concatenation_Mark).
    static func isPrependedConcatenationMark(_ value: UInt32) -> Bool {
        switch value {
        case 0x0600...0x0605, 0x06DD, 0x070F, 0x0890...0x0891, 0x08E2, 0x110BD, 0x110CD: return true
        default: return false
        }
    }
}
