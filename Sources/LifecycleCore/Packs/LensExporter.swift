/// Writes a pack answered by choices as an AWS custom lens, within the specification's
/// limits, or says why it cannot (and what to split or rename).
public enum LensExporter {
    public struct Result: Sendable {
        public var lens: JSONValue
        /// What the pack has that a lens cannot carry, one line each.
        public var notCarried: [String]
    }

    public static func export(_ pack: Pack) throws(LensExportError) -> Result {
        var problems: [String] = []
        let statusQuestions = pack.questions.filter { !$0.isAnsweredByChoices }
        if !statusQuestions.isEmpty {
            throw LensExportError(problems: [
                "\(statusQuestions.count) of \(pack.questionCount) questions are answered by status, not choices (first: \(statusQuestions[0].id)); a lens holds only questions with choices and risk rules",
            ])
        }
        typealias Limits = LensImporter.Limits
        if pack.areas.count > Limits.pillars {
            problems.append("\(pack.areas.count) areas; a lens holds at most \(Limits.pillars) pillars: split the pack into \((pack.areas.count + Limits.pillars - 1) / Limits.pillars) lenses")
        }
        if pack.title.count > Limits.nameLength { problems.append("the title has \(pack.title.count) characters; a lens name has at most \(Limits.nameLength)") }
        if pack.description.count > Limits.textLength { problems.append("the description has \(pack.description.count) characters; at most \(Limits.textLength)") }
        var pillars: [JSONValue] = []
        for area in pack.areas {
            check(id: area.id, "area", into: &problems)
            if area.questions.count > Limits.questionsPerPillar {
                problems.append("area \(area.id) has \(area.questions.count) questions; a pillar holds at most \(Limits.questionsPerPillar): split it")
            }
            if area.title.count > Limits.nameLength { problems.append("area \(area.id): the title has more than \(Limits.nameLength) characters") }
            var questions: [JSONValue] = []
            for question in area.questions {
                questions.append(self.question(question, area: area, problems: &problems))
            }
            pillars.append(.object(["id": .string(area.id), "name": .string(area.title), "questions": .array(questions)]))
        }
        guard problems.isEmpty else { throw LensExportError(problems: problems) }
        var lens: [String: JSONValue] = [
            "schemaVersion": .string(LensImporter.schemaVersion),
            "name": .string(pack.title),
            "pillars": .array(pillars),
        ]
        if !pack.description.isEmpty { lens["description"] = .string(pack.description) }
        let value = JSONValue.object(lens)
        let size = CanonicalJSONWriter.bytes(value).count
        if size > Limits.fileBytes {
            throw LensExportError(problems: ["the lens would be \(size / 1024) KB; a lens file is at most 500 KB: split the pack"])
        }
        return Result(lens: value, notCarried: notCarried(pack))
    }

