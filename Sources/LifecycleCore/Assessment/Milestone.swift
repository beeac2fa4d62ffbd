/// A named, timestamped snapshot of an assessment's answers and metadata, kept inside
/// the assessment file (under "milestones") so it travels with it in git and
/// `FILE@LABEL` always resolves. Taking one adds a block to the file once; later answer
/// changes never touch it, so diffs stay readable.
public struct Milestone: Sendable, Equatable {
    public var label: String
    public var created: Timestamp
    public var name: String
    public var reviewers: [String]
    public var maturity: String?
    public var catalog: CatalogReference
    /// The packs reviewed when the milestone was frozen (empty: the book's alone).
    public var packs: [PackReference]
    public var answers: [String: Answer]

    public init(label: String, created: Timestamp, of assessment: Assessment) {
        self.label = label
        self.created = created
        name = assessment.name
        reviewers = assessment.reviewers
        maturity = assessment.maturity
        catalog = assessment.catalog
        packs = assessment.packs
        answers = assessment.answers
    }

    /// The snapshot as an assessment, for diffing and reporting.
    public var assessment: Assessment {
        var snapshot = Assessment(name: name, reviewers: reviewers, maturity: maturity, catalog: catalog, created: created, answers: answers)
        snapshot.updated = created
        snapshot.packs = packs
        return snapshot
    }
}

extension Milestone {
    var jsonValue: JSONValue {
        var answersObject: [String: JSONValue] = [:]
        for (id, answer) in answers where !answer.isEmpty { answersObject[id] = answer.jsonValue }
        var object: [String: JSONValue] = [
            "label": .string(label),
            "created": .string(created.text),
            "name": .string(name),
            "reviewers": .array(reviewers.map(JSONValue.string)),
            "catalog": catalog.jsonValue,
            "answers": .object(answersObject),
        ]
        if let maturity { object["maturity"] = .string(maturity) }
        if !packs.isEmpty { object["packs"] = .array(packs.map(\.jsonValue)) }
        return .object(object)
    }

    static func decode(_ value: JSONValue, at path: JSONPath, problems: inout [ValidationProblem]) -> Milestone? {
        let before = problems.count
        guard let reader = JSONFieldReader(value, at: path, problems: &problems) else { return nil }
        let label = reader.nonEmptyString("label", problems: &problems)
        let created = Assessment.timestamp(reader, "created", required: true, problems: &problems)
        let name = reader.string("name", problems: &problems)
        let reviewers = reader.strings("reviewers", required: false, problems: &problems) ?? []
        let maturity = reader.string("maturity", required: false, problems: &problems)
        var catalog: CatalogReference?
        if let object = reader.objectField("catalog", problems: &problems) {
            let catalogReader = JSONFieldReader(.object(object), at: path.appending("catalog"), problems: &problems)!
            if let id = catalogReader.string("id", problems: &problems), let version = catalogReader.string("version", problems: &problems) {
                catalog = CatalogReference(id: id, version: version, contentHash: catalogReader.string("hash", required: false, problems: &problems) ?? "")
            }
        }
        var answers: [String: Answer] = [:]
        for (id, answerValue) in reader.objectField("answers", required: false, problems: &problems) ?? [:] {
            if let answer = Answer.decode(answerValue, at: path.appending("answers").appending(id), problems: &problems) {
                answers[id] = answer
            }
        }
        var packs: [PackReference] = []
        for (position, element) in (reader.array("packs", required: false, problems: &problems) ?? []).enumerated() {
            guard let packReader = JSONFieldReader(element, at: path.appending("packs").appending(index: position), problems: &problems),
                  let id = packReader.nonEmptyString("id", problems: &problems),
                  let version = packReader.nonEmptyString("version", problems: &problems) else { continue }
            packs.append(PackReference(id: id, version: version, contentHash: packReader.string("hash", required: false, problems: &problems) ?? ""))
        }
        guard problems.count == before, let label, let created, let name, let catalog else { return nil }
        var snapshot = Assessment(name: name, reviewers: reviewers, maturity: maturity, catalog: catalog, created: created, answers: answers)
        snapshot.updated = created
        snapshot.packs = packs
        return Milestone(label: label, created: created, of: snapshot)
    }
}
