import FoundationEssentials
import LifecycleContent

/// Builds a `Catalog` from the JSON files of `content/`: `catalog.json` (id, version,
/// area order), one file per area, `matrix.json` and `maturity.json`.
public enum CatalogLoader {
    /// The catalog compiled into this binary, loaded once.
    public static let builtIn: Result<Catalog, CatalogError> = {
        let contentFiles = EmbeddedResources.files.filter { $0.key.hasPrefix("content/") }
        do throws(CatalogError) { return .success(try load(files: contentFiles)) } catch { return .failure(error) }
    }()

    /// The built-in catalog; a failure here means the binary was built from broken
    /// content, which the test suite rules out.
    public static func builtInCatalog() throws(CatalogError) -> Catalog {
        try builtIn.get()
    }

    /// Loads a catalog from a folder laid out like content/ (catalog.json, one file per
    /// area, matrix.json, maturity.json): custom catalogs, and the benchmarks' synthetic one.
    public static func load(directory: String) throws(CatalogError) -> Catalog {
        var files: [String: [UInt8]] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if names.isEmpty {
            throw CatalogError(problems: [CatalogProblem(file: directory, message: "no catalog files here (expected catalog.json and one file per area)")])
        }
        for name in names where name.hasSuffix(".json") {
            let path = directory + "/" + name
            do {
                files["content/" + name] = try SafeFileReader.read(path)
            } catch {
                throw CatalogError(problems: [CatalogProblem(file: path, message: error.description)])
            }
        }
        return try load(fileBytes: files)
    }

    /// Loads a catalog from file texts keyed by "content/NAME.json".
    public static func load(files: [String: String]) throws(CatalogError) -> Catalog {
        try load(fileBytes: files.mapValues { Array($0.utf8) })
    }

    /// Loads a catalog from file contents keyed by "content/NAME.json". Bytes, not
    /// strings: a 10,000-question catalog is 4 MB of text, and holding it both as a
    /// String and as the parser's bytes cost that much memory again.
    public static func load(fileBytes files: [String: [UInt8]]) throws(CatalogError) -> Catalog {
        var problems: [CatalogProblem] = []
        func document(_ name: String, streaming stream: JSONStream? = nil) -> JSONValue? {
            let key = "content/\(name).json"
            guard let bytes = files[key] else {
                problems.append(CatalogProblem(file: key, message: "missing"))
                return nil
            }
            do {
                if let stream { return try JSONParser.parse(bytes, streaming: stream) }
                return try JSONParser.parse(bytes)
            } catch {
                problems.append(CatalogProblem(file: key, message: error.description))
                return nil
            }
        }

        var identity: (id: String, title: String, version: String, source: String, areaIDs: [String], tags: [String: String])?
        if let manifest = document("catalog") {
            var found: [ValidationProblem] = []
            identity = parseManifest(manifest, problems: &found)
            problems += found.map { CatalogProblem(file: "content/catalog.json", message: $0.description) }
        }
        var areas: [CatalogArea] = []
        for areaID in identity?.areaIDs ?? [] {
            // Questions are decoded as the parser reaches them (see JSONParser.parse(_:streaming:)).
            let questions = StreamedQuestions()
            guard let value = document(areaID, streaming: questions.stream()) else { continue }
            var found: [ValidationProblem] = []
            if let area = parseArea(value, streamedQuestions: questions, problems: &found) {
                if area.id != areaID {
                    found.append(ValidationProblem(JSONPath.root.appending("id"), "is \"\(Excerpt.of(area.id))\" but the file is \(areaID).json"))
                }
                areas.append(area)
            }
            problems += found.map { CatalogProblem(file: "content/\(areaID).json", message: $0.description) }
        }
        var matrix: [MatrixCell] = []
        if let value = document("matrix") {
            var found: [ValidationProblem] = []
            matrix = parseMatrix(value, problems: &found)
            problems += found.map { CatalogProblem(file: "content/matrix.json", message: $0.description) }
        }
        var maturity: [MaturityStage] = []
        if let value = document("maturity") {
            var found: [ValidationProblem] = []
            maturity = parseMaturity(value, problems: &found)
            problems += found.map { CatalogProblem(file: "content/maturity.json", message: $0.description) }
        }
        guard let identity, problems.isEmpty else { throw CatalogError(problems: problems) }

        var hasher = FNV1a()
        // Other packs' files sit beside the book's in content/ but are not part of it.
        for key in files.keys.sorted() where key.hasPrefix("content/") && !key.hasSuffix(PackFiles.suffix) {
            hasher.combine(key)
            hasher.combine(files[key]!)
        }
        var catalog = Catalog(id: identity.id, title: identity.title, version: identity.version,
                              contentHash: "fnv1a64:" + hasher.hexDigest, source: identity.source,
                              areas: areas, matrix: matrix, maturityStages: maturity)
        catalog.tagMeanings = identity.tags
        let crossProblems = CatalogChecks.crossReferenceProblems(in: catalog)
        guard crossProblems.isEmpty else { throw CatalogError(problems: crossProblems) }
        return catalog
    }

