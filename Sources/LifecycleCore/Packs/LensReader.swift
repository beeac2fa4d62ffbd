/// The lens importer's walk over the file: what each lens key becomes in the pack, and a
/// warning for everything the specification does not promise.
struct LensReader {
    let options: LensImporter.Options
    private(set) var warnings: [ValidationProblem] = []

    init(options: LensImporter.Options) {
        self.options = options
    }

    mutating func warn(_ path: JSONPath, _ message: String) {
        warnings.append(ValidationProblem(path, message))
    }

    mutating func pack(_ value: JSONValue) throws(LensImportError) -> Pack {
        var lens = try LensObject(value, at: .root)
        let schema = lens.take("schemaVersion")
        if schema?.stringValue != LensImporter.schemaVersion {
            warn(JSONPath.root.appending("schemaVersion"), schema == nil
                 ? "missing; read as \(LensImporter.schemaVersion)"
                 : "\(describe(schema!)) is not \(LensImporter.schemaVersion); read as that version")
        }
        let givenName = try lens.text("name", required: false, reader: &self)
        guard let name = givenName ?? options.id else {
            throw LensImportError(path: JSONPath.root.appending("name"), message: "missing, and no --id to name the pack")
        }
        if givenName == nil { warn(JSONPath.root.appending("name"), "missing; the pack is titled with its id") }
        checkLength(name, LensImporter.Limits.nameLength, at: JSONPath.root.appending("name"))
        let description = try lens.text("description", required: false, reader: &self) ?? ""
        checkLength(description, LensImporter.Limits.textLength, at: JSONPath.root.appending("description"))
        var version = "1.0"
        if let value = lens.take("_version") {
            switch value {
            case .string(let text) where !text.trimmingWhitespace().isEmpty: version = text
            case .number: version = CanonicalJSONWriter.string(value).trimmingWhitespace()
            default: warn(JSONPath.root.appending("_version"), "\(describe(value)) is not a version; using \(version)")
            }
        }
        let id = options.id ?? LensImporter.slug(name)
        guard PackChecks.isPackID(id) else {
            throw LensImportError(path: nil, message: options.id == nil
                ? "cannot make a pack id from the name \"\(Excerpt.of(name))\"; give one with --id"
                : "\"\(Excerpt.of(id))\" is not a pack id (lowercase letters, digits and -, at most 64)")
        }
        let pillarValues = try array(lens.take("pillars"), at: JSONPath.root.appending("pillars"), what: "pillars")
        guard !pillarValues.isEmpty else {
            throw LensImportError(path: JSONPath.root.appending("pillars"), message: "missing or empty: a lens needs at least one pillar")
        }
        if pillarValues.count > LensImporter.Limits.pillars {
            warn(JSONPath.root.appending("pillars"), "\(pillarValues.count) pillars, over the lens limit of \(LensImporter.Limits.pillars)")
        }
        var areas: [CatalogArea] = []
        var pillarIDs: Set<String> = []
        for (index, pillarValue) in pillarValues.enumerated() {
            var area = try pillar(pillarValue, at: JSONPath.root.appending("pillars").appending(index: index))
            if pillarIDs.contains(area.id) {
                let renamed = unique(area.id, among: pillarIDs)
                warn(JSONPath.root.appending("pillars").appending(index: index).appending("id"), "duplicate pillar id \"\(area.id)\"; imported as \(renamed)")
                area = area.renamed(to: renamed)
            }
            pillarIDs.insert(area.id)
            areas.append(area)
        }
        lens.reportRest(&self, note: "kept nowhere in the pack")
        return Pack(id: id, version: version, title: name, description: description,
                    source: "Imported from an AWS Well-Architected custom lens", areas: areas)
    }

