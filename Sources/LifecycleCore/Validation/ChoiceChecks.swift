/// What `validate` says about answers to questions answered by choices that a hand edit
/// (or another tool) left inconsistent: the file still loads, so these are warnings.
enum ChoiceChecks {
    static func problems(_ assessment: Assessment, in catalog: Catalog) -> [String] {
        var problems: [String] = []
        for (key, answer) in assessment.answers.sorted(by: { $0.key < $1.key }) where !answer.choices.isEmpty {
            let path = JSONPath.root.appending("answers").appending(key)
            guard let question = catalog.question(id: key) else { continue }
            guard question.isAnsweredByChoices else {
                problems.append("\(path).choices: \(PackKey.qualified(key)) is answered by status; its choices mean nothing")
                continue
            }
            let unknown = answer.choices.filter { question.choice(id: $0) == nil }
            if !unknown.isEmpty {
                problems.append("\(path).choices: \(unknown.map { "\"\(Excerpt.of($0))\"" }.joined(separator: ", ")) not a choice of this question (choices: \(question.choices.map(\.id).joined(separator: ", ")))")
            }
            if let none = question.noneChoice, answer.choices.contains(none.id), answer.choices.count > 1 {
                problems.append("\(path).choices: \(none.id) (none of these) is ticked with other choices")
            }
            let expected = StatusRisk.status(for: question.risk(selected: Set(answer.choices)))
            if answer.status != .notApplicable, answer.status != expected {
                problems.append("\(path).status: \(answer.status.rawValue), but its choices give risk \(question.risk(selected: Set(answer.choices)).rawValue), which is \(expected.rawValue)")
            }
        }
        return problems
    }
}