    static func parseManifest(_ value: JSONValue, problems: inout [ValidationProblem])
        -> (id: String, title: String, version: String, source: String, areaIDs: [String], tags: [String: String])? {
        guard let reader = JSONFieldReader(value, at: .root, problems: &problems) else { return nil }
        let id = reader.nonEmptyString("id", problems: &problems)
        let title = reader.nonEmptyString("title", problems: &problems)
        let version = reader.nonEmptyString("version", problems: &problems)
        let source = reader.string("source", required: false, problems: &problems) ?? ""
        let areaIDs = reader.strings("areas", problems: &problems)
        var tags: [String: String] = [:]
        for (tag, meaning) in reader.objectField("tags", required: false, problems: &problems) ?? [:] {
            guard let text = meaning.stringValue, !text.isEmpty else {
                problems.append(ValidationProblem(JSONPath.root.appending("tags").appending(tag), "expected a one-line meaning"))
                continue
            }
            tags[tag] = text
        }
        guard let id, let title, let version, let areaIDs else { return nil }
        return (id, title, version, source, areaIDs, tags)
    }

    /// Parses one area file (also used by `lifecycle validate content/NAME.json`).
    public static func parseArea(_ value: JSONValue, problems: inout [ValidationProblem]) -> CatalogArea? {
        parseArea(value, streamedQuestions: nil, problems: &problems)
    }

    /// `streamed`: the questions as decoded during parsing, when the area file was parsed
    /// with `StreamedQuestions.stream()`; the tree then holds an empty array for them.
    static func parseArea(_ value: JSONValue, streamedQuestions streamed: StreamedQuestions?,
                          problems: inout [ValidationProblem]) -> CatalogArea? {
        guard let reader = JSONFieldReader(value, at: .root, problems: &problems) else { return nil }
        let id = reader.nonEmptyString("id", problems: &problems)
        let kindText = reader.string("kind", problems: &problems)
        let kind = kindText.flatMap(AreaKind.init(rawValue:))
        if let kindText, kind == nil {
            problems.append(ValidationProblem(JSONPath.root.appending("kind"), "unknown kind \"\(Excerpt.of(kindText))\" (expected stage or undercurrent)"))
        }
        let title = reader.nonEmptyString("title", problems: &problems)
        let shortTitle = reader.string("shortTitle", required: false, problems: &problems)
        let summary = reader.nonEmptyString("summary", problems: &problems)
        let why = reader.nonEmptyString("why", problems: &problems)
        let pitfalls = reader.strings("pitfalls", problems: &problems)
        var questions: [Question] = []
        for (position, element) in (reader.array("questions", problems: &problems) ?? []).enumerated() {
            let path = JSONPath.root.appending("questions").appending(index: position)
            if let question = parseQuestion(element, at: path, problems: &problems) {
                questions.append(question)
            }
        }
        if let streamed, streamed.received {
            questions = streamed.questions
            problems += streamed.problems
        }
        guard let id, let kind, let title, let summary, let why, let pitfalls else { return nil }
        let area = CatalogArea(id: id, kind: kind, title: title, shortTitle: shortTitle, summary: summary, whyItMatters: why,
                               pitfalls: pitfalls, questions: questions)
        problems += CatalogChecks.areaProblems(area)
        return area
    }

    static func parseQuestion(_ value: JSONValue, at path: JSONPath, problems: inout [ValidationProblem]) -> Question? {
        guard let reader = JSONFieldReader(value, at: path, problems: &problems) else { return nil }
        return parseQuestion(reader, problems: &problems)
    }