    static func question(_ question: Question, area: CatalogArea, problems: inout [String]) -> JSONValue {
        typealias Limits = LensImporter.Limits
        let localID = String(question.id.dropFirst(area.id.count + 1))
        check(id: localID, "question \(question.id)", into: &problems)
        if question.text.count > Limits.nameLength { problems.append("question \(question.id): the text has \(question.text.count) characters; a lens title has at most \(Limits.nameLength)") }
        if question.hint.count > Limits.textLength { problems.append("question \(question.id): the hint has more than \(Limits.textLength) characters") }
        if question.choices.count > Limits.choicesPerQuestion {
            problems.append("question \(question.id) has \(question.choices.count) choices; at most \(Limits.choicesPerQuestion)")
        }
        if question.riskRules.count > Limits.rulesPerQuestion {
            problems.append("question \(question.id) has \(question.riskRules.count) risk rules; at most \(Limits.rulesPerQuestion)")
        }
        if Set(question.riskRules.map(\.risk)).count != question.riskRules.count {
            problems.append("question \(question.id) has two rules for one risk level; a lens allows one per level")
        }
        var object: [String: JSONValue] = ["id": .string(localID), "title": .string(question.text)]
        if !question.hint.isEmpty { object["description"] = .string(question.hint) }
        if let helpful = question.resources.first { object["helpfulResource"] = resource(helpful) }
        object["choices"] = .array(question.choices.map { choice in
            check(id: choice.id, "choice \(choice.id) of \(question.id)", into: &problems)
            if choice.text.count > Limits.nameLength { problems.append("choice \(choice.id) of \(question.id): the title has more than \(Limits.nameLength) characters") }
            var object: [String: JSONValue] = ["id": .string(choice.id), "title": .string(choice.text)]
            let helpful = choice.resources.filter { $0.kind == .helpful }
            let plans = choice.resources.filter { $0.kind == .plan }
            if let first = helpful.first { object["helpfulResource"] = resource(first) }
            if !choice.plan.isEmpty {
                object["improvementPlan"] = resource(Resource(text: choice.plan, url: choice.planURL, kind: .plan))
            } else if !choice.isNone {
                problems.append("choice \(choice.id) of \(question.id) has no improvement plan; a lens needs one for every choice but none of these")
            }
            var groups: [JSONValue] = []
            for (type, items) in [("HELPFUL_RESOURCE", Array(helpful.dropFirst())), ("IMPROVEMENT_PLAN", plans)] where !items.isEmpty {
                if items.count > Limits.resourceItems { problems.append("choice \(choice.id) of \(question.id) has more than \(Limits.resourceItems) \(type) items") }
                groups.append(.object(["type": .string(type), "content": .array(items.map(resource))]))
            }
            if !groups.isEmpty { object["additionalResources"] = .array(groups) }
            return .object(object)
        })
        object["riskRules"] = .array(question.riskRules.map {
            .object(["condition": .string($0.condition.text), "risk": .string(riskName($0.risk))])
        })
        return .object(object)
    }

    static func riskName(_ risk: Risk) -> String {
        switch risk {
        case .high: "HIGH_RISK"
        case .medium: "MEDIUM_RISK"
        case .none: "NO_RISK"
        }
    }

    static func resource(_ resource: Resource) -> JSONValue {
        var object: [String: JSONValue] = ["displayText": .string(resource.text)]
        if let url = resource.url { object["url"] = .string(url) }
        return .object(object)
    }

    static func check(id: String, _ what: String, into problems: inout [String]) {
        let lensAlphabet = id.unicodeScalars.allSatisfy { $0 != "-" && RiskConditionParser.isIdentifierCharacter(Character($0)) }
        if !lensAlphabet || id.count < 3 || id.count > LensImporter.Limits.idLength {
            problems.append("\(what): the id \"\(Excerpt.of(id))\" is not a lens id (3 to 64 letters, digits and _): rename it")
        }
    }

    static func notCarried(_ pack: Pack) -> [String] {
        var lines: [String] = []
        func note(_ count: Int, _ what: String) { if count > 0 { lines.append("\(what) (\(count))") } }
        let questions = pack.questions
        note(questions.count { !$0.tags.isEmpty }, "question tags")
        note(questions.count { $0.chapter != 0 || $0.url != nil }, "question references")
        note(questions.count { $0.resources.count > 1 }, "questions' further resources beyond the first")
        note(pack.areas.count { !$0.summary.isEmpty }, "area summaries")
        note(pack.areas.count { !$0.whyItMatters.isEmpty }, "areas' why it matters")
        note(pack.areas.count { !$0.pitfalls.isEmpty }, "area pitfalls")
        let unmarked = questions.flatMap(\.choices).filter { $0.isNone && !$0.id.hasSuffix("_no") }
        if !unmarked.isEmpty {
            lines.append("the none-of-these mark of \(unmarked.map(\.id).joined(separator: ", ")) (a lens marks it by an id ending in _no; import again with --none-choice)")
        }
        if pack.statusRisk != .standard { lines.append("the pack's status-to-risk mapping") }
        lines.append("the pack version \(pack.version) (a lens gets its version when it is published)")
        return lines
    }
}

public struct LensExportError: Error, Sendable, CustomStringConvertible {
    public var problems: [String]

    public var description: String { problems.joined(separator: "\n") }
}
