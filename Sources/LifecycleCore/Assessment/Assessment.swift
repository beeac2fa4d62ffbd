import FoundationEssentials

/// One architecture review of one system: who reviewed it, at which maturity stage, and
/// the answers keyed by question id.
public struct Assessment: Sendable, Equatable {
    /// The newest file format this build reads and writes. Files with a higher number are
    /// refused rather than misread. A file answering only the book's pack is written as
    /// version 1, which every build reads; one with other packs as version 2.
    public static let formatVersion = 2

    public var name: String
    public var reviewers: [String]
    /// A `MaturityStage` id (starting, scaling, leading), or nil when not recorded.
    public var maturity: String?
    public var catalog: CatalogReference
    /// The packs answered (format version 2); empty means the book's pack alone.
    public var packs: [PackReference] = []
    public var created: Timestamp
    /// When the name, reviewers or maturity last changed. Answer changes carry their own
    /// time, so that changing one answer changes only that answer's lines in git.
    public var updated: Timestamp
    /// Answers keyed by question id. Ids the catalog does not know are kept, never dropped.
    public var answers: [String: Answer]
    /// Frozen snapshots, oldest first (see `Milestone`).
    public var milestones: [Milestone] = []
    /// Top-level fields this build does not know; kept on save.
    public var unknownFields: [String: JSONValue]
    /// Speeds up the next save (see `AnswerEncodingCache`); not part of the value.
    let encodingCache = AnswerEncodingCacheSlot()

    public init(name: String, reviewers: [String] = [], maturity: String? = nil,
                catalog: CatalogReference, created: Timestamp = .now(), answers: [String: Answer] = [:]) {
        self.name = name
        self.reviewers = reviewers
        self.maturity = maturity
        self.catalog = catalog
        self.created = created
        self.updated = created
        self.answers = answers
        self.unknownFields = [:]
    }

    /// The ids of the packs this assessment answers, in order.
    public var packIDs: [String] { packs.isEmpty ? [PackLibrary.fundamentalsID] : packs.map(\.id) }

    /// The format version this assessment is written in.
    public var writtenFormatVersion: Int { packs.isEmpty ? 1 : 2 }

    public func answer(for questionID: String) -> Answer {
        answers[questionID] ?? Answer()
    }

    public func status(of questionID: String) -> AnswerStatus {
        answers[questionID]?.status ?? .unanswered
    }

    /// Replaces one answer, stamping its change time; an emptied answer is removed.
    public mutating func setAnswer(_ answer: Answer, for questionID: String, at time: Timestamp = .now()) {
        var stamped = answer
        stamped.changed = time
        if stamped.isEmpty {
            answers.removeValue(forKey: questionID)
        } else {
            answers[questionID] = stamped
        }
    }

    /// Convenience for the common edit: change the status, keep the note.
    public mutating func setStatus(_ status: AnswerStatus, for questionID: String, at time: Timestamp = .now()) {
        var answer = self.answer(for: questionID)
        answer.status = status
        setAnswer(answer, for: questionID, at: time)
    }

    /// Answers whose question is not in the given catalog (removed, renamed, or from
    /// another catalog). They are reported, and saved back unchanged.
    public func unknownQuestionIDs(in catalog: Catalog) -> [String] {
        answers.keys.filter { !catalog.containsQuestion($0) }.sorted()
    }

    public func milestone(labelled label: String) -> Milestone? {
        milestones.first { $0.label == label }
    }

    /// Freezes the current answers under a label; labels are unique within a file.
    public mutating func addMilestone(label: String, at time: Timestamp = .now()) throws(MilestoneError) {
        let trimmed = label.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptyLabel }
        guard milestone(labelled: trimmed) == nil else { throw .duplicateLabel(trimmed) }
        milestones.append(Milestone(label: trimmed, created: time, of: self))
    }

    /// The latest change of anything in the assessment.
    public var lastChange: Timestamp {
        answers.values.compactMap(\.changed).reduce(updated) { max($0, $1) }
    }
}

public enum MilestoneError: Error, Equatable, CustomStringConvertible {
    case emptyLabel
    case duplicateLabel(String)

    public var description: String {
        switch self {
        case .emptyLabel: "a milestone needs a label"
        case .duplicateLabel(let label): "a milestone labelled \"\(TerminalSafeText.escaped(label))\" already exists"
        }
    }
}
