/// The assessment file format (see assets/assessment.schema.json and the README).
extension Assessment {
    static let knownTopLevelKeys: Set<String> = [
        "formatVersion", "name", "reviewers", "maturity", "catalog", "packs", "created", "updated", "answers", "milestones",
    ]

    /// The document as saved: empty fields are left out so files stay short and diffs small.
    public var jsonValue: JSONValue {
        var root = metadataFields
        var encodedAnswers: [String: JSONValue] = [:]
        for (questionID, answer) in answers where !answer.isEmpty {
            encodedAnswers[questionID] = answer.jsonValue
        }
        root["answers"] = .object(encodedAnswers)
        return .object(root)
    }

    /// Every top-level field except the answers.
    var metadataFields: [String: JSONValue] {
        var root = unknownFields
        root["formatVersion"] = .number(Double(writtenFormatVersion))
        if !packs.isEmpty { root["packs"] = .array(packs.map(\.jsonValue)) }
        root["name"] = .string(name)
        root["reviewers"] = .array(reviewers.map(JSONValue.string))
        if let maturity { root["maturity"] = .string(maturity) }
        root["catalog"] = catalog.jsonValue
        root["created"] = .string(created.text)
        root["updated"] = .string(updated.text)
        if !milestones.isEmpty { root["milestones"] = .array(milestones.map(\.jsonValue)) }
        return root
    }

    /// Reads an assessment document, collecting every problem. Returns nil when any
    /// problem makes the document unusable (all of them are in `problems`).
    public static func decode(_ value: JSONValue, knownMaturityStages: [String],
                              problems: inout [ValidationProblem]) -> Assessment? {
        decode(value, knownMaturityStages: knownMaturityStages, streamedAnswers: nil, problems: &problems)
    }

    /// `streamed`: the answers as decoded during parsing, when the file was parsed with
    /// `StreamedAnswers.stream()`; the tree then holds an empty object for them.
    static func decode(_ value: JSONValue, knownMaturityStages: [String], streamedAnswers streamed: StreamedAnswers?,
                       problems: inout [ValidationProblem]) -> Assessment? {
        let before = problems.count
        guard let reader = JSONFieldReader(value, at: .root, problems: &problems) else { return nil }
        let root = JSONPath.root

        if let version = reader.integer("formatVersion", problems: &problems) {
            if version > formatVersion {
                problems.append(ValidationProblem(root.appending("formatVersion"),
                    "format \(version) is newer than this build of lifecycle understands (up to \(formatVersion)); upgrade lifecycle to open it"))
            } else if version < 1 {
                problems.append(ValidationProblem(root.appending("formatVersion"), "format \(version) is not a valid format version"))
            }
        }
        let name = reader.nonEmptyString("name", problems: &problems)
        let reviewers = reader.strings("reviewers", required: false, problems: &problems) ?? []
        let maturity = reader.string("maturity", required: false, problems: &problems)
        if let maturity, !knownMaturityStages.contains(maturity) {
            problems.append(ValidationProblem(root.appending("maturity"),
                "unknown maturity stage \"\(Excerpt.of(maturity))\" (expected one of \(knownMaturityStages.joined(separator: ", ")))"))
        }
        var catalog: CatalogReference?
        if let catalogObject = reader.objectField("catalog", problems: &problems) {
            let catalogReader = JSONFieldReader(.object(catalogObject), at: root.appending("catalog"), problems: &problems)!
            let id = catalogReader.nonEmptyString("id", problems: &problems)
            let version = catalogReader.nonEmptyString("version", problems: &problems)
            let hash = catalogReader.string("hash", required: false, problems: &problems) ?? ""
            if let id, let version { catalog = CatalogReference(id: id, version: version, contentHash: hash) }
        }
        var packs: [PackReference] = []
        for (position, value) in (reader.array("packs", required: false, problems: &problems) ?? []).enumerated() {
            let path = root.appending("packs").appending(index: position)
            guard let packReader = JSONFieldReader(value, at: path, problems: &problems),
                  let id = packReader.nonEmptyString("id", problems: &problems),
                  let version = packReader.nonEmptyString("version", problems: &problems) else { continue }
            if packs.contains(where: { $0.id == id }) {
                problems.append(ValidationProblem(path.appending("id"), "pack \"\(Excerpt.of(id))\" is listed twice"))
            }
            packs.append(PackReference(id: id, version: version, contentHash: packReader.string("hash", required: false, problems: &problems) ?? ""))
        }
        let created = timestamp(reader, "created", required: true, problems: &problems)
        let updated = timestamp(reader, "updated", required: false, problems: &problems)

        var answers: [String: Answer] = [:]
        if let answerObjects = reader.objectField("answers", required: false, problems: &problems) {
            for (questionID, answerValue) in answerObjects {
                let path = root.appending("answers").appending(questionID)
                if let answer = Answer.decode(answerValue, at: path, problems: &problems) {
                    answers[questionID] = answer
                }
            }
        }
        if let streamed, streamed.received {
            answers = streamed.answers
            problems += streamed.problems
        }
        var milestones: [Milestone] = []
        for (position, value) in (reader.array("milestones", required: false, problems: &problems) ?? []).enumerated() {
            if let milestone = Milestone.decode(value, at: root.appending("milestones").appending(index: position), problems: &problems) {
                if milestones.contains(where: { $0.label == milestone.label }) {
                    problems.append(ValidationProblem(root.appending("milestones").appending(index: position).appending("label"),
                                                      "duplicate milestone label \"\(Excerpt.of(milestone.label))\""))
                }
                milestones.append(milestone)
            }
        }
        var unknown: [String: JSONValue] = [:]
        for (key, value) in reader.object where !knownTopLevelKeys.contains(key) {
            unknown[key] = value
        }
        guard problems.count == before, let name, let catalog, let created else { return nil }
        var assessment = Assessment(name: name, reviewers: reviewers, maturity: maturity, catalog: catalog,
                                    created: created, answers: answers)
        assessment.updated = updated ?? created
        assessment.milestones = milestones
        assessment.packs = packs
        assessment.unknownFields = unknown
        return assessment
    }