    static func parseQuestion(_ reader: JSONFieldReader, problems: inout [ValidationProblem]) -> Question? {
        let path = reader.path
        let id = reader.nonEmptyString("id", problems: &problems)
        let text = reader.nonEmptyString("text", problems: &problems)
        let hint = reader.nonEmptyString("hint", problems: &problems)
        let tags = reader.strings("tags", problems: &problems)
        let chapter = reader.integer("chapter", problems: &problems)
        var choices: [QuestionChoice] = []
        for (position, element) in (reader.array("choices", required: false, problems: &problems) ?? []).enumerated() {
            let choicePath = path.appending("choices").appending(index: position)
            guard let choiceReader = JSONFieldReader(element, at: choicePath, problems: &problems),
                  let choiceID = choiceReader.nonEmptyString("id", problems: &problems),
                  let choiceText = choiceReader.nonEmptyString("text", problems: &problems) else { continue }
            choices.append(QuestionChoice(id: choiceID, text: choiceText))
        }
        var core = false
        if let value = reader.fields["core"] {
            if case .bool(let flag) = value { core = flag }
            else { problems.append(ValidationProblem(path.appending("core"), "expected true or false, found \(value.typeName)")) }
        }
        guard let id, let text, let hint, let tags, let chapter else { return nil }
        var question = Question(id: id, text: text, hint: hint, tags: tags, chapter: chapter, choices: choices)
        question.isCore = core
        return question
    }

    static func parseMatrix(_ value: JSONValue, problems: inout [ValidationProblem]) -> [MatrixCell] {
        guard let reader = JSONFieldReader(value, at: .root, problems: &problems) else { return [] }
        var cells: [MatrixCell] = []
        for (position, element) in (reader.array("cells", problems: &problems) ?? []).enumerated() {
            let path = JSONPath.root.appending("cells").appending(index: position)
            guard let cellReader = JSONFieldReader(element, at: path, problems: &problems) else { continue }
            let stage = cellReader.nonEmptyString("stage", problems: &problems)
            let undercurrent = cellReader.nonEmptyString("undercurrent", problems: &problems)
            let topics = parseTopics(cellReader, at: path, problems: &problems)
            let questions = cellReader.strings("questions", required: false, problems: &problems) ?? []
            guard let stage, let undercurrent, let topics else { continue }
            var cell = MatrixCell(stage: stage, undercurrent: undercurrent, topics: topics.map(\.text), questionIDs: questions)
            cell.topicQuestionIDs = topics.map(\.questions)
            for id in topics.flatMap(\.questions) where !cell.questionIDs.contains(id) { cell.questionIDs.append(id) }
            cells.append(cell)
        }
        return cells
    }

    /// A cell's topics: plain strings, or `{"text", "questions"}` naming the questions that
    /// review each topic (the form the book's catalog uses, so a topic without one shows).
    static func parseTopics(_ cell: JSONFieldReader, at path: JSONPath,
                            problems: inout [ValidationProblem]) -> [(text: String, questions: [String])]? {
        guard let elements = cell.array("topics", problems: &problems) else { return nil }
        var topics: [(text: String, questions: [String])] = []
        for (position, element) in elements.enumerated() {
            let topicPath = path.appending("topics").appending(index: position)
            if case .string(let text) = element {
                topics.append((text, []))
            } else if case .object = element, let topic = JSONFieldReader(element, at: topicPath, problems: &problems) {
                let text = topic.nonEmptyString("text", problems: &problems)
                let questions = topic.strings("questions", required: false, problems: &problems) ?? []
                if let text { topics.append((text, questions)) }
            } else {
                problems.append(ValidationProblem(topicPath, "expected a string or an object with \"text\", found \(element.typeName)"))
            }
        }
        return topics
    }

    static func parseMaturity(_ value: JSONValue, problems: inout [ValidationProblem]) -> [MaturityStage] {
        guard let reader = JSONFieldReader(value, at: .root, problems: &problems) else { return [] }
        var stages: [MaturityStage] = []
        for (position, element) in (reader.array("stages", problems: &problems) ?? []).enumerated() {
            let path = JSONPath.root.appending("stages").appending(index: position)
            guard let stageReader = JSONFieldReader(element, at: path, problems: &problems) else { continue }
            let id = stageReader.nonEmptyString("id", problems: &problems)
            let title = stageReader.nonEmptyString("title", problems: &problems)
            let summary = stageReader.nonEmptyString("summary", problems: &problems)
            let focus = stageReader.strings("focus", problems: &problems)
            let pitfalls = stageReader.strings("pitfalls", problems: &problems)
            guard let id, let title, let summary, let focus, let pitfalls else { continue }
            stages.append(MaturityStage(id: id, title: title, summary: summary, focus: focus, pitfalls: pitfalls))
        }
        return stages
    }
}
