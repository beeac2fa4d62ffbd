/// Finds a question of a review from what a user typed: `PACK_ID:QUESTION_ID`, or the bare
/// question id when exactly one pack of the review has it.
public enum QuestionLookup {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknown(String)
        case ambiguous(String, candidates: [String])

        public var description: String {
            switch self {
            case .unknown(let text): "unknown question \"\(TerminalSafeText.escaped(text))\" (see `lifecycle questions` or `lifecycle pack show ID`)"
            case .ambiguous(let text, let candidates): "\"\(TerminalSafeText.escaped(text))\" is in more than one pack: \(candidates.joined(separator: ", "))"
            }
        }
    }

    /// The answer key (see `PackKey`) of the question named `text` in `catalog`.
    public static func key(for text: String, in catalog: Catalog) throws(Failure) -> String {
        if text.contains(PackKey.separator) {
            let key = PackKey.answerKey(pack: PackKey.pack(of: text), question: PackKey.question(of: text))
            guard catalog.containsQuestion(key) else { throw .unknown(text) }
            return key
        }
        if catalog.containsQuestion(text) {
            // A book question; still ambiguous when another pack has the same id.
            let others = matches(text, in: catalog).filter { $0 != text }
            guard others.isEmpty else { throw .ambiguous(text, candidates: ([text] + others).map(PackKey.qualified)) }
            return text
        }
        let found = matches(text, in: catalog)
        switch found.count {
        case 0: throw .unknown(text)
        case 1: return found[0]
        default: throw .ambiguous(text, candidates: found.map(PackKey.qualified))
        }
    }

    private static func matches(_ questionID: String, in catalog: Catalog) -> [String] {
        catalog.areas.flatMap(\.questions).map(\.id).filter { $0.contains(PackKey.separator) && PackKey.question(of: $0) == questionID }
    }
}

/// Setting the choices of a question answered by choices.
public enum ChoiceAnswering {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case notAChoiceQuestion
        case unknownChoice(String, valid: [String])
        case noneWithOthers(String)

        public var description: String {
            switch self {
            case .notAChoiceQuestion: "answered by status, not choices (use --status)"
            case .unknownChoice(let choice, let valid): "unknown choice \"\(TerminalSafeText.escaped(choice))\" (choices: \(valid.joined(separator: ", ")))"
            case .noneWithOthers(let none): "\(none) means none of these and cannot be combined with other choices"
            }
        }
    }

    /// Exactly these choices (stored sorted), with the status derived from the risk they
    /// give; an empty set clears the choices and leaves the question unanswered. A
    /// not-applicable reason goes, as with any status change away from not applicable.
    public static func answer(_ answer: Answer, of question: Question, choosing choices: [String]) throws(Refusal) -> Answer {
        guard question.isAnsweredByChoices else { throw .notAChoiceQuestion }
        let chosen = Array(Set(choices)).sorted()
        for id in chosen where question.choice(id: id) == nil {
            throw .unknownChoice(id, valid: question.choices.map(\.id))
        }
        if let none = question.noneChoice, chosen.contains(none.id), chosen.count > 1 { throw .noneWithOthers(none.id) }
        var updated = answer
        updated.choices = chosen
        updated.reason = ""
        updated.status = chosen.isEmpty ? .unanswered : StatusRisk.status(for: question.risk(selected: Set(chosen)))
        return updated
    }

    /// Ticking one choice in a checklist: "none of these" clears the others, any other
    /// choice clears "none of these".
    public static func toggling(_ choice: String, in selected: [String], of question: Question) -> [String] {
        if selected.contains(choice) { return selected.filter { $0 != choice } }
        let noneID = question.noneChoice?.id
        if choice == noneID { return [choice] }
        return (selected.filter { $0 != noneID } + [choice]).sorted()
    }
}
