/// Counts of answers over a set of questions (an area, a matrix cell, the whole catalog).
public struct Progress: Sendable, Equatable {
    public var total = 0
    public var addressed = 0
    public var partial = 0
    public var gaps = 0
    public var notApplicable = 0

    public init() {}

    public var answered: Int { addressed + partial + gaps + notApplicable }
    public var unanswered: Int { total - answered }

    /// Share of questions answered, 0...1 (1 for an empty set).
    public var fractionAnswered: Double { total == 0 ? 1 : Double(answered) / Double(total) }

    public mutating func count(_ status: AnswerStatus) {
        total += 1
        switch status {
        case .unanswered: break
        case .addressed: addressed += 1
        case .partial: partial += 1
        case .gap: gaps += 1
        case .notApplicable: notApplicable += 1
        }
    }

    /// Moves one question from one status to another without recounting the area, so
    /// ticking a question costs the same in an area of 10 or of 10,000 questions.
    public mutating func move(from old: AnswerStatus, to new: AnswerStatus) {
        guard old != new else { return }
        adjust(old, by: -1)
        adjust(new, by: 1)
    }

    private mutating func adjust(_ status: AnswerStatus, by delta: Int) {
        switch status {
        case .unanswered: break
        case .addressed: addressed += delta
        case .partial: partial += delta
        case .gap: gaps += delta
        case .notApplicable: notApplicable += delta
        }
    }

    public static func + (lhs: Progress, rhs: Progress) -> Progress {
        var sum = Progress()
        sum.total = lhs.total + rhs.total
        sum.addressed = lhs.addressed + rhs.addressed
        sum.partial = lhs.partial + rhs.partial
        sum.gaps = lhs.gaps + rhs.gaps
        sum.notApplicable = lhs.notApplicable + rhs.notApplicable
        return sum
    }
}

extension Assessment {
    /// Counts over `ids`; an excluded answer is left out altogether (not even in the total).
    public func progress(ofQuestions ids: [String]) -> Progress {
        var progress = Progress()
        for id in ids { count(id, into: &progress) }
        return progress
    }

    public func progress(of area: CatalogArea) -> Progress {
        var progress = Progress()
        for question in area.questions { count(question.id, into: &progress) }
        return progress
    }

    private func count(_ id: String, into progress: inout Progress) {
        guard let answer = answers[id] else { return progress.count(.unanswered) }
        if !answer.isExcluded { progress.count(answer.status) }
    }

    /// Progress over every question of the catalog (answers to unknown ids not counted).
    public func overallProgress(in catalog: Catalog) -> Progress {
        catalog.areas.reduce(Progress()) { $0 + progress(of: $1) }
    }
}
