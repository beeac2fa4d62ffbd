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

/// Version order as people write versions: runs of digits compare as numbers, the rest as
/// text, so `1.10` follows `1.9`, `v10` follows `v9` and `1.0-rc10` follows `1.0-rc2`.
public enum PackVersion {
    public static func isOlder(_ left: String, than right: String) -> Bool {
        let a = chunks(left), b = chunks(right)
        for index in 0..<max(a.count, b.count) {
            let x = index < a.count ? a[index] : "0", y = index < b.count ? b[index] : "0"
            if x == y { continue }
            if let i = Int(x), let j = Int(y) { return i < j }
            return x < y
        }
        return false
    }

    /// `1.0-rc10` → ["1", "0", "rc", "10"]: separators dropped, digits apart from letters.
    static func chunks(_ version: String) -> [String] {
        var result: [String] = []
        var current = ""
        var digits = false
        for character in version.lowercased() {
            guard character.isLetter || character.isNumber else {
                if !current.isEmpty { result.append(current); current = "" }
                continue
            }
            if !current.isEmpty && character.isNumber != digits { result.append(current); current = "" }
            digits = character.isNumber
            current.append(character)
        }
        if !current.isEmpty { result.append(current) }
        return result
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
    /// The milestone that keeps the answers as they were.
    public var milestone = ""
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
        review.otherVersions.contains { !applicableMoves($0.found, since: $0.recorded.version).isEmpty }
    }

    /// The moves made after `version`, up to the pack's own, oldest first: a chain across
    /// several versions applies in order.
    static func applicableMoves(_ pack: Pack, since version: String) -> [QuestionMove] {
        guard PackVersion.isOlder(version, than: pack.version) else { return [] }
        let moves = pack.moves.filter { PackVersion.isOlder(version, than: $0.version) && !PackVersion.isOlder(pack.version, than: $0.version) }
        return moves.enumerated().sorted { first, second in
            PackVersion.isOlder(first.element.version, than: second.element.version)
                || (!PackVersion.isOlder(second.element.version, than: first.element.version) && first.offset < second.offset)
        }.map(\.element)
    }

    public static func upgrade(_ assessment: Assessment, review: ComposedReview, packs only: Set<String>? = nil,
                               at time: Timestamp) -> (Assessment, [PackUpgradeReport]) {
        var upgraded = assessment
        var reports: [PackUpgradeReport] = []
        for (recorded, pack) in review.otherVersions where only?.contains(pack.id) ?? true {
            // A pack whose new version moved nothing needs no upgrade: its answers match by id.
            let moves = applicableMoves(pack, since: recorded.version)
            guard !moves.isEmpty else { continue }
            // Frozen at the time of the last change, not now: two reviewers upgrading the
            // same file on two branches freeze the same milestone, which merges as one.
            var label = milestoneLabel(pack: pack.id, version: recorded.version)
            var suffix = 2
            while upgraded.milestone(labelled: label) != nil { label = milestoneLabel(pack: pack.id, version: recorded.version) + " (\(suffix))"; suffix += 1 }
            try? upgraded.addMilestone(label: label, at: assessment.lastChange)
            var report = PackUpgradeReport(pack: pack.id, from: recorded.version, to: pack.version)
            report.milestone = label
            for move in moves {
                let key = { (id: String) in PackKey.answerKey(pack: pack.id, question: id) }
                switch move.kind {
                case .added:
                    report.added += move.to.map { pack.id + ":" + $0 }
                case .retired:
                    report.retired += move.from.filter { upgraded.answers[key($0)] != nil }.map { pack.id + ":" + $0 }
                case .renamed, .merged, .split:
                    if let line = apply(move, keys: key, to: &upgraded, at: time, pack: pack) { report.moved.append(line) }
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
                      at time: Timestamp, pack: Pack) -> String? {
        let old = move.from.compactMap { id in assessment.answers[key(id)].map { (id, $0) } }
        guard !old.isEmpty else { return nil }
        for (id, _) in old { assessment.answers.removeValue(forKey: key(id)) }
        let describe = "\(move.kind.rawValue) \(move.from.joined(separator: ", ")) -> \(move.to.joined(separator: ", "))"
        switch move.kind {
        case .renamed, .merged:
            let target = key(move.to[0])
            let existing = assessment.answers[target].map { [(PackKey.question(of: target), $0)] } ?? []
            let labelled = move.kind == .merged || !existing.isEmpty
            assessment.answers[target] = fitted(combine(old + existing, labelled: labelled), to: pack.question(id: move.to[0]))
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
        return "\(pack.id): \(describe)"
    }

    /// An answer made fit for the question it moved to: a question answered by choices
    /// takes its status from its choices (none kept: unanswered, the old status in the
    /// note); one answered by status keeps the status and carries old choices in the note.
    static func fitted(_ answer: Answer, to question: Question?) -> Answer {
        guard let question else { return answer }
        var result = answer
        if question.isAnsweredByChoices {
            let known = answer.choices.filter { question.choice(id: $0) != nil }
            if known != answer.choices || known.isEmpty, answer.status != .notApplicable {
                if known.isEmpty && answer.status != .unanswered {
                    result.note = joined(result.note, "[was \(answer.status.label) before the move; tick the choices that apply]")
                }
                result.choices = known
                result.status = known.isEmpty ? .unanswered : StatusRisk.status(for: question.risk(selected: Set(known)))
            }
        } else if !answer.choices.isEmpty {
            result.note = joined(result.note, "[choices before the move: \(answer.choices.joined(separator: ", "))]")
            result.choices = []
        }
        return result
    }

    /// Several answers as one: the least favourable status (a gap stays a gap), every note
    /// and reason kept, labelled with the question it came from when there are several.
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
        if answers.count == 1 { result.choices = answers[0].1.choices }
        return result
    }

    /// `[from old.id, gap] the note`: where a note came from, the status it had there, and
    /// its reason and ticked choices, so a move never drops what was written.
    static func labelledNote(_ id: String, _ answer: Answer) -> String {
        var label = "[from \(id)"
        if answer.status != .unanswered { label += ", \(answer.status.label)" }
        if !answer.reason.isEmpty { label += ": \(answer.reason)" }
        if !answer.choices.isEmpty { label += "; choices \(answer.choices.joined(separator: ", "))" }
        label += "]"
        let empty = answer.note.isEmpty && answer.status == .unanswered && answer.choices.isEmpty
        return empty ? "" : label + (answer.note.isEmpty ? "" : " " + answer.note)
    }

    private static func joined(_ first: String, _ second: String) -> String {
        [first, second].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
