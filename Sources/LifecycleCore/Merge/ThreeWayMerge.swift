/// One thing both sides changed differently.
public struct MergeConflict: Sendable, Equatable, CustomStringConvertible {
    public var subject: String
    public var detail: String

    public var description: String { "\(subject): \(detail)" }
}

/// Result of merging two lines of work on one assessment.
public struct MergeResult: Sendable {
    public var merged: Assessment
    public var conflicts: [MergeConflict]
    /// True when the three sides were made against more than one catalog version.
    public var catalogsDiffer: Bool
}

/// A three-way merge of assessments, per answer, as a git merge driver needs: a change on
/// one side only is taken; the same change on both sides is taken once; different changes
/// to the same answer are a conflict. A conflicting answer keeps our status and carries
/// both versions in its note between git-style markers, so the file stays valid, opens in
/// the explorer, and the reviewer resolves it there.
public enum ThreeWayMerge {
    public static let oursMarker = "<<<<<<< ours"
    public static let separatorMarker = "======="
    public static let theirsMarker = ">>>>>>> theirs"

    /// `question`: looks up a question by answer key, so answers by choices can be merged
    /// choice by choice (nil: whole answers only).
    public static func merge(base: Assessment, ours: Assessment, theirs: Assessment,
                             question: ((String) -> Question?)? = nil) -> MergeResult {
        var merged = ours
        var conflicts: [MergeConflict] = []

        // Metadata.
        merged.name = pick(base.name, ours.name, theirs.name, subject: "name", conflicts: &conflicts)
        merged.maturity = pick(base.maturity, ours.maturity, theirs.maturity, subject: "maturity", conflicts: &conflicts)
        if ours.reviewers != theirs.reviewers {
            if ours.reviewers == base.reviewers { merged.reviewers = theirs.reviewers }
            else if theirs.reviewers != base.reviewers {
                // Both edited the list: keep everyone either side kept.
                let removed = Set(base.reviewers).subtracting(ours.reviewers).union(Set(base.reviewers).subtracting(theirs.reviewers))
                merged.reviewers = (ours.reviewers + theirs.reviewers.filter { !ours.reviewers.contains($0) }).filter { !removed.contains($0) }
            }
        }
        merged.updated = max(ours.updated, theirs.updated)
        if ours.catalog != theirs.catalog && theirs.catalog != base.catalog && ours.catalog == base.catalog {
            merged.catalog = theirs.catalog
        }

        merged.packs = mergePacks(base: base.packs, ours: ours.packs, theirs: theirs.packs)

        // Answers.
        let ids = Set(base.answers.keys).union(ours.answers.keys).union(theirs.answers.keys)
        for id in ids.sorted() {
            let b = base.answers[id], o = ours.answers[id], t = theirs.answers[id]
            if sameContent(o, t) {
                merged.answers[id] = later(o, t)
            } else if sameContent(o, b) {
                merged.answers[id] = t
            } else if sameContent(t, b) {
                merged.answers[id] = o
            } else if let fieldwise = mergeFieldwise(base: b, ours: o, theirs: t, question: question?(id)) {
                merged.answers[id] = fieldwise
            } else {
                merged.answers[id] = conflicted(ours: o ?? Answer(), theirs: t ?? Answer())
                conflicts.append(MergeConflict(subject: id, detail: "ours \(describe(o)), theirs \(describe(t)); both kept in the note"))
            }
        }

        merged.milestones = uniteMilestones(ours: ours.milestones, theirs: theirs.milestones, conflicts: &conflicts)
        merged.unknownFields = mergeUnknownFields(base: base.unknownFields, ours: ours.unknownFields,
                                                  theirs: theirs.unknownFields, conflicts: &conflicts)

        let catalogs = Set([base.catalog.version, ours.catalog.version, theirs.catalog.version])
        return MergeResult(merged: merged, conflicts: conflicts, catalogsDiffer: catalogs.count > 1)
    }