    static func timestamp(_ reader: JSONFieldReader, _ key: String, required: Bool,
                          problems: inout [ValidationProblem]) -> Timestamp? {
        guard let text = reader.string(key, required: required, problems: &problems) else { return nil }
        return timestamp(text, at: reader.path.appending(key), problems: &problems)
    }

    static func timestamp(_ text: String, at path: @autoclosure () -> JSONPath, problems: inout [ValidationProblem]) -> Timestamp? {
        guard let stamp = Timestamp(text) else {
            problems.append(ValidationProblem(path(), "\"\(Excerpt.of(text))\" is not an ISO 8601 time such as 2026-11-27T10:04:31Z"))
            return nil
        }
        return stamp
    }
}

extension Answer {
    var jsonValue: JSONValue {
        var object = unknownFields
        object["status"] = .string(status.rawValue)
        if !note.isEmpty { object["note"] = .string(note) }
        if !reason.isEmpty { object["reason"] = .string(reason) }
        if !choices.isEmpty { object["choices"] = .array(choices.map(JSONValue.string)) }
        if let changed { object["changed"] = .string(changed.text) }
        if !evidence.isEmpty { object["evidence"] = .array(evidence.map(\.jsonValue)) }
        if !owner.isEmpty { object["owner"] = .string(owner) }
        if let due { object["due"] = .string(due.description) }
        if let priority { object["priority"] = .string(priority.rawValue) }
        if !exclusion.isEmpty { object["excluded"] = .string(exclusion) }
        return .object(object)
    }

    static func decode(_ value: JSONValue, at path: JSONPath, problems: inout [ValidationProblem]) -> Answer? {
        guard let reader = JSONFieldReader(value, at: path, problems: &problems) else { return nil }
        return decode(reader, problems: &problems)
    }

