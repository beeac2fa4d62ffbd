/// A question bank: the book's lifecycle questions, a team's own standards, or an
/// imported AWS custom lens. Areas and question ids are scoped by the pack's id, so two
/// packs may both have an area `security` (`fundamentals:security.…` vs `wa:security.…`).
public struct Pack: Sendable, Equatable {
    /// Lowercase letters, digits and `-`, e.g. `fundamentals`, `operational-readiness`.
    public var id: String
    public var version: String
    public var title: String
    public var description: String
    /// Where the content comes from and under which licence.
    public var source: String
    public var statusRisk: StatusRisk
    public var areas: [CatalogArea]
    /// Where questions went between versions (see `QuestionMove`).
    public var moves: [QuestionMove] = []

    public init(id: String, version: String, title: String, description: String, source: String,
                statusRisk: StatusRisk = .standard, areas: [CatalogArea], moves: [QuestionMove] = []) {
        self.moves = moves
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.source = source
        self.statusRisk = statusRisk
        self.areas = areas
    }

    public var questions: [Question] { areas.flatMap(\.questions) }
    public var questionCount: Int { areas.reduce(0) { $0 + $1.questions.count } }
    public var choiceQuestionCount: Int { areas.reduce(0) { $0 + $1.questions.count(where: \.isAnsweredByChoices) } }

    public func question(id: String) -> Question? {
        for area in areas {
            if let question = area.questions.first(where: { $0.id == id }) { return question }
        }
        return nil
    }

    /// `PACK_ID:QUESTION_ID`, the name a question has in files and every output.
    public func qualifiedID(_ questionID: String) -> String { id + ":" + questionID }

    /// A hash of the pack's canonical JSON: tells two packs with one version apart.
    public var contentHash: String {
        var hasher = FNV1a()
        hasher.combine(PackEncoder.bytes(self))
        return "fnv1a64:" + hasher.hexDigest
    }
}

/// The limits `lifecycle pack validate` enforces: far above any real pack (an AWS lens
/// holds at most 200 questions), low enough that a hostile file cannot stall the program.
public enum PackLimits {
    public static let fileBytes = 64 << 20
    public static let areas = 200
    public static let questions = 20_000
    public static let choicesPerQuestion = 50
    public static let rulesPerQuestion = 10
    public static let idLength = 128
    public static let titleLength = 512
    public static let textLength = 8192
    public static let moves = 10_000
}