    /// The review (status, choices, note, reason) and the plan fields (owner, due date,
    /// priority, exclusion, evidence) merge separately: one reviewer setting an owner while
    /// another answers the question is no conflict. Each plan field takes the side that
    /// changed it; evidence merges reference by reference. nil (a conflict) when both sides
    /// changed the review differently (beyond ticks that merge) or the same plan field.
    static func mergeFieldwise(base: Answer?, ours: Answer?, theirs: Answer?, question: Question?) -> Answer? {
        let b = base ?? Answer(), o = ours ?? Answer(), t = theirs ?? Answer()
        var result: Answer
        if sameReview(o, t) || sameReview(t, b) {
            result = o
        } else if sameReview(o, b) {
            result = o
            (result.status, result.note, result.reason, result.choices) = (t.status, t.note, t.reason, t.choices)
        } else if let question, let choices = mergeChoices(base: b, ours: o, theirs: t, of: question) {
            result = o
            (result.status, result.choices) = (choices.status, choices.choices)
        } else {
            return nil
        }
        func pick<T: Equatable>(_ field: WritableKeyPath<Answer, T>) -> Bool {
            let (x, y, z) = (b[keyPath: field], o[keyPath: field], t[keyPath: field])
            if y == z || z == x { result[keyPath: field] = y } else if y == x { result[keyPath: field] = z } else { return false }
            return true
        }
        guard pick(\.owner), pick(\.due), pick(\.priority), pick(\.exclusion), pick(\.unknownFields),
              let evidence = mergeEvidence(base: b.evidence, ours: o.evidence, theirs: t.evidence) else { return nil }
        result.evidence = evidence
        result.changed = [o.changed, t.changed].compactMap { $0 }.max()
        return result
    }

