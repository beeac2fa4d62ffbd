/// One side of a comparison: an assessment file's current state or one of its milestones.
public struct DiffSide: Sendable {
    /// How the side is named in output: "payments.json", "payments.json@Q3 review".
    public var label: String
    public var assessment: Assessment

    public init(label: String, assessment: Assessment) {
        self.label = label
        self.assessment = assessment
    }
}

/// What happened to one question between the two sides.
public struct QuestionChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// gap -> partial -> addressed, upwards.
        case improved
        /// The reverse: addressed -> partial -> gap, downwards.
        case regressed
        /// Unanswered before, answered now.
        case newlyAnswered = "newly-answered"
        /// Answered before, unanswered now.
        case newlyUnanswered = "newly-unanswered"
        /// To or from not applicable: neither better nor worse.
        case statusChanged = "status-changed"
        /// Same status; only the note, reason, choices or plan fields changed.
        case detailsChanged = "details-changed"
    }

    public var questionID: String
    public var kind: Kind
    public var before: Answer
    public var after: Answer
    /// False when the question is not in the catalog this build carries (a retired
    /// question, or another catalog version on one side).
    public var inCatalog: Bool

    public var noteChanged: Bool { before.note != after.note }
    public var reasonChanged: Bool { before.reason != after.reason }
    public var choicesAdded: [String] { after.choices.filter { !before.choices.contains($0) } }
    public var choicesRemoved: [String] { before.choices.filter { !after.choices.contains($0) } }

    /// `choices: +a +b -c` for a question answered by choices; nil when they did not change.
    public var choicesSummary: String? {
        let parts = choicesAdded.map { "+" + $0 } + choicesRemoved.map { "-" + $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }

    /// `risk high -> none` for a question answered by choices whose risk changed.
    public func riskSummary(_ question: Question?) -> String? {
        guard let question, question.isAnsweredByChoices else { return nil }
        let old = question.risk(of: before).name, new = question.risk(of: after).name
        return old == new ? nil : "risk \(old) -> \(new)"
    }

    /// "Worse" for `--fail-on regression`: a lower status, or an answer taken away.
    public var isWorse: Bool { kind == .regressed || kind == .newlyUnanswered }
}

/// Per-area result: progress before and after, and the changed questions in catalog order.
public struct AreaDiff: Sendable {
    public var area: CatalogArea
    public var before: Progress
    public var after: Progress
    public var changes: [QuestionChange]
    /// Questions unanswered on both sides.
    public var neverAnswered: [String]

    public var improvements: Int { changes.filter { $0.kind == .improved }.count }
    public var regressions: Int { changes.filter { $0.kind == .regressed }.count }
}

/// A metadata field that differs (name, reviewers, maturity, catalog).
public struct MetadataChange: Sendable, Equatable {
    public var field: String
    public var before: String
    public var after: String
}

/// The semantic difference between two assessments, per question, grouped by area in
/// lifecycle order.
public struct AssessmentDiff: Sendable {
    public var left: DiffSide
    public var right: DiffSide
    public var catalog: Catalog
    public var metadata: [MetadataChange]
    public var areas: [AreaDiff]
    /// Changes to answers whose question the catalog does not know.
    public var outsideCatalog: [QuestionChange]
    /// Findings opened, closed, re-owned, re-dated and newly overdue (set by the caller,
    /// which knows today and each pack's status mapping).
    public var plan = PlanChanges()

    public var allChanges: [QuestionChange] { areas.flatMap(\.changes) + outsideCatalog }
    public var isEmpty: Bool { metadata.isEmpty && allChanges.isEmpty }
    public var hasWorse: Bool { allChanges.contains { $0.isWorse } }
    public var catalogsDiffer: Bool { left.assessment.catalog != right.assessment.catalog }

