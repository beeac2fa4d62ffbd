/// The rules a pack must follow beyond the shape of its JSON. Errors make the pack
/// unusable; warnings are things a reviewer should know (a rule that can never fire).
struct PackChecks {
    /// See `DecodingContext.originalIndices`: elements that could not be read were left
    /// out, and the ones after them are named by their place in the file.
    var originalIndices: [String: [Int]] = [:]

    func element(_ array: JSONPath, _ index: Int) -> JSONPath {
        // Nearly always empty: then no path is turned into text just to look it up.
        guard !originalIndices.isEmpty else { return array.appending(index: index) }
        return array.appending(index: originalIndices[array.description]?[index] ?? index)
    }

    func problems(in pack: Pack, warnings: inout [ValidationProblem]) -> [ValidationProblem] {
        var errors: [ValidationProblem] = []
        let root = JSONPath.root
        if !pack.id.isEmpty, !Self.isPackID(pack.id) {
            errors.append(ValidationProblem(root.appending("id"), "\"\(Excerpt.of(pack.id))\" is not a pack id (lowercase letters, digits and -, at most 64)"))
        }
        Self.check(length: pack.version, limit: 64, at: root.appending("version"), into: &errors)
        Self.check(length: pack.title, limit: PackLimits.titleLength, at: root.appending("title"), into: &errors)
        Self.check(length: pack.description, limit: PackLimits.textLength, at: root.appending("description"), into: &errors)
        if pack.areas.isEmpty { errors.append(ValidationProblem(root.appending("areas"), "a pack needs at least one area")) }
        if pack.areas.count > PackLimits.areas {
            errors.append(ValidationProblem(root.appending("areas"), "\(pack.areas.count) areas, more than the limit of \(PackLimits.areas)"))
        }
        if pack.questionCount > PackLimits.questions {
            errors.append(ValidationProblem(root.appending("areas"), "\(pack.questionCount) questions, more than the limit of \(PackLimits.questions)"))
        }
        var areaPaths: [String: JSONPath] = [:]
        var questionPaths: [String: JSONPath] = [:]
        for (areaIndex, area) in pack.areas.enumerated() {
            let areaPath = element(root.appending("areas"), areaIndex)
            if !Self.isWord(area.id) {
                errors.append(ValidationProblem(areaPath.appending("id"), "\"\(Excerpt.of(area.id))\" is not an area id (letters, digits, _ and -, at most \(PackLimits.idLength))"))
            } else if let first = areaPaths[area.id] {
                errors.append(ValidationProblem(areaPath.appending("id"), "duplicate area id \"\(area.id)\" (first at \(first))"))
            } else {
                areaPaths[area.id] = areaPath
            }
            Self.check(length: area.title, limit: PackLimits.titleLength, at: areaPath.appending("title"), into: &errors)
            for (questionIndex, question) in area.questions.enumerated() {
                let path = element(areaPath.appending("questions"), questionIndex)
                if !question.id.hasPrefix(area.id + "."), Self.isWord(area.id) {
                    errors.append(ValidationProblem(path.appending("id"), "\"\(Excerpt.of(question.id))\" must start with its area's id: \(area.id).NAME"))
                } else if !Self.isWord(String(question.id.dropFirst(area.id.count + 1))) {
                    errors.append(ValidationProblem(path.appending("id"), "\"\(Excerpt.of(question.id))\" is not a question id (AREA.NAME; letters, digits, _ and -)"))
                } else if let first = questionPaths[question.id] {
                    errors.append(ValidationProblem(path.appending("id"), "duplicate question id \"\(question.id)\" (first at \(first))"))
                } else {
                    questionPaths[question.id] = path
                }
                errors += questionProblems(question, at: path, warnings: &warnings)
            }
        }
        errors += moveProblems(pack, questionIDs: Set(questionPaths.keys))
        return errors
    }

