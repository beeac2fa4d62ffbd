/// A risk rule's condition: `default`, or a boolean expression over a question's choice
/// ids with `&&`, `||`, `!` and parentheses (`!` binds tightest, then `&&`, then `||`),
/// as in AWS custom lenses. A choice id is true when that choice is selected.
public indirect enum RiskCondition: Sendable, Equatable {
    case always
    case choice(String)
    case not(RiskCondition)
    case and(RiskCondition, RiskCondition)
    case or(RiskCondition, RiskCondition)

    /// Conditions are short; deeper nesting is a hostile or broken file, refused before
    /// recursion could exhaust the stack.
    public static let maximumDepth = 32
    public static let maximumLength = 2048

    public static func parse(_ text: String) throws(RiskConditionError) -> RiskCondition {
        guard text.count <= maximumLength else {
            throw RiskConditionError(message: "longer than \(maximumLength) characters", column: maximumLength + 1)
        }
        if text.trimmingWhitespace() == "default" { return .always }
        var parser = RiskConditionParser(text)
        return try parser.parseWhole()
    }

    public func isTrue(selected: Set<String>) -> Bool {
        switch self {
        case .always: true
        case .choice(let id): selected.contains(id)
        case .not(let inner): !inner.isTrue(selected: selected)
        case .and(let left, let right): left.isTrue(selected: selected) && right.isTrue(selected: selected)
        case .or(let left, let right): left.isTrue(selected: selected) || right.isTrue(selected: selected)
        }
    }

    /// Every choice id named, in order of appearance (repeats included).
    public var choiceIDs: [String] {
        switch self {
        case .always: []
        case .choice(let id): [id]
        case .not(let inner): inner.choiceIDs
        case .and(let left, let right), .or(let left, let right): left.choiceIDs + right.choiceIDs
        }
    }

    /// The condition with the given choices never selected, simplified: nil when it can
    /// then never hold, `.always` when it always does. How the importer keeps a rule that
    /// names a choice the question does not have, without changing what it means.
    public func assuming(unselected: Set<String>) -> RiskCondition? {
        switch self {
        case .always: return .always
        case .choice(let id): return unselected.contains(id) ? nil : self
        case .not(let inner):
            guard let simplified = inner.assuming(unselected: unselected) else { return .always }
            return simplified == .always ? nil : .not(simplified)
        case .and(let left, let right):
            guard let left = left.assuming(unselected: unselected), let right = right.assuming(unselected: unselected) else { return nil }
            if left == .always { return right }
            return right == .always ? left : .and(left, right)
        case .or(let left, let right):
            let left = left.assuming(unselected: unselected), right = right.assuming(unselected: unselected)
            if left == .always || right == .always { return .always }
            guard let left else { return right }
            guard let right else { return left }
            return .or(left, right)
        }
    }

    /// Whether the condition can only hold with `id` selected together with some other
    /// choice: `a && x_no` for the none-of-these choice `x_no` never holds.
    public func requiresTogether(_ id: String) -> Bool {
        guard case .and = self else { return false }
        let conjuncts = self.conjuncts
        return conjuncts.contains(.choice(id)) && conjuncts.contains { if case .choice(let other) = $0 { return other != id } else { return false } }
    }

    private var conjuncts: [RiskCondition] {
        if case .and(let left, let right) = self { return left.conjuncts + right.conjuncts }
        return [self]
    }

    /// Written back with only the parentheses precedence needs: parsing the text gives
    /// this condition again.
    public var text: String { render(parent: 0) }

    /// `parent`: 0 top level, 1 inside `||`, 2 inside `&&`, 3 under `!`. A right operand of
    /// the same operator is parenthesised, so `a || (b || c)` reads back as written.
    private func render(parent: Int, rightOfSame: Bool = false) -> String {
        switch self {
        case .always: return "default"
        case .choice(let id): return id
        case .not(let inner): return "!" + inner.render(parent: 3)
        case .and(let left, let right):
            let text = left.render(parent: 2) + " && " + right.render(parent: 2, rightOfSame: true)
            // Parenthesised inside `||` too, where precedence alone would do: easier to read.
            return parent == 1 || parent == 3 || (parent == 2 && rightOfSame) ? "(\(text))" : text
        case .or(let left, let right):
            let text = left.render(parent: 1) + " || " + right.render(parent: 1, rightOfSame: true)
            return parent > 1 || (parent == 1 && rightOfSame) ? "(\(text))" : text
        }
    }
}

