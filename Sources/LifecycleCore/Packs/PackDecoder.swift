import FoundationEssentials

/// Reads a pack file (see `assets/pack.schema.json`), reporting every problem with its
/// JSON path: `lifecycle pack validate` shows them all at once.
public enum PackDecoder {
    /// The moves of a `moved.json` beside the book's content (`{"moved": [...]}`).
    public static func moves(bytes: [UInt8]) -> [QuestionMove] {
        guard let value = try? JSONParser.parse(bytes), let list = value["moved"]?.arrayValue else { return [] }
        var context = DecodingContext()
        return list.enumerated().compactMap { context.move($1, at: JSONPath.root.appending("moved").appending(index: $0)) }
    }

    public static func read(bytes: [UInt8]) -> PackReading {
        guard bytes.count <= PackLimits.fileBytes else {
            return PackReading(pack: nil, errors: [ValidationProblem(.root, "larger than \(PackLimits.fileBytes >> 20) MiB")], warnings: [])
        }
        do {
            return decode(try JSONParser.parse(bytes))
        } catch {
            return PackReading(pack: nil, errors: [ValidationProblem(.root, error.description)], warnings: [])
        }
    }

    public static func decode(_ value: JSONValue) -> PackReading {
        var context = DecodingContext()
        let pack = context.pack(value)
        if let pack {
            let checks = PackChecks(originalIndices: context.originalIndices)
            context.errors += checks.problems(in: pack, warnings: &context.warnings)
        }
        return PackReading(pack: context.errors.isEmpty ? pack : nil, errors: context.errors, warnings: context.warnings)
    }
}

private struct DecodingContext {
    var errors: [ValidationProblem] = []
    var warnings: [ValidationProblem] = []
    /// For arrays where an element could not be read: the file position of each element
    /// kept, so the later checks name the element where it is in the file.
    var originalIndices: [String: [Int]] = [:]

    mutating func keep<T>(_ elements: [JSONValue], at path: JSONPath, _ read: (inout DecodingContext, JSONValue, JSONPath) -> T?) -> [T] {
        var kept: [T] = []
        var positions: [Int] = []
        for (index, element) in elements.enumerated() {
            if let value = read(&self, element, path.appending(index: index)) {
                kept.append(value)
                positions.append(index)
            }
        }
        if positions.count != elements.count { originalIndices[path.description] = positions }
        return kept
    }

    mutating func pack(_ value: JSONValue) -> Pack? {
        guard let reader = JSONFieldReader(value, at: .root, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["id", "version", "title", "description", "source", "statusRisk", "areas", "moved", "$schema"])
        let id = reader.nonEmptyString("id", problems: &errors)
        let version = reader.nonEmptyString("version", problems: &errors)
        let title = reader.nonEmptyString("title", problems: &errors)
        let description = reader.string("description", required: false, problems: &errors) ?? ""
        let source = reader.string("source", required: false, problems: &errors) ?? ""
        let statusRisk = reader.objectField("statusRisk", required: false, problems: &errors).map {
            self.statusRisk($0, at: JSONPath.root.appending("statusRisk"))
        } ?? .standard
        let areas = keep(reader.array("areas", problems: &errors) ?? [], at: JSONPath.root.appending("areas")) { $0.area($1, at: $2) }
        let moves = keep(reader.array("moved", required: false, problems: &errors) ?? [], at: JSONPath.root.appending("moved")) { $0.move($1, at: $2) }
        // Built even when the id, version or title is missing (already an error), so the
        // checks below still report every other problem in one run.
        return Pack(id: id ?? "", version: version ?? "", title: title ?? "", description: description, source: source,
                    statusRisk: statusRisk, areas: areas, moves: moves)
    }

    mutating func move(_ value: JSONValue, at path: JSONPath) -> QuestionMove? {
        guard let reader = JSONFieldReader(value, at: path, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["version", "from", "to"])
        let version = reader.nonEmptyString("version", problems: &errors)
        let from = reader.strings("from", required: false, problems: &errors) ?? []
        let to = reader.strings("to", required: false, problems: &errors) ?? []
        guard let version else { return nil }
        return QuestionMove(version: version, from: from, to: to)
    }

    mutating func statusRisk(_ members: [String: JSONValue], at path: JSONPath) -> StatusRisk {
        var mapping = StatusRisk.standard
        for (key, value) in members {
            guard let text = value.stringValue, let risk = Risk(rawValue: text) else {
                errors.append(ValidationProblem(path.appending(key), "expected high, medium or none"))
                continue
            }
            switch key {
            case "gap": mapping.gap = risk
            case "partial": mapping.partial = risk
            case "addressed": mapping.addressed = risk
            default: errors.append(ValidationProblem(path.appending(key), "unknown status (expected gap, partial or addressed)"))
            }
        }
        return mapping
    }

    mutating func area(_ value: JSONValue, at path: JSONPath) -> CatalogArea? {
        guard let reader = JSONFieldReader(value, at: path, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["id", "kind", "title", "shortTitle", "summary", "why", "pitfalls", "questions"])
        let id = reader.nonEmptyString("id", problems: &errors)
        let kindText = reader.string("kind", required: false, problems: &errors) ?? "topic"
        let kind = AreaKind(rawValue: kindText)
        if kind == nil {
            errors.append(ValidationProblem(path.appending("kind"), "unknown kind \"\(Excerpt.of(kindText))\" (expected topic, stage or undercurrent)"))
        }
        let title = reader.nonEmptyString("title", problems: &errors)
        let shortTitle = reader.string("shortTitle", required: false, problems: &errors)
        let summary = reader.string("summary", required: false, problems: &errors) ?? ""
        let why = reader.string("why", required: false, problems: &errors) ?? ""
        let pitfalls = reader.strings("pitfalls", required: false, problems: &errors) ?? []
        let questions = keep(reader.array("questions", problems: &errors) ?? [], at: path.appending("questions")) { $0.question($1, at: $2) }
        guard let id, let kind, let title else { return nil }
        return CatalogArea(id: id, kind: kind, title: title, shortTitle: shortTitle, summary: summary, whyItMatters: why,
                           pitfalls: pitfalls, questions: questions)
    }