    func moveProblems(_ pack: Pack, questionIDs: Set<String>) -> [ValidationProblem] {
        var errors: [ValidationProblem] = []
        if pack.moves.count > PackLimits.moves {
            errors.append(ValidationProblem(JSONPath.root.appending("moved"), "\(pack.moves.count) moves, more than the limit of \(PackLimits.moves)"))
            return errors
        }
        var movedFrom: [String: Int] = [:]
        for (index, move) in pack.moves.enumerated() {
            let path = element(JSONPath.root.appending("moved"), index)
            if move.from.isEmpty && move.to.isEmpty {
                errors.append(ValidationProblem(path, "a move needs from, to or both"))
            } else if move.from.count > 1 && move.to.count > 1 {
                errors.append(ValidationProblem(path, "many to many is not a move: write it as a merge and a split"))
            }
            if PackVersion.isOlder(pack.version, than: move.version) {
                errors.append(ValidationProblem(path.appending("version"), "\(Excerpt.of(move.version)) is newer than the pack's version \(pack.version)"))
            }
            for id in move.from + move.to where !Self.isQuestionID(id) {
                errors.append(ValidationProblem(path, "\"\(Excerpt.of(id))\" is not a question id (AREA.NAME; letters, digits, _ and -)"))
            }
            // A later move may carry an answer further (a -> b in 2, b -> c in 3).
            let movedOnLater = Set(pack.moves.filter { PackVersion.isOlder(move.version, than: $0.version) }.flatMap(\.from))
            for id in move.to where !questionIDs.contains(id) && !movedOnLater.contains(id) {
                errors.append(ValidationProblem(path.appending("to"), "\"\(Excerpt.of(id))\" is not a question of this pack, nor moved on by a later version"))
            }
            for id in move.from where questionIDs.contains(id) {
                errors.append(ValidationProblem(path.appending("from"), "\"\(Excerpt.of(id))\" is still a question of this pack; a moved or retired question's old id must be gone"))
            }
            for id in move.from {
                if let first = movedFrom["\(move.version) \(id)"] {
                    errors.append(ValidationProblem(path.appending("from"), "\"\(Excerpt.of(id))\" already moves in moved[\(first)] of the same version"))
                } else {
                    movedFrom["\(move.version) \(id)"] = index
                }
            }
        }
        return errors
    }

