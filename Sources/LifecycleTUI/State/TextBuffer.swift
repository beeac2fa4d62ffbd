/// Editable text with a cursor, for the note editor (multi-line) and prompts (one line).
/// Works on grapheme clusters so the cursor never lands inside an accent or emoji.
public struct TextBuffer: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Position in `characters`, 0...count.
    public private(set) var cursor: Int
    public let allowsNewlines: Bool
    /// A cap so a paste of a huge blob cannot make the editor unusable.
    public static let maximumLength = 20_000

    public init(_ text: String = "", allowsNewlines: Bool) {
        characters = Array(text)
        cursor = characters.count
        self.allowsNewlines = allowsNewlines
    }

    public var text: String { String(characters) }

    public mutating func insert(_ character: Character) {
        if character == "\n" && !allowsNewlines { return }
        guard characters.count < TextBuffer.maximumLength else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    public mutating func backspace() {
        guard cursor > 0 else { return }
        cursor -= 1
        characters.remove(at: cursor)
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
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
    }

    /// Ctrl-U: delete from the start of the line to the cursor.
    public mutating func killToLineStart() {
        let start = lineStart
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Ctrl-W: delete the word before the cursor.
    public mutating func deleteWordBackward() {
        var index = cursor
        while index > 0 && characters[index - 1] == " " { index -= 1 }
        while index > 0 && characters[index - 1] != " " && characters[index - 1] != "\n" { index -= 1 }
        characters.removeSubrange(index..<cursor)
        cursor = index
    }

    /// Applies an editing key; returns false for keys the buffer does not handle.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character): insert(character)
        case .enter: guard allowsNewlines else { return false }; insert("\n")
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
