/// `lifecycle pack list` and `pack show` output.
public enum PackListing {
    public static func summary(_ found: FoundPack) -> JSONValue {
        let pack = found.pack
        return .object([
            "id": .string(pack.id),
            "version": .string(pack.version),
            "title": .string(pack.title),
            "areas": .number(Double(pack.areas.count)),
            "questions": .number(Double(pack.questionCount)),
            "choiceQuestions": .number(Double(pack.choiceQuestionCount)),
            "origin": .string(found.origin == .builtIn ? "built-in" : found.origin.description),
            "contentHash": .string(pack.contentHash),
        ])
    }

    public static func text(_ found: FoundPack, width: Int = 80) -> String {
        let pack = found.pack
        let safe = TerminalSafeText.escaped
        var lines = ["\(safe(pack.title)) (pack \(pack.id) \(safe(pack.version)), \(safe(found.origin.description)))"]
        if !pack.description.isEmpty { lines += WordWrap.lines(safe(pack.description), width: width) }
        if !pack.source.isEmpty { lines.append("Source: " + safe(pack.source)) }
        for area in pack.areas {
            lines.append("")
            lines.append("\(safe(area.title)) (\(pack.id):\(area.id), \(Counted.noun(area.questions.count, "question")))")
            for question in area.questions {
                lines.append("  \(pack.id):\(question.id)")
                lines += WordWrap.lines(safe(question.text), width: max(20, width - 4)).map { "    " + $0 }
                for choice in question.choices {
                    lines.append("      [ ] \(choice.id): \(safe(choice.text))\(choice.isNone ? "  (clears the others)" : "")")
                }
                for rule in question.riskRules {
                    lines.append("      risk \(rule.risk.rawValue) when \(rule.condition.text)")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