    mutating func pillar(_ value: JSONValue, at path: JSONPath) throws(LensImportError) -> CatalogArea {
        var object = try LensObject(value, at: path)
        let id = try self.id(&object, at: path)
        let name = try object.text("name", required: true, reader: &self) ?? id
        checkLength(name, LensImporter.Limits.nameLength, at: path.appending("name"))
        guard let questionsValue = object.take("questions") else {
            throw LensImportError(path: path.appending("questions"), message: "missing: a pillar needs a list of questions")
        }
        let questionValues = try array(questionsValue, at: path.appending("questions"), what: "questions")
        if questionValues.isEmpty { warn(path.appending("questions"), "no questions") }
        if questionValues.count > LensImporter.Limits.questionsPerPillar {
            warn(path.appending("questions"), "\(questionValues.count) questions, over the lens limit of \(LensImporter.Limits.questionsPerPillar)")
        }
        var questions: [Question] = []
        var localIDs: Set<String> = []
        for (index, questionValue) in questionValues.enumerated() {
            let questionPath = path.appending("questions").appending(index: index)
            var (localID, question) = try self.question(questionValue, at: questionPath)
            if localIDs.contains(localID) {
                let renamed = unique(localID, among: localIDs)
                warn(questionPath.appending("id"), "duplicate question id \"\(localID)\" in this pillar; imported as \(renamed)")
                localID = renamed
            }
            localIDs.insert(localID)
            question.id = id + "." + localID
            questions.append(question)
        }
        object.reportRest(&self, note: "dropped")
        return CatalogArea(id: id, kind: .topic, title: name, summary: "", whyItMatters: "", pitfalls: [], questions: questions)
    }

    mutating func question(_ value: JSONValue, at path: JSONPath) throws(LensImportError) -> (String, Question) {
        var object = try LensObject(value, at: path)
        let id = try self.id(&object, at: path)
        let title = try object.text("title", required: true, reader: &self) ?? id
        checkLength(title, LensImporter.Limits.nameLength, at: path.appending("title"))
        let description = try object.text("description", required: false, reader: &self) ?? ""
        checkLength(description, LensImporter.Limits.textLength, at: path.appending("description"))
        var resources: [Resource] = []
        if let helpful = object.take("helpfulResource") {
            if let resource = try self.resource(helpful, kind: .helpful, at: path.appending("helpfulResource")) { resources.append(resource) }
        }
        var choices: [QuestionChoice] = []
        let choiceValues = try array(object.take("choices"), at: path.appending("choices"), what: "choices")
        if choiceValues.isEmpty {
            warn(path.appending("choices"), "no choices: imported as a question answered by status (gap, partial, addressed)")
        }
        if choiceValues.count > LensImporter.Limits.choicesPerQuestion {
            warn(path.appending("choices"), "\(choiceValues.count) choices, over the lens limit of \(LensImporter.Limits.choicesPerQuestion)")
        }
        for (index, choiceValue) in choiceValues.enumerated() {
            let choicePath = path.appending("choices").appending(index: index)
            let choice = try self.choice(choiceValue, at: choicePath)
            if choices.contains(where: { $0.id == choice.id }) {
                throw LensImportError(path: choicePath.appending("id"), message: "duplicate choice id \"\(choice.id)\": the risk rules cannot tell the two apart")
            }
            choices.append(choice)
        }
        let noneIndices = choices.indices.filter { choices[$0].isNone }
        for index in noneIndices.dropFirst() {
            warn(path.appending("choices").appending(index: index), "a second \"none of these\" choice (\(choices[index].id)); only \(choices[noneIndices[0]].id) is treated so")
            choices[index].isNone = false
        }
        let rules = choices.isEmpty ? [] : try riskRules(object.take("riskRules"), choices: choices, at: path.appending("riskRules"))
        if choices.isEmpty, object.take("riskRules") != nil { warn(path.appending("riskRules"), "risk rules without choices; dropped") }
        object.reportRest(&self, note: "dropped")
        return (id, Question(id: id, text: title, hint: description, tags: [], chapter: 0, resources: resources, choices: choices, riskRules: rules))
    }