    /// Evidence reference by reference (a reference is its identity, the label an attribute
    /// of it): each side's additions kept, what either removed gone, a relabelling taken
    /// from the side that made it. nil (a conflict) when both sides gave one reference
    /// different labels, or one removed what the other relabelled.
    static func mergeEvidence(base: [Evidence], ours: [Evidence], theirs: [Evidence]) -> [Evidence]? {
        func byRef(_ list: [Evidence]) -> [String: Evidence] { Dictionary(list.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first }) }
        let b = byRef(base), o = byRef(ours), t = byRef(theirs)
        var result: [Evidence] = []
        var seen = Set<String>()
        for ref in (ours + theirs).map(\.ref) + base.map(\.ref) where seen.insert(ref).inserted {
            let (x, y, z) = (b[ref], o[ref], t[ref])
            let picked: Evidence?
            if y == z || z == x { picked = y } else if y == x { picked = z } else { return nil }
            if let picked { result.append(picked) }
        }
        return result
    }

    /// Equal in what the reviewer answered: status, note, reason and choices.
    static func sameReview(_ a: Answer, _ b: Answer) -> Bool {
        a.status == b.status && a.note == b.note && a.reason == b.reason && a.choices == b.choices
    }

    /// Both sides ticked choices of one question differently, and nothing else differs:
    /// each side's additions and removals are applied to the base, and the status follows
    /// the risk of the result. nil (a conflict) when the result would combine "none of
    /// these" with another choice, or when more than the choices changed on both sides.
    static func mergeChoices(base: Answer?, ours: Answer?, theirs: Answer?, of question: Question) -> Answer? {
        guard question.isAnsweredByChoices else { return nil }
        let b = base ?? Answer(), o = ours ?? Answer(), t = theirs ?? Answer()
        guard o.note == t.note, o.reason == t.reason, o.status != .notApplicable, t.status != .notApplicable else { return nil }
        let start = Set(b.choices)
        let added = Set(o.choices).subtracting(start).union(Set(t.choices).subtracting(start))
        let removed = start.subtracting(o.choices).union(start.subtracting(t.choices))
        let result = start.union(added).subtracting(removed)
        if let none = question.noneChoice, result.contains(none.id), result.count > 1 { return nil }
        guard var merged = try? ChoiceAnswering.answer(o, of: question, choosing: Array(result)) else { return nil }
        merged.changed = max(o.changed ?? Timestamp("1970-01-01T00:00:00Z")!, t.changed ?? Timestamp("1970-01-01T00:00:00Z")!)
        return merged
    }

    /// Every pack either side reviews, minus one a side removed (its answers stay).
    static func mergePacks(base: [PackReference], ours: [PackReference], theirs: [PackReference]) -> [PackReference] {
        if ours == theirs || theirs == base { return ours }
        if ours == base { return theirs }
        let baseIDs = Set(base.map(\.id))
        let removed = baseIDs.subtracting(ours.map(\.id)).union(baseIDs.subtracting(theirs.map(\.id)))
        var result: [PackReference] = []
        for reference in ours + theirs where !removed.contains(reference.id) && !result.contains(where: { $0.id == reference.id }) {
            result.append(reference)
        }
        return result
    }

    private static func pick<T: Equatable>(_ base: T, _ ours: T, _ theirs: T, subject: String, conflicts: inout [MergeConflict]) -> T {
        if ours == theirs || theirs == base { return ours }
        if ours == base { return theirs }
        conflicts.append(MergeConflict(subject: subject, detail: "changed on both sides; ours kept, theirs was \(String(describing: theirs))"))
        return ours
    }

    /// Equal apart from the time of change (two reviewers giving the same answer agree).
    static func sameContent(_ a: Answer?, _ b: Answer?) -> Bool {
        var left = a ?? Answer(), right = b ?? Answer()
        left.changed = nil
        right.changed = nil
        return left == right
    }

    private static func later(_ a: Answer?, _ b: Answer?) -> Answer? {
        guard let a, let b else { return a ?? b }
        return (b.changed ?? a.changed ?? Timestamp("1970-01-01T00:00:00Z")!) > (a.changed ?? Timestamp("1970-01-01T00:00:00Z")!) ? b : a
    }

    private static func describe(_ answer: Answer?) -> String {
        guard let answer, !answer.isEmpty else { return "(removed)" }
        var text = answer.status.label + (answer.note.isEmpty ? "" : " with a note")
        // The plan fields, when they are what differs, so the message names the field.
        if !answer.owner.isEmpty { text += ", owner \(answer.owner)" }
        if let due = answer.due { text += ", due \(due)" }
        if let priority = answer.priority { text += ", priority \(priority.rawValue)" }
        if !answer.evidence.isEmpty { text += ", evidence " + answer.evidence.map { $0.label.isEmpty ? $0.ref : "\($0.label) <\($0.ref)>" }.joined(separator: " ") }
        return text
    }

    private static func conflicted(ours: Answer, theirs: Answer) -> Answer {
        var result = ours
        // Each side's ticked choices go into its marker, so nothing either side chose is lost.
        func marker(_ answer: Answer) -> String {
            var text = "status: \(answer.status.label)" + (answer.choices.isEmpty ? "" : ", choices: \(answer.choices.joined(separator: ", "))")
            if !answer.owner.isEmpty { text += ", owner: \(answer.owner)" }
            if let due = answer.due { text += ", due: \(due)" }
            if let priority = answer.priority { text += ", priority: \(priority.rawValue)" }
            if answer.isExcluded { text += ", excluded: \(answer.exclusion)" }
            return text
        }
        result.note = [
            "\(oursMarker) (\(marker(ours)))", ours.note,
            "\(separatorMarker) theirs (\(marker(theirs)))", theirs.note,
            theirsMarker,
        ].joined(separator: "\n")
        if result.reason != theirs.reason && !theirs.reason.isEmpty {
            result.reason = ours.reason.isEmpty ? theirs.reason : ours.reason + " / theirs: " + theirs.reason
        }
        result.evidence = ours.evidence + theirs.evidence.filter { item in !ours.evidence.contains { $0.ref == item.ref } }
        result.changed = max(ours.changed ?? Timestamp("1970-01-01T00:00:00Z")!, theirs.changed ?? Timestamp("1970-01-01T00:00:00Z")!)
        return result
    }

    /// True when a note still holds merge markers (reported by `validate`).
    public static func hasConflictMarkers(_ note: String) -> Bool {
        // Cheap byte check first: validate runs this over every note of big files.
        guard note.utf8.contains(UInt8(ascii: "<")) else { return false }
        return note.contains(oursMarker) && note.contains(theirsMarker)
    }
}