    static func decode(_ reader: JSONFieldReader, problems: inout [ValidationProblem]) -> Answer? {
        let before = problems.count
        let path = reader.path
        // One pass over the members instead of a lookup per field and a set lookup per
        // key: this runs for every answer of a file. Problems are still reported in the
        // fixed field order below, whatever order the dictionary yields.
        var statusValue, noteValue, reasonValue, choicesValue, changedValue: JSONValue?
        var evidenceValue, ownerValue, dueValue, priorityValue, excludedValue: JSONValue?
        var unknown: [String: JSONValue] = [:]
        reader.fields.forEach { key, member in
            switch key {
            case "status": statusValue = member
            case "note": noteValue = member
            case "reason": reasonValue = member
            case "choices": choicesValue = member
            case "changed": changedValue = member
            case "evidence": evidenceValue = member
            case "owner": ownerValue = member
            case "due": dueValue = member
            case "priority": priorityValue = member
            case "excluded": excludedValue = member
            default: unknown[key] = member
            }
        }
        var status: AnswerStatus?
        if let statusText = JSONFieldReader.string(statusValue, "status", at: path, required: true, problems: &problems) {
            status = AnswerStatus(rawValue: statusText)
            if status == nil {
                problems.append(ValidationProblem(path.appending("status"),
                    "unknown status \"\(Excerpt.of(statusText))\" (expected one of \(AnswerStatus.allSpellings))"))
            }
        }
        let note = JSONFieldReader.string(noteValue, "note", at: path, required: false, problems: &problems) ?? ""
        let reason = JSONFieldReader.string(reasonValue, "reason", at: path, required: false, problems: &problems) ?? ""
        let choices = JSONFieldReader.strings(choicesValue, "choices", at: path, required: false, problems: &problems) ?? []
        let changed = JSONFieldReader.string(changedValue, "changed", at: path, required: false, problems: &problems)
            .flatMap { Assessment.timestamp($0, at: path.appending("changed"), problems: &problems) }
        var answer = Answer(status: .unanswered, note: note, reason: reason, choices: choices, changed: changed, unknownFields: unknown)
        if evidenceValue != nil || ownerValue != nil || dueValue != nil || priorityValue != nil || excludedValue != nil {
            decodePlanFields(into: &answer, evidence: evidenceValue, owner: ownerValue, due: dueValue, priority: priorityValue,
                             excluded: excludedValue, at: path, problems: &problems)
        }
        guard problems.count == before, let status else { return nil }
        answer.status = status
        return answer
    }

    /// Evidence, owner, due date, priority and exclusion: checked as strictly as from the
    /// command line, since they come from teammates' files and evidence may be opened.
    static func decodePlanFields(into answer: inout Answer, evidence: JSONValue?, owner: JSONValue?, due: JSONValue?,
                                 priority: JSONValue?, excluded: JSONValue?, at path: JSONPath, problems: inout [ValidationProblem]) {
        answer.owner = JSONFieldReader.string(owner, "owner", at: path, required: false, problems: &problems) ?? ""
        answer.exclusion = JSONFieldReader.string(excluded, "excluded", at: path, required: false, problems: &problems) ?? ""
        // One line each, as `set` and the explorer take them.
        for (key, text) in [("owner", answer.owner), ("excluded", answer.exclusion)] where Evidence.hasControl(text) {
            problems.append(ValidationProblem(path.appending(key), "one line without control characters"))
        }
        if let text = JSONFieldReader.string(due, "due", at: path, required: false, problems: &problems) {
            answer.due = CalendarDate(text)
            if answer.due == nil {
                problems.append(ValidationProblem(path.appending("due"), "\"\(Excerpt.of(text))\" is not a date such as 2026-12-31"))
            }
        }
        if let text = JSONFieldReader.string(priority, "priority", at: path, required: false, problems: &problems) {
            answer.priority = FindingPriority(rawValue: text)
            if answer.priority == nil {
                problems.append(ValidationProblem(path.appending("priority"),
                    "unknown priority \"\(Excerpt.of(text))\" (expected one of \(FindingPriority.spellings))"))
            }
        }
        guard let evidence else { return }
        guard case .array(let items) = evidence else {
            problems.append(ValidationProblem(path.appending("evidence"), "expected an array of references, found \(evidence.typeName)"))
            return
        }
        for (position, item) in items.enumerated() {
            let itemPath = path.appending("evidence").appending(index: position)
            guard let reader = JSONFieldReader(item, at: itemPath, problems: &problems),
                  let kindText = reader.nonEmptyString("kind", problems: &problems),
                  let ref = reader.nonEmptyString("ref", problems: &problems) else { continue }
            let label = reader.string("label", required: false, problems: &problems) ?? ""
            if Evidence.hasControl(label) {
                problems.append(ValidationProblem(itemPath.appending("label"), "one line without control characters"))
                continue
            }
            guard let kind = Evidence.Kind(rawValue: kindText) else {
                problems.append(ValidationProblem(itemPath.appending("kind"),
                    "unknown kind \"\(Excerpt.of(kindText))\" (expected one of \(Evidence.Kind.allCases.map(\.rawValue).joined(separator: ", ")))"))
                continue
            }
            do {
                let recognised = try Evidence.kind(of: ref)
                if recognised != kind {
                    problems.append(ValidationProblem(itemPath.appending("ref"), "\"\(Excerpt.of(ref))\" reads as a \(recognised.rawValue), not a \(kind.rawValue)"))
                    continue
                }
            } catch {
                problems.append(ValidationProblem(itemPath.appending("ref"), error.reason))
                continue
            }
            answer.evidence.append(Evidence(kind: kind, ref: ref, label: label))
        }
    }
}
