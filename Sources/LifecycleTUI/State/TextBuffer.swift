/// Editable text with a cursor, for the note editor (multi-line) and prompts (one line).
/// Works on grapheme clusters so the cursor never lands inside an accent or emoji.
public struct TextBuffer: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Position in `characters`, 0...count.
    public private(set) var cursor: Int
    public let allowsNewlines: Bool
    /// A cap so a paste of a huge blob cannot make the editor unusable.
    public let maximumLength: Int
    public static let maximumLength = 20_000

    public init(_ text: String = "", allowsNewlines: Bool, maximumLength: Int = TextBuffer.maximumLength) {
        characters = Array(text)
        cursor = characters.count
        self.allowsNewlines = allowsNewlines
        self.maximumLength = maximumLength
    }

    public var text: String { String(characters) }

    /// At the cap: typed or pasted characters are no longer taken (the editor says so).
    public var isFull: Bool { characters.count >= maximumLength }

    public mutating func insert(_ character: Character) {
        if character == "\n" && !allowsNewlines { return }
        guard characters.count < maximumLength else { return }
        // Keys arrive one scalar at a time, but a combining mark, a variation selector or
        // a joiner belongs to the character before it: keep `characters` one element per
        // grapheme cluster of `text`, or widths and the cursor stop matching the screen.
        if cursor > 0, let joined = TextBuffer.single(characters[cursor - 1], character) {
            characters[cursor - 1] = joined
            return
        }
        if cursor < characters.count, let joined = TextBuffer.single(character, characters[cursor]) {
            characters[cursor] = joined
            cursor += 1
            return
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// The two as one character, when Unicode joins them into one grapheme cluster.
    private static func single(_ first: Character, _ second: Character) -> Character? {
        let combined = String(first) + String(second)
        return combined.count == 1 ? combined.first : nil
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
        rejoin(at: cursor)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        rejoin(at: cursor)
    }

    /// After a removal, the characters either side may now form one cluster.
    private mutating func rejoin(at index: Int) {
        guard index > 0, index < characters.count, let joined = TextBuffer.single(characters[index - 1], characters[index]) else { return }
        characters[index - 1] = joined
        characters.remove(at: index)
        if cursor > index - 1 { cursor -= 1 }
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    private var lineStart: Int {
        var index = cursor
        while index > 0 && characters[index - 1] != "\n" { index -= 1 }
        return index
    }

    private var lineEnd: Int {
        var index = cursor
        while index < characters.count && characters[index] != "\n" { index += 1 }
        return index
    }

    public mutating func moveToLineStart() { cursor = lineStart }
    public mutating func moveToLineEnd() { cursor = lineEnd }

    public mutating func moveUp() {
        let start = lineStart
        guard start > 0 else { cursor = 0; return }
        let column = cursor - start
        var previousStart = start - 1
        while previousStart > 0 && characters[previousStart - 1] != "\n" { previousStart -= 1 }
        cursor = min(previousStart + column, start - 1)
    }

    public mutating func moveDown() {
        let column = cursor - lineStart
        let end = lineEnd
        guard end < characters.count else { cursor = characters.count; return }
        let nextStart = end + 1
        var nextEnd = nextStart
        while nextEnd < characters.count && characters[nextEnd] != "\n" { nextEnd += 1 }
        cursor = min(nextStart + column, nextEnd)
    }

    /// Ctrl-K: delete from the cursor to the end of the line.
    public mutating func killToLineEnd() {
        let end = lineEnd
        if end == cursor && cursor < characters.count {
            characters.remove(at: cursor)  // at a line end, join the next line
        } else {
            characters.removeSubrange(cursor..<end)
        }
        rejoin(at: cursor)
    }

    /// Ctrl-U: delete from the start of the line to the cursor.
    public mutating func killToLineStart() {
        let start = lineStart
        characters.removeSubrange(start..<cursor)
        cursor = start
        rejoin(at: cursor)
    }

    /// Ctrl-W: delete the word before the cursor.
    public mutating func deleteWordBackward() {
        var index = cursor
        while index > 0 && characters[index - 1] == " " { index -= 1 }
        while index > 0 && characters[index - 1] != " " && characters[index - 1] != "\n" { index -= 1 }
        characters.removeSubrange(index..<cursor)
        cursor = index
        rejoin(at: cursor)
    }

    /// Applies an editing key; returns false for keys the buffer does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .enter: guard allowsNewlines else { return false }; insert("\n")
        // A pasted tab arrives as the Tab key: a space keeps the words on either side apart
        // (a tab character would show as `\t` and lay out unpredictably).
        case .tab: insert(" ")
        case .backspace, .control("h"): backspace()
        case .delete, .control("d"): deleteForward()
        case .left, .control("b"): moveLeft()
        case .right, .control("f"): moveRight()
        case .up: guard allowsNewlines else { return false }; moveUp()
        case .down: guard allowsNewlines else { return false }; moveDown()
        case .home, .control("a"): moveToLineStart()
        case .end, .control("e"): moveToLineEnd()
        case .control("k"): killToLineEnd()
        case .control("u"): killToLineStart()
        case .control("w"): deleteWordBackward()
        default: return false
        }
        return true
    }
}
