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
    /// What backs the answer up: links, repository paths, tickets.
    public var evidence: [Evidence] = []
    /// Who acts on the finding (a team or a handle); empty when nobody is named.
    public var owner: String = ""
    public var due: CalendarDate?
    /// A reviewer's priority over the one the risk gives.
    public var priority: FindingPriority?
    /// Why the answer is left out of every count and of the plan; empty when it counts.
    public var exclusion: String = ""
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
            && evidence.isEmpty && owner.isEmpty && due == nil && priority == nil && exclusion.isEmpty
    }

    /// Listed, never counted: progress, risk, scores and the plan leave it out.
    public var isExcluded: Bool { !exclusion.isEmpty }

    public var hasNote: Bool { !note.isEmpty }
}
