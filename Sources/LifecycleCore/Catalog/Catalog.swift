/// The whole question catalog: areas in lifecycle order (five stages, then six
/// undercurrents), the stage x undercurrent matrix and the maturity stages.
public struct Catalog: Sendable {
    public var id: String
    public var title: String
    public var version: String
    /// FNV-1a hash of the catalog's files, so an assessment can tell whether it was
    /// made against exactly this content even when the version string was not bumped.
    public var contentHash: String
    public var source: String
    public var areas: [CatalogArea]
    public var matrix: [MatrixCell]
    public var maturityStages: [MaturityStage]
    /// The tag vocabulary: each tag with what it means. When given, every question's tags
    /// come from it (checked on load).
    public var tagMeanings: [String: String] = [:]

    private var locationByQuestionID: [String: QuestionLocation]

    /// Where a question sits: its area's and its own position.
    public struct QuestionLocation: Sendable, Equatable {
        public var areaIndex: Int
        public var questionIndex: Int
    }

    public init(id: String, title: String, version: String, contentHash: String, source: String,
                areas: [CatalogArea], matrix: [MatrixCell], maturityStages: [MaturityStage]) {
        self.id = id
        self.title = title
        self.version = version
        self.contentHash = contentHash
        self.source = source
        self.areas = areas
        self.matrix = matrix
        self.maturityStages = maturityStages
        var locations: [String: QuestionLocation] = [:]
        locations.reserveCapacity(areas.reduce(0) { $0 + $1.questions.count })
        for (areaIndex, area) in areas.enumerated() {
            for (questionIndex, question) in area.questions.enumerated() {
                locations[question.id] = QuestionLocation(areaIndex: areaIndex, questionIndex: questionIndex)
            }
        }
        self.locationByQuestionID = locations
    }

    public var stages: [CatalogArea] { areas.filter { $0.kind == .stage } }
    public var undercurrents: [CatalogArea] { areas.filter { $0.kind == .undercurrent } }
    public var questionCount: Int { areas.reduce(0) { $0 + $1.questions.count } }
    /// Distinct question ids (fewer than `questionCount` only in a catalog with duplicates).
    var questionIndexCount: Int { locationByQuestionID.count }

    public func area(id: String) -> CatalogArea? { areas.first { $0.id == id } }

    public func location(ofQuestion id: String) -> QuestionLocation? { locationByQuestionID[id] }

    public func question(id: String) -> Question? {
        guard let location = locationByQuestionID[id] else { return nil }
        return areas[location.areaIndex].questions[location.questionIndex]
    }

    public func containsQuestion(_ id: String) -> Bool { locationByQuestionID[id] != nil }

    public func maturityStage(id: String) -> MaturityStage? { maturityStages.first { $0.id == id } }

    public func cell(stage: String, undercurrent: String) -> MatrixCell? {
        matrix.first { $0.stage == stage && $0.undercurrent == undercurrent }
    }

    /// The core set alone: every area keeps only its core questions (areas without any
    /// go), for `questions --core`, `report --core` and the explorer's filter.
    public var coreOnly: Catalog {
        let areas = self.areas.compactMap { area -> CatalogArea? in
            var area = area
            area.questions = area.questions.filter(\.isCore)
            return area.questions.isEmpty ? nil : area
        }
        var core = Catalog(id: id, title: title, version: version, contentHash: contentHash, source: source,
                           areas: areas, matrix: matrix, maturityStages: maturityStages)
        core.tagMeanings = tagMeanings
        return core
    }

    /// The reference an assessment records about the catalog it was made against.
    public var reference: CatalogReference {
        CatalogReference(id: id, version: version, contentHash: contentHash)
    }
}

/// Which catalog an assessment was made against.
public struct CatalogReference: Sendable, Equatable {
    public var id: String
    public var version: String
    public var contentHash: String

    public init(id: String, version: String, contentHash: String) {
        self.id = id
        self.version = version
        self.contentHash = contentHash
    }
}