    mutating func choice(_ value: JSONValue, at path: JSONPath) throws(LensImportError) -> QuestionChoice {
        var object = try LensObject(value, at: path)
        let id = try self.id(&object, at: path)
        let title = try object.text("title", required: true, reader: &self) ?? id
        checkLength(title, LensImporter.Limits.nameLength, at: path.appending("title"))
        let isNone = id.hasSuffix("_no") || options.noneChoiceIDs.contains(id)
        if !isNone, title.lowercased().contains("none of these") {
            warn(path.appending("id"), "titled \"\(Excerpt.of(title))\" but not marked as none of these (its id does not end in _no); pass --none-choice \(id) to treat it so")
        }
        var resources: [Resource] = []
        if let helpful = object.take("helpfulResource"), let resource = try resource(helpful, kind: .helpful, at: path.appending("helpfulResource")) {
            resources.append(resource)
        }
        var plan = ""
        var planURL: String?
        if let planValue = object.take("improvementPlan") {
            if let resource = try resource(planValue, kind: .plan, at: path.appending("improvementPlan")) {
                plan = resource.text
                planURL = resource.url
                if PackChecks.isPlaceholder(plan) {
                    warn(path.appending("improvementPlan").appending("displayText"), "\"\(Excerpt.of(plan))\" is a placeholder, not a plan; kept as it is")
                }
            }
        } else if !isNone, !title.lowercased().contains("none of these") {
            warn(path.appending("improvementPlan"), "missing: this choice has nothing to say in the improvement plan")
        }
        if let additional = object.take("additionalResources") {
            resources += try additionalResources(additional, at: path.appending("additionalResources"))
        }
        object.reportRest(&self, note: "dropped")
        // Helpful reading first, then plan reading: the order an exported lens writes them.
        resources = resources.filter { $0.kind == .helpful } + resources.filter { $0.kind == .plan }
        return QuestionChoice(id: id, text: title, plan: plan, planURL: planURL, resources: resources, isNone: isNone)
    }

    mutating func riskRules(_ value: JSONValue?, choices: [QuestionChoice], at path: JSONPath) throws(LensImportError) -> [RiskRule] {
        let ruleValues = try array(value, at: path, what: "rules")
        if ruleValues.count > LensImporter.Limits.rulesPerQuestion {
            warn(path, "\(ruleValues.count) rules, over the lens limit of \(LensImporter.Limits.rulesPerQuestion)")
        }
        let known = Set(choices.map(\.id))
        var rules: [RiskRule] = []
        for (index, ruleValue) in ruleValues.enumerated() {
            let rulePath = path.appending(index: index)
            var object = try LensObject(ruleValue, at: rulePath)
            guard let conditionText = try object.text("condition", required: true, reader: &self),
                  let riskText = try object.text("risk", required: true, reader: &self) else { continue }
            guard let risk = Self.risks[riskText] else {
                throw LensImportError(path: rulePath.appending("risk"), message: "\"\(Excerpt.of(riskText))\" is not HIGH_RISK, MEDIUM_RISK or NO_RISK")
            }
            let parsed: RiskCondition
            do {
                parsed = try RiskCondition.parse(conditionText)
            } catch {
                throw LensImportError(path: rulePath.appending("condition"), message: "\(error) in \"\(Excerpt.of(conditionText))\"")
            }
            let unknown = Set(parsed.choiceIDs).subtracting(known)
            var condition: RiskCondition? = parsed
            if !unknown.isEmpty {
                condition = parsed.assuming(unselected: unknown)
                let names = unknown.sorted().joined(separator: ", ")
                warn(rulePath.appending("condition"), condition == nil
                     ? "names \(names), not a choice of this question; the rule can then never hold and is dropped"
                     : "names \(names), not a choice of this question; treated as never selected: \(condition!.text)")
            }
            object.reportRest(&self, note: "dropped")
            if let condition { rules.append(RiskRule(condition: condition, risk: risk)) }
        }
        if let first = rules.firstIndex(where: { $0.condition == .always }), first < rules.count - 1 {
            warn(path, "\(Counted.noun(rules.count - first - 1, "rule")) after a rule that always holds can never apply; dropped")
            rules.removeSubrange((first + 1)...)
        }
        if let none = choices.first(where: \.isNone) {
            for (index, rule) in rules.enumerated() where rule.condition.requiresTogether(none.id) {
                warn(path.appending(index: index).appending("condition"), "needs \(none.id) (none of these) together with another choice, which cannot be ticked with it: the rule can never hold")
            }
        }
        if !rules.contains(where: { $0.condition == .always }) {
            warn(path, "no default rule; assumed a last rule `default -> none` (no risk when no other rule holds)")
            rules.append(RiskRule(condition: .always, risk: .none))
        }
        return rules
    }

