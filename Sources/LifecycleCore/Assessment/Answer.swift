/// A reviewer's answer to one question.
public struct Answer: Sendable, Equatable {
    public var status: AnswerStatus
    /// Free text, possibly several lines: evidence, links, what is missing.
    public var note: String
    /// Why the question does not apply (kept with not-applicable answers).
    public var reason: String
    /// Selected choice ids, for questions that carry choices. Empty otherwise.
    public var choices: [String]
    public var changed: Timestamp?
    /// Fields this build does not know (written by a newer minor version); kept on save.
    public var unknownFields: [String: JSONValue]

    public init(status: AnswerStatus = .unanswered, note: String = "", reason: String = "",
                choices: [String] = [], changed: Timestamp? = nil, unknownFields: [String: JSONValue] = [:]) {
        self.status = status
        self.note = note
        self.reason = reason
        self.choices = choices
        self.changed = changed
        self.unknownFields = unknownFields
    }

    /// An answer with nothing in it is not written to the file at all.
    public var isEmpty: Bool {
        status == .unanswered && note.isEmpty && reason.isEmpty && choices.isEmpty && unknownFields.isEmpty
    }

    public var hasNote: Bool { !note.isEmpty }
}