    public init(left: DiffSide, right: DiffSide, catalog: Catalog) {
        self.left = left
        self.right = right
        self.catalog = catalog
        let a = left.assessment, b = right.assessment
        var metadata: [MetadataChange] = []
        if a.name != b.name { metadata.append(MetadataChange(field: "name", before: a.name, after: b.name)) }
        if a.reviewers != b.reviewers {
            func list(_ names: [String]) -> String { names.isEmpty ? "(none)" : names.joined(separator: ", ") }
            metadata.append(MetadataChange(field: "reviewers", before: list(a.reviewers), after: list(b.reviewers)))
        }
        if a.maturity != b.maturity {
            metadata.append(MetadataChange(field: "maturity", before: a.maturity ?? "(not recorded)", after: b.maturity ?? "(not recorded)"))
        }
        if a.catalog != b.catalog {
            metadata.append(MetadataChange(field: "catalog", before: "\(a.catalog.id) \(a.catalog.version)", after: "\(b.catalog.id) \(b.catalog.version)"))
        }
        if a.packIDs != b.packIDs {
            metadata.append(MetadataChange(field: "packs", before: a.packIDs.joined(separator: ", "), after: b.packIDs.joined(separator: ", ")))
        }
        self.metadata = metadata
        // One lookup per question and side: with 10,000 questions, repeated lookups
        // (answer, status, progress) were most of the comparison.
        var knownBefore = 0, knownAfter = 0
        areas = catalog.areas.map { area in
            var changes: [QuestionChange] = []
            var never: [String] = []
            var before = Progress(), after = Progress()
            for question in area.questions {
                let oldAnswer = a.answers[question.id], newAnswer = b.answers[question.id]
                if oldAnswer != nil { knownBefore += 1 }
                if newAnswer != nil { knownAfter += 1 }
                let old = oldAnswer ?? Answer(), new = newAnswer ?? Answer()
                // An excluded answer is in no count, as in `show` and the explorer.
                if !old.isExcluded { before.count(old.status) }
                if !new.isExcluded { after.count(new.status) }
                if let change = AssessmentDiff.change(question.id, old, new, inCatalog: true) {
                    changes.append(change)
                } else if old.status == .unanswered {
                    never.append(question.id)
                }
            }
            return AreaDiff(area: area, before: before, after: after, changes: changes, neverAnswered: never)
        }
        // Answers to questions outside the catalog: only looked for when the counts above
        // say there are some (checking 20,000 ids against the catalog took 4 ms).
        var unknownIDs = Set<String>()
        if knownBefore != a.answers.count { unknownIDs.formUnion(a.answers.keys.filter { !catalog.containsQuestion($0) }) }
        if knownAfter != b.answers.count { unknownIDs.formUnion(b.answers.keys.filter { !catalog.containsQuestion($0) }) }
        outsideCatalog = unknownIDs.sorted().compactMap { AssessmentDiff.change($0, a.answer(for: $0), b.answer(for: $0), inCatalog: false) }
    }

    static func change(_ id: String, _ before: Answer, _ after: Answer, inCatalog: Bool) -> QuestionChange? {
        let kind: QuestionChange.Kind
        if before.status == after.status {
            guard before.note != after.note || before.reason != after.reason || before.choices != after.choices
                || !before.samePlan(as: after) else { return nil }
            kind = .detailsChanged
        } else if before.status == .unanswered {
            kind = .newlyAnswered
        } else if after.status == .unanswered {
            kind = .newlyUnanswered
        } else if let from = before.status.rank, let to = after.status.rank {
            kind = to > from ? .improved : .regressed
        } else {
            kind = .statusChanged
        }
        return QuestionChange(questionID: id, kind: kind, before: before, after: after, inCatalog: inCatalog)
    }
}

/// Changed lines between two notes, for output: a small line diff (longest common
/// subsequence), good for the few lines notes have.
public enum LineDiff {
    public enum Line: Equatable, Sendable {
        case same(String), removed(String), added(String)
    }

    public static func lines(_ old: String, _ new: String) -> [Line] {
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Notes are short; cap the table so a pathological note cannot cost quadratic time.
        guard a.count * b.count <= 1_000_000 else { return a.map(Line.removed) + b.map(Line.added) }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [Line] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { result.append(.same(a[i])); i += 1; j += 1 }
            else if table[i + 1][j] >= table[i][j + 1] { result.append(.removed(a[i])); i += 1 }
            else { result.append(.added(b[j])); j += 1 }
        }
        result += a[i...].map(Line.removed) + b[j...].map(Line.added)
        return result
    }
}
