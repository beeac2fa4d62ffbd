/// Where a pack's questions went between versions, so that answers follow them: one entry
/// per change, tagged with the version that made it. `from` one and `to` one: renamed (the
/// answer moves as it is); many to one: merged; one to many: split; nothing to some: new
/// questions; some to nothing: retired (their answers are kept, as for any unknown id).
public struct QuestionMove: Sendable, Equatable {
    public var version: String
    public var from: [String]
    public var to: [String]

    public init(version: String, from: [String], to: [String]) {
        self.version = version
        self.from = from
        self.to = to
    }

    public enum Kind: String, Sendable {
        case renamed, merged, split, added, retired
    }

    public var kind: Kind {
        switch (from.count, to.count) {
        case (0, _): .added
        case (_, 0): .retired
        case (1, 1): .renamed
        case (_, 1): .merged
        default: .split
        }
    }
}

/// Dotted version order: `1.10.0` after `1.9.2`; parts that are not numbers compare as text.
public enum PackVersion {
    public static func isOlder(_ left: String, than right: String) -> Bool {
        let a = left.split(separator: "."), b = right.split(separator: ".")
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? String(a[index]) : "0", y = index < b.count ? String(b[index]) : "0"
            if x == y { continue }
            if let i = Int(x), let j = Int(y) { return i < j }
            return x < y
        }
        return false
    }
}

/// What an upgrade did to one pack's answers, for `lifecycle upgrade` to report.
public struct PackUpgradeReport: Sendable, Equatable {
    public var pack: String
    public var from: String
    public var to: String
    /// "renamed a -> b", "merged a, b -> c", "split a -> b, c", one line per move that
    /// carried an answer.
    public var moved: [String] = []
    /// Questions new since the recorded version.
    public var added: [String] = []
    /// Answered questions that no longer exist (kept, shown by id).
    public var retired: [String] = []
}

public enum PackUpgrade {
    /// The label of the milestone frozen before an upgrade, as AWS's tool does.
    public static func milestoneLabel(pack: String, version: String) -> String {
        "before \(pack) \(version)"
    }

    /// The assessment with every pack that is newer than the version it recorded brought
    /// up to date: a milestone of the old answers is frozen first, then the answers follow
    /// the moves. Nothing is dropped and nothing becomes more favourable by moving.
    /// Whether any pack of the review is newer than the version the assessment recorded.
    public static func isNeeded(_ review: ComposedReview) -> Bool {
        review.otherVersions.contains { PackVersion.isOlder($0.recorded.version, than: $0.found.version) }
    }

    public static func upgrade(_ assessment: Assessment, review: ComposedReview, packs only: Set<String>? = nil,
                               at time: Timestamp) -> (Assessment, [PackUpgradeReport]) {
        var upgraded = assessment
        var reports: [PackUpgradeReport] = []
        for (recorded, pack) in review.otherVersions where only?.contains(pack.id) ?? true {
            guard PackVersion.isOlder(recorded.version, than: pack.version) else { continue }
            let label = milestoneLabel(pack: pack.id, version: recorded.version)
            if upgraded.milestone(labelled: label) == nil { try? upgraded.addMilestone(label: label, at: time) }
            var report = PackUpgradeReport(pack: pack.id, from: recorded.version, to: pack.version)
            let moves = pack.moves.filter { PackVersion.isOlder(recorded.version, than: $0.version) && !PackVersion.isOlder(pack.version, than: $0.version) }
            for move in moves {
                let key = { (id: String) in PackKey.answerKey(pack: pack.id, question: id) }
                switch move.kind {
                case .added:
                    report.added += move.to.map { pack.id + ":" + $0 }
                case .retired:
                    report.retired += move.from.filter { upgraded.answers[key($0)] != nil }.map { pack.id + ":" + $0 }
                case .renamed, .merged, .split:
                    if let line = apply(move, keys: key, to: &upgraded, at: time, pack: pack.id) { report.moved.append(line) }
                }
            }
            if let index = upgraded.packs.firstIndex(where: { $0.id == pack.id }) {
                upgraded.packs[index] = PackReference(pack)
            }
            if pack.id == PackLibrary.fundamentalsID {
                upgraded.catalog = CatalogReference(id: upgraded.catalog.id, version: pack.version, contentHash: review.catalog.contentHash)
            }
            reports.append(report)
        }
        return (upgraded, reports)
    }

