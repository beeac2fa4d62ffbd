import LifecycleTUI

/// Draws events the way a hostile user and terminal would send them: every kind of key
/// (ASCII commands, control keys, function keys, letters and digits of every script,
/// emoji sequences, format characters), pastes of thousands of characters, resizes from
/// 1x1 to 300x100, mouse clicks anywhere (also off-screen), timer ticks and signals.
public struct RandomEvents {
    public var generator: SeededGenerator
    /// Keys left of a paste in progress.
    public private(set) var pasteRemaining = 0

    public init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    /// Characters that once broke something, or easily could: non-ASCII digits, a flag,
    /// a ZWJ family, a keycap, combining marks, CJK, format characters, bidi controls.
    static let awkward: [Character] = [
        "²", "½", "٣", "①", "Ⅻ", "六", "𝟗", "７", "🇺🇸", "👨‍👩‍👧‍👦", "1️⃣", "é", "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}",
        "日", "\u{200B}", "\u{FEFF}", "\u{2060}", "\u{00AD}", "\u{061C}", "\u{202E}", "\u{1B}", "\u{7F}", "\u{9B}", "👍🏽",
    ]

    static let namedKeys: [Key] = [
        .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
        .backspace, .delete, .function(1), .function(12),
        // A terminal's paste markers, paired or not (a lost end marker must not wedge input).
        .pasteStart, .pasteEnd,
    ]

    public mutating func next() -> InputEvent {
        if pasteRemaining > 0 {
            pasteRemaining -= 1
            return .key(.character(randomText()))
        }
        switch Int.random(in: 0..<1000, using: &generator) {
        case 0..<450: return .key(.character(Character(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &generator)))))
        case 450..<600: return .key(Self.namedKeys.randomElement(using: &generator)!)
        case 600..<640:
            let letter = Character(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &generator)))
            return .key(.control(letter))
        case 640..<763: return .key(.character(randomText()))
        case 763..<765:
            pasteRemaining = Int.random(in: 1000...3000, using: &generator)
            return .key(.character(randomText()))
        case 765..<830:
            // Mostly usable sizes, sometimes absurd ones.
            if Bool.random(using: &generator) {
                return .resize(width: Int.random(in: 60...200, using: &generator), height: Int.random(in: 16...60, using: &generator))
            }
            return .resize(width: Int.random(in: 0...300, using: &generator), height: Int.random(in: 0...100, using: &generator))
        case 830..<940:
            let actions: [MouseAction] = [.click, .scrollUp, .scrollDown]
            return .mouse(row: Int.random(in: -2...120, using: &generator), column: Int.random(in: -2...320, using: &generator),
                          action: actions.randomElement(using: &generator)!)
        case 940..<998: return .tick
        default: return .terminate(signal: [1, 2, 15].randomElement(using: &generator)!)
        }
    }

    /// One character: an awkward one, or any assigned scalar of any plane.
    mutating func randomText() -> Character {
        if Int.random(in: 0..<4, using: &generator) == 0 { return Self.awkward.randomElement(using: &generator)! }
        while true {
            let value = UInt32.random(in: 0...0x10FFFF, using: &generator)
            if let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned {
                return Character(scalar)
            }
        }
    }
}