    mutating func question(_ value: JSONValue, at path: JSONPath) -> Question? {
        guard let reader = JSONFieldReader(value, at: path, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["id", "text", "hint", "tags", "reference", "resources", "choices", "riskRules", "core"])
        let id = reader.nonEmptyString("id", problems: &errors)
        let text = reader.nonEmptyString("text", problems: &errors)
        let hint = reader.string("hint", required: false, problems: &errors) ?? ""
        let tags = reader.strings("tags", required: false, problems: &errors) ?? []
        var chapter = 0
        var url: String?
        if let reference = reader.objectField("reference", required: false, problems: &errors),
           let referenceReader = JSONFieldReader(.object(reference), at: path.appending("reference"), problems: &errors) {
            chapter = referenceReader.integer("chapter", required: false, problems: &errors) ?? 0
            url = referenceReader.string("url", required: false, problems: &errors)
        }
        let resources = self.resources(reader, "resources", at: path)
        let choices = keep(reader.array("choices", required: false, problems: &errors) ?? [], at: path.appending("choices")) { $0.choice($1, at: $2) }
        let rules = keep(reader.array("riskRules", required: false, problems: &errors) ?? [], at: path.appending("riskRules")) { $0.rule($1, at: $2) }
        var core = false
        if let value = reader.fields["core"] {
            if case .bool(let flag) = value { core = flag }
            else { errors.append(ValidationProblem(path.appending("core"), "expected true or false, found \(value.typeName)")) }
        }
        guard let id, let text else { return nil }
        var question = Question(id: id, text: text, hint: hint, tags: tags, chapter: chapter, url: url, resources: resources,
                                choices: choices, riskRules: rules)
        question.isCore = core
        return question
    }

    mutating func choice(_ value: JSONValue, at path: JSONPath) -> QuestionChoice? {
        guard let reader = JSONFieldReader(value, at: path, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["id", "title", "plan", "planUrl", "resources", "none"])
        let id = reader.nonEmptyString("id", problems: &errors)
        let title = reader.nonEmptyString("title", problems: &errors)
        let plan = reader.string("plan", required: false, problems: &errors) ?? ""
        let planURL = reader.string("planUrl", required: false, problems: &errors)
        let resources = self.resources(reader, "resources", at: path)
        var isNone = false
        if let value = reader.fields["none"] {
            if case .bool(let flag) = value {
                isNone = flag
            } else {
                // Reported, and the choice kept, so the rules naming it are not reported too.
                errors.append(ValidationProblem(path.appending("none"), "expected true or false, found \(value.typeName)"))
            }
        }
        guard let id, let title else { return nil }
        return QuestionChoice(id: id, text: title, plan: plan, planURL: planURL, resources: resources, isNone: isNone)
    }

    mutating func rule(_ value: JSONValue, at path: JSONPath) -> RiskRule? {
        guard let reader = JSONFieldReader(value, at: path, problems: &errors) else { return nil }
        reportUnknownKeys(reader, known: ["condition", "risk"])
        let conditionText = reader.string("condition", problems: &errors)
        let riskText = reader.string("risk", problems: &errors)
        let risk = riskText.flatMap(Risk.init(rawValue:))
        if let riskText, risk == nil {
            errors.append(ValidationProblem(path.appending("risk"), "unknown risk \"\(Excerpt.of(riskText))\" (expected high, medium or none)"))
        }
        guard let conditionText, let risk else { return nil }
        do {
            return RiskRule(condition: try RiskCondition.parse(conditionText), risk: risk)
        } catch {
            errors.append(ValidationProblem(path.appending("condition"), "\(error) in \"\(Excerpt.of(conditionText))\""))
            return nil
        }
    }

    mutating func resources(_ reader: JSONFieldReader, _ key: String, at path: JSONPath) -> [Resource] {
        var resources: [Resource] = []
        for (position, element) in (reader.array(key, required: false, problems: &errors) ?? []).enumerated() {
            let itemPath = path.appending(key).appending(index: position)
            guard let itemReader = JSONFieldReader(element, at: itemPath, problems: &errors) else { continue }
            reportUnknownKeys(itemReader, known: ["text", "url", "kind"])
            let kindText = itemReader.string("kind", required: false, problems: &errors) ?? "helpful"
            guard let kind = Resource.Kind(rawValue: kindText) else {
                errors.append(ValidationProblem(itemPath.appending("kind"), "unknown kind \"\(Excerpt.of(kindText))\" (expected helpful or plan)"))
                continue
            }
            guard let text = itemReader.nonEmptyString("text", problems: &errors) else { continue }
            resources.append(Resource(text: text, url: itemReader.string("url", required: false, problems: &errors), kind: kind))
        }
        return resources
    }

    /// A key this build does not know is most likely a typo ("riskrules"): an error, so
    /// it is not silently ignored.
    mutating func reportUnknownKeys(_ reader: JSONFieldReader, known: Set<String>) {
        var unknown: [String] = []
        reader.fields.forEach { key, _ in if !known.contains(key) { unknown.append(key) } }
        for key in unknown.sorted() {
            errors.append(ValidationProblem(reader.path.appending(key), "unknown key (expected one of: \(known.filter { $0 != "$schema" }.sorted().joined(separator: ", ")))"))
        }
    }
}