    /// Moves the answers of one entry; nil when none of its old questions had an answer.
    static func apply(_ move: QuestionMove, keys key: (String) -> String, to assessment: inout Assessment,
                      at time: Timestamp, pack: String) -> String? {
        let old = move.from.compactMap { id in assessment.answers[key(id)].map { (id, $0) } }
        guard !old.isEmpty else { return nil }
        for (id, _) in old { assessment.answers.removeValue(forKey: key(id)) }
        let describe = "\(move.kind.rawValue) \(move.from.joined(separator: ", ")) -> \(move.to.joined(separator: ", "))"
        switch move.kind {
        case .renamed:
            let target = key(move.to[0])
            assessment.answers[target] = combine([(move.from[0], old[0].1)] + existing(target, in: assessment), labelled: assessment.answers[target] != nil)
        case .merged:
            let target = key(move.to[0])
            assessment.answers[target] = combine(old + existing(target, in: assessment), labelled: true)
        case .split:
            let (id, answer) = old[0]
            for newID in move.to {
                var fresh = assessment.answers[key(newID)] ?? Answer()
                fresh.note = joined(fresh.note, labelledNote(id, answer))
                fresh.changed = time
                if !fresh.isEmpty { assessment.answers[key(newID)] = fresh }
            }
        case .added, .retired:
            return nil
        }
        return "\(pack): \(describe)"
    }

    private static func existing(_ key: String, in assessment: Assessment) -> [(String, Answer)] {
        assessment.answers[key].map { [(PackKey.question(of: key), $0)] } ?? []
    }

    /// Several answers as one: the least favourable status (a gap stays a gap), every note
    /// kept, labelled with the question it came from when there are several.
    static func combine(_ answers: [(String, Answer)], labelled: Bool) -> Answer {
        guard answers.count > 1 || labelled else { return answers[0].1 }
        var result = Answer()
        let rated = answers.map(\.1.status).filter { $0.rank != nil }
        result.status = rated.min { ($0.rank ?? 0) < ($1.rank ?? 0) }
            ?? (answers.contains { $0.1.status == .notApplicable } ? .notApplicable : .unanswered)
        if result.status == .notApplicable {
            result.reason = answers.map(\.1.reason).filter { !$0.isEmpty }.joined(separator: "; ")
        }
        result.note = answers.map { labelledNote($0.0, $0.1) }.filter { !$0.isEmpty }.joined(separator: "\n")
        result.changed = answers.compactMap(\.1.changed).max()
        // Choices belong to one question's rules: kept only when a single answer carries them.
        let withChoices = answers.filter { !$0.1.choices.isEmpty }
        if answers.count == 1 { result.choices = answers[0].1.choices }
        else if !withChoices.isEmpty {
            result.note = joined(result.note, withChoices.map { "[from \($0.0)] choices: \($0.1.choices.joined(separator: ", "))" }.joined(separator: "\n"))
        }
        return result
    }

    /// `[from old.id, gap] the note`: where a note came from, and the status it had there.
    static func labelledNote(_ id: String, _ answer: Answer) -> String {
        let status = answer.status == .unanswered ? "" : ", \(answer.status.label)"
        let body = answer.note.isEmpty ? "" : " " + answer.note
        return answer.note.isEmpty && answer.status == .unanswered ? "" : "[from \(id)\(status)]\(body)"
    }

    private static func joined(_ first: String, _ second: String) -> String {
        [first, second].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