    /// A list member: absent or null is an empty list (null reported); anything else but
    /// an array is refused, since what it held would be lost.
    mutating func array(_ value: JSONValue?, at path: JSONPath, what: String) throws(LensImportError) -> [JSONValue] {
        switch value {
        case nil: return []
        case .null?:
            warn(path, "null; read as no \(what)")
            return []
        case .array(let elements)?: return elements
        case let other?: throw LensImportError(path: path, message: "expected an array of \(what), found \(other.typeName)")
        }
    }

    static let risks: [String: Risk] = ["HIGH_RISK": .high, "MEDIUM_RISK": .medium, "NO_RISK": .none]

    /// `{displayText, url}`: an empty or non-http url is reported and dropped; a link
    /// without text keeps the link as its text.
    mutating func resource(_ value: JSONValue, kind: Resource.Kind, at path: JSONPath) throws(LensImportError) -> Resource? {
        var object = try LensObject(value, at: path)
        let text = try object.text("displayText", required: false, reader: &self)
        var url = try object.text("url", required: false, reader: &self)
        if url == nil, let capitalised = object.take("Url") {
            if let text = capitalised.stringValue {
                warn(path.appending("Url"), "read as url (the specification spells it in lowercase)")
                url = text
            } else {
                warn(path.appending("Url"), "expected a string, found \(describe(capitalised)); dropped")
            }
        }
        if let link = url {
            if link.trimmingWhitespace().isEmpty {
                warn(path.appending("url"), "empty; dropped")
                url = nil
            } else if !HTTPURL.isValid(link) {
                warn(path.appending("url"), "\"\(Excerpt.of(link))\" is not an http(s) link; dropped")
                url = nil
            }
        }
        object.reportRest(&self, note: "dropped")
        let trimmed = text?.trimmingWhitespace() ?? ""
        if trimmed.isEmpty {
            guard let url else { return nil }
            warn(path.appending("displayText"), "missing; the link is shown as its own text")
            return Resource(text: url, url: url, kind: kind)
        }
        checkLength(text!, LensImporter.Limits.textLength, at: path.appending("displayText"))
        return Resource(text: text!, url: url, kind: kind)
    }

