/// Whether an area is one of the five lifecycle stages or one of the six undercurrents
/// (the book's pack), or a neutral topic (every other pack).
public enum AreaKind: String, Sendable, CaseIterable {
    case stage
    case undercurrent
    case topic

    /// The heading over areas of this kind.
    public var heading: String {
        switch self {
        case .stage: "Lifecycle stages"
        case .undercurrent: "Undercurrents"
        case .topic: "Topics"
        }
    }

    /// What one area of this kind is called, in listings and the detail pane.
    public var label: String {
        switch self {
        case .stage: "lifecycle stage"
        case .undercurrent: "undercurrent"
        case .topic: "topic"
        }
    }
}

/// A stage or undercurrent with its questions and the guidance shown when it is selected.
public struct CatalogArea: Sendable, Equatable, Identifiable {
    public var id: String
    public var kind: AreaKind
    public var title: String
    /// A shorter title for narrow columns (sidebar, heat map); the title when none is given.
    public var shortTitle: String
    public var summary: String
    /// Why the area deserves review time, in the tone of the user's reading notes.
    public var whyItMatters: String
    public var pitfalls: [String]
    public var questions: [Question]

    public init(id: String, kind: AreaKind, title: String, shortTitle: String? = nil, summary: String, whyItMatters: String,
                pitfalls: [String], questions: [Question]) {
        self.id = id
        self.kind = kind
        self.title = title
        self.shortTitle = shortTitle ?? title
        self.summary = summary
        self.whyItMatters = whyItMatters
        self.pitfalls = pitfalls
        self.questions = questions
    }
}

/// The organisation's data maturity (chapter 1): what to focus on differs by stage.
public struct MaturityStage: Sendable, Equatable, Identifiable {
    public var id: String
    public var title: String
    public var summary: String
    public var focus: [String]
    public var pitfalls: [String]

    public init(id: String, title: String, summary: String, focus: [String], pitfalls: [String]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.focus = focus
        self.pitfalls = pitfalls
    }
}

/// One cell of the stage x undercurrent matrix: how an undercurrent shows up in a stage.
public struct MatrixCell: Sendable, Equatable {
    public var stage: String
    public var undercurrent: String
    public var topics: [String]
    /// Catalog questions that review this cell (ids from any area).
    public var questionIDs: [String]
    /// For each topic, the questions that review it (empty where the file names none).
    public var topicQuestionIDs: [[String]] = []

    public init(stage: String, undercurrent: String, topics: [String], questionIDs: [String]) {
        self.stage = stage
        self.undercurrent = undercurrent
        self.topics = topics
        self.questionIDs = questionIDs
    }
}