    static func isQuestionID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.count == 2 && isWord(String(parts[0])) && isWord(String(parts[1]))
    }

    func questionProblems(_ question: Question, at path: JSONPath, warnings: inout [ValidationProblem]) -> [ValidationProblem] {
        var errors: [ValidationProblem] = []
        Self.check(length: question.text, limit: PackLimits.textLength, at: path.appending("text"), into: &errors)
        Self.check(length: question.hint, limit: PackLimits.textLength, at: path.appending("hint"), into: &errors)
        if let url = question.url, !HTTPURL.isValid(url) {
            errors.append(ValidationProblem(path.appending("reference").appending("url"), "\"\(Excerpt.of(url))\" is not an http(s) link"))
        }
        errors += Self.resourceProblems(question.resources, at: path.appending("resources"))
        guard question.isAnsweredByChoices else {
            if !question.riskRules.isEmpty {
                errors.append(ValidationProblem(path.appending("riskRules"), "risk rules need choices (a question without choices takes its risk from its status)"))
            }
            return errors
        }
        if question.choices.count > PackLimits.choicesPerQuestion {
            errors.append(ValidationProblem(path.appending("choices"), "\(question.choices.count) choices, more than the limit of \(PackLimits.choicesPerQuestion)"))
        }
        var choiceIDs: Set<String> = []
        var noneCount = 0
        for (index, choice) in question.choices.enumerated() {
            let choicePath = element(path.appending("choices"), index)
            if !Self.isWord(choice.id) {
                errors.append(ValidationProblem(choicePath.appending("id"), "\"\(Excerpt.of(choice.id))\" is not a choice id (letters, digits, _ and -)"))
            } else if !choiceIDs.insert(choice.id).inserted {
                errors.append(ValidationProblem(choicePath.appending("id"), "duplicate choice id \"\(choice.id)\" in this question"))
            }
            Self.check(length: choice.text, limit: PackLimits.titleLength, at: choicePath.appending("title"), into: &errors)
            Self.check(length: choice.plan, limit: PackLimits.textLength, at: choicePath.appending("plan"), into: &errors)
            errors += Self.resourceProblems(choice.resources, at: choicePath.appending("resources"))
            if let url = choice.planURL, !HTTPURL.isValid(url) {
                errors.append(ValidationProblem(choicePath.appending("planUrl"), "\"\(Excerpt.of(url))\" is not an http(s) link"))
            }
            if choice.isNone {
                noneCount += 1
            } else if choice.plan.trimmingWhitespace().isEmpty {
                warnings.append(ValidationProblem(choicePath.appending("plan"), "no improvement plan: the plan will say nothing for this choice"))
            } else if Self.isPlaceholder(choice.plan) {
                warnings.append(ValidationProblem(choicePath.appending("plan"), "the improvement plan \"\(Excerpt.of(choice.plan))\" looks like a placeholder"))
            }
        }
        if noneCount > 1 {
            errors.append(ValidationProblem(path.appending("choices"), "\(noneCount) choices are marked \"none of these\"; at most one may be"))
        }
        errors += ruleProblems(question, choiceIDs: choiceIDs, at: path.appending("riskRules"), warnings: &warnings)
        return errors
    }

    func ruleProblems(_ question: Question, choiceIDs: Set<String>, at path: JSONPath,
                             warnings: inout [ValidationProblem]) -> [ValidationProblem] {
        var errors: [ValidationProblem] = []
        if question.riskRules.count > PackLimits.rulesPerQuestion {
            errors.append(ValidationProblem(path, "\(question.riskRules.count) risk rules, more than the limit of \(PackLimits.rulesPerQuestion)"))
        }
        var defaultIndex: Int?
        var seenRisks: Set<Risk> = []
        for (index, rule) in question.riskRules.enumerated() {
            let rulePath = element(path, index)
            for id in Set(rule.condition.choiceIDs).sorted() where !choiceIDs.contains(id) {
                errors.append(ValidationProblem(rulePath.appending("condition"),
                    "names \"\(Excerpt.of(id))\", which is not a choice of this question (choices: \(question.choices.map(\.id).joined(separator: ", ")))"))
            }
            if let defaultIndex {
                warnings.append(ValidationProblem(rulePath, "can never apply: the default rule at riskRules[\(originalIndices.isEmpty ? defaultIndex : originalIndices[path.description]?[defaultIndex] ?? defaultIndex)] always holds before it"))
            } else if rule.condition == .always {
                defaultIndex = index
            }
            if !seenRisks.insert(rule.risk).inserted {
                warnings.append(ValidationProblem(rulePath.appending("risk"), "a second rule for risk \(rule.risk.rawValue) (an AWS lens allows one rule per risk level)"))
            }
        }
        if defaultIndex == nil {
            errors.append(ValidationProblem(path, question.riskRules.isEmpty
                ? "a question with choices needs risk rules, ending with {\"condition\": \"default\", \"risk\": ...}"
                : "no default rule: add {\"condition\": \"default\", \"risk\": ...} last, for when no other condition holds"))
        }
        return errors
    }

    static func resourceProblems(_ resources: [Resource], at path: JSONPath) -> [ValidationProblem] {
        var errors: [ValidationProblem] = []
        for (index, resource) in resources.enumerated() {
            if let url = resource.url, !HTTPURL.isValid(url) {
                errors.append(ValidationProblem(path.appending(index: index).appending("url"), "\"\(Excerpt.of(url))\" is not an http(s) link"))
            }
        }
        return errors
    }

    static func check(length text: String, limit: Int, at path: JSONPath, into errors: inout [ValidationProblem]) {
        if text.count > limit { errors.append(ValidationProblem(path, "\(text.count) characters, more than the limit of \(limit)")) }
    }

    /// `fundamentals`, `operational-readiness`, `glue-lens`: lowercase, digits, inner hyphens.
    static func isPackID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), id.first != "-", id.last != "-" else { return false }
        return id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// Area, question-name and choice ids: a lens's alphabet (letters, digits, `_`) plus
    /// the `-` this project's own packs use.
    static func isWord(_ id: String) -> Bool {
        guard (1...PackLimits.idLength).contains(id.utf8.count) else { return false }
        return id.unicodeScalars.allSatisfy { RiskConditionParser.isIdentifierCharacter(Character($0)) }
    }

    /// "-", "...", "TBD", "n/a": text that stands in for a plan nobody wrote.
    static func isPlaceholder(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace().lowercased()
        return ["tbd", "todo", "n/a", "na", "none", "placeholder", "xxx"].contains(trimmed)
            || !trimmed.contains(where: { $0.isLetter || $0.isNumber })
    }
}