/// A condition that does not parse, with the 1-based column (in characters) where it fails.
public struct RiskConditionError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var column: Int

    public var description: String { "column \(column): \(message)" }
}

/// Recursive descent over the condition's characters.
struct RiskConditionParser {
    private let characters: [Character]
    private var position = 0
    private var depth = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parseWhole() throws(RiskConditionError) -> RiskCondition {
        skipSpace()
        guard position < characters.count else { throw error("the condition is empty (write `default` for a catch-all rule)") }
        let condition = try parseOr()
        skipSpace()
        if position < characters.count {
            throw error(characters[position] == ")" ? "a `)` without its `(`" : "expected `&&`, `||` or the end, found `\(characters[position])`")
        }
        return condition
    }

    private mutating func parseOr() throws(RiskConditionError) -> RiskCondition {
        var condition = try parseAnd()
        while try take("||") { condition = .or(condition, try parseAnd()) }
        return condition
    }

    private mutating func parseAnd() throws(RiskConditionError) -> RiskCondition {
        var condition = try parseUnary()
        while try take("&&") { condition = .and(condition, try parseUnary()) }
        return condition
    }

    private mutating func parseUnary() throws(RiskConditionError) -> RiskCondition {
        skipSpace()
        if position < characters.count, characters[position] == "!" {
            position += 1
            return .not(try nested { (parser: inout RiskConditionParser) throws(RiskConditionError) in try parser.parseUnary() })
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(RiskConditionError) -> RiskCondition {
        skipSpace()
        guard position < characters.count else { throw error("expected a choice id or `(`, found the end") }
        let character = characters[position]
        if character == "(" {
            let open = position
            position += 1
            let inner = try nested { (parser: inout RiskConditionParser) throws(RiskConditionError) in try parser.parseOr() }
            skipSpace()
            guard position < characters.count, characters[position] == ")" else {
                throw RiskConditionError(message: "the `(` here is never closed", column: open + 1)
            }
            position += 1
            return inner
        }
        guard Self.isIdentifierCharacter(character) else {
            if character == "&" || character == "|" {
                throw error("expected a choice id before `\(character)\(character)`")
            }
            throw error(character == ")" ? "expected a choice id, found `)`" : "`\(character)` cannot be part of a choice id")
        }
        let start = position
        while position < characters.count, Self.isIdentifierCharacter(characters[position]) { position += 1 }
        let id = String(characters[start..<position])
        if id == "default" {
            throw RiskConditionError(message: "`default` must be the whole condition", column: start + 1)
        }
        return .choice(id)
    }

    private mutating func nested(_ body: (inout RiskConditionParser) throws(RiskConditionError) -> RiskCondition) throws(RiskConditionError) -> RiskCondition {
        depth += 1
        guard depth <= RiskCondition.maximumDepth else { throw error("nested deeper than \(RiskCondition.maximumDepth) levels") }
        defer { depth -= 1 }
        return try body(&self)
    }

    /// Consumes a two-character operator; a lone `&` or `|` is an error at its column.
    private mutating func take(_ operator: String) throws(RiskConditionError) -> Bool {
        skipSpace()
        guard position < characters.count else { return false }
        let symbol = Array(`operator`)
        guard characters[position] == symbol[0] else { return false }
        guard position + 1 < characters.count, characters[position + 1] == symbol[1] else {
            throw error("`\(symbol[0])` alone: write `\(`operator`)`")
        }
        position += 2
        return true
    }

    private mutating func skipSpace() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private func error(_ message: String) -> RiskConditionError {
        RiskConditionError(message: message, column: position + 1)
    }

    /// Lens ids are letters, digits and `_`; this project's own packs also use `-`.
    static func isIdentifierCharacter(_ character: Character) -> Bool {
        guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first, scalar.isASCII else { return false }
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D: return true
        default: return false
        }
    }
}
