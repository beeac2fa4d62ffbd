/// One key engineering question of the catalog.
public struct Question: Sendable, Equatable, Identifiable {
    /// Stable key in saved assessments, `<area id>.<slug>`. Never reused for another meaning.
    public var id: String
    public var text: String
    /// One line that tells the reviewer what a good answer looks like.
    public var hint: String
    public var tags: [String]
    /// Chapter of *Fundamentals of Data Engineering* the question comes from.
    public var chapter: Int
    /// Optional fixed choices (as Well-Architected lenses have). Empty for plain questions;
    /// saved files without choices stay valid when a question gains them.
    public var choices: [QuestionChoice]

    public init(id: String, text: String, hint: String, tags: [String], chapter: Int, choices: [QuestionChoice] = []) {
        self.id = id
        self.text = text
        self.hint = hint
        self.tags = tags
        self.chapter = chapter
        self.choices = choices
    }
}

/// One selectable choice of a question that has choices.
public struct QuestionChoice: Sendable, Equatable, Identifiable {
    public var id: String
    public var text: String

    public init(id: String, text: String) {
        self.id = id
        self.text = text
    }
}