    mutating func additionalResources(_ value: JSONValue, at path: JSONPath) throws(LensImportError) -> [Resource] {
        guard let groups = value.arrayValue else {
            warn(path, "expected an array, found \(describe(value)); dropped")
            return []
        }
        var resources: [Resource] = []
        for (index, group) in groups.enumerated() {
            let groupPath = path.appending(index: index)
            var object = try LensObject(group, at: groupPath)
            let type = try object.text("type", required: true, reader: &self)
            let kind: Resource.Kind
            switch type {
            case "HELPFUL_RESOURCE": kind = .helpful
            case "IMPROVEMENT_PLAN": kind = .plan
            default:
                warn(groupPath.appending("type"), "\(type.map { "\"\(Excerpt.of($0))\"" } ?? "missing"): expected HELPFUL_RESOURCE or IMPROVEMENT_PLAN; the group is dropped")
                continue
            }
            let items = try array(object.take("content"), at: groupPath.appending("content"), what: "resources")
            if items.count > LensImporter.Limits.resourceItems {
                warn(groupPath.appending("content"), "\(items.count) items, over the lens limit of \(LensImporter.Limits.resourceItems)")
            }
            for (itemIndex, item) in items.enumerated() {
                if let resource = try resource(item, kind: kind, at: groupPath.appending("content").appending(index: itemIndex)) { resources.append(resource) }
            }
            object.reportRest(&self, note: "dropped")
        }
        return resources
    }

    /// Lens ids are 3 to 128 letters, digits and `_`; other lengths are reported, other
    /// characters refused (they would change the question's name in every file).
    mutating func id(_ object: inout LensObject, at path: JSONPath) throws(LensImportError) -> String {
        guard let id = try object.text("id", required: true, reader: &self) else {
            throw LensImportError(path: path.appending("id"), message: "missing")
        }
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ RiskConditionParser.isIdentifierCharacter(Character($0)) }) else {
            throw LensImportError(path: path.appending("id"), message: "\"\(Excerpt.of(id))\" is not an id (letters, digits and _)")
        }
        if id.contains("-") {
            warn(path.appending("id"), "\"\(Excerpt.of(id))\" has a -, which a lens id cannot have; kept (pack export will ask to rename it)")
        }
        if id.count < 3 || id.count > LensImporter.Limits.idLength {
            warn(path.appending("id"), "\(id.count) characters; a lens id has 3 to \(LensImporter.Limits.idLength)")
        }
        if id.count > PackLimits.idLength {
            throw LensImportError(path: path.appending("id"), message: "\(id.count) characters, more than \(PackLimits.idLength)")
        }
        return id
    }

    mutating func checkLength(_ text: String, _ limit: Int, at path: JSONPath) {
        if text.count > limit { warn(path, "\(text.count) characters, over the lens limit of \(limit)") }
        if text.count > PackLimits.textLength { warn(path, "longer than \(PackLimits.textLength) characters") }
    }

    func unique(_ id: String, among taken: Set<String>) -> String {
        var counter = 2
        while taken.contains("\(id)_\(counter)") { counter += 1 }
        return "\(id)_\(counter)"
    }

    func describe(_ value: JSONValue) -> String {
        if case .string(let text) = value { return "\"\(Excerpt.of(text))\"" }
        return value.typeName
    }
}

/// One lens object whose keys are taken as they are read, so the ones left over can be
/// reported (`_teams`, `ready`, a choice's `description`, ...).
struct LensObject {
    private var members: [String: JSONValue]
    let path: JSONPath

    init(_ value: JSONValue, at path: JSONPath) throws(LensImportError) {
        guard case .object(let members) = value else {
            throw LensImportError(path: path, message: "expected an object, found \(value.typeName)")
        }
        self.members = members
        self.path = path
    }

    mutating func take(_ key: String) -> JSONValue? {
        members.removeValue(forKey: key)
    }

    /// A string member; a required one that is missing or not a string is refused.
    mutating func text(_ key: String, required: Bool, reader: inout LensReader) throws(LensImportError) -> String? {
        guard let value = take(key) else {
            if required { throw LensImportError(path: path.appending(key), message: "missing") }
            return nil
        }
        if case .string(let text) = value { return text }
        if case .null = value {
            if required { throw LensImportError(path: path.appending(key), message: "is null (expected a string)") }
            reader.warn(path.appending(key), "null; read as absent")
            return nil
        }
        throw LensImportError(path: path.appending(key), message: "expected a string, found \(value.typeName)")
    }

    func reportRest(_ reader: inout LensReader, note: String) {
        for key in members.keys.sorted() {
            reader.warn(path.appending(key), "not in the lens specification; \(note)")
        }
    }
}

extension CatalogArea {
    func renamed(to id: String) -> CatalogArea {
        var area = self
        let oldPrefix = self.id + "."
        area.id = id
        area.questions = questions.map { question in
            var question = question
            if question.id.hasPrefix(oldPrefix) { question.id = id + "." + question.id.dropFirst(oldPrefix.count) }
            return question
        }
        return area
    }
}
