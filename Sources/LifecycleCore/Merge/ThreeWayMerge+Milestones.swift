extension ThreeWayMerge {
    /// The union of both sides' milestones by label, oldest first. When the two sides
    /// froze different snapshots under one label (three reviewers each freezing "q3"),
    /// theirs is kept under the first free label of "q3 (theirs)", "q3 (theirs 2)", ...:
    /// labels must stay unique or the file no longer loads. A snapshot already kept under
    /// another label (the same branch merged again) is not added twice.
    static func uniteMilestones(ours: [Milestone], theirs: [Milestone], conflicts: inout [MergeConflict]) -> [Milestone] {
        var united = ours
        // Their own labels are reserved too, so a rename cannot take a label that one of
        // their later milestones brings.
        var taken = Set(ours.map(\.label)).union(theirs.map(\.label))
        for milestone in theirs {
            guard let mine = united.first(where: { $0.label == milestone.label }) else {
                united.append(milestone)
                continue
            }
            if mine == milestone || united.contains(where: { sameSnapshot($0, milestone) }) { continue }
            var renamed = milestone
            renamed.label = freeLabel(for: milestone.label, taken: taken)
            taken.insert(renamed.label)
            united.append(renamed)
            conflicts.append(MergeConflict(subject: "milestone \"\(milestone.label)\"",
                                           detail: "differs on the two sides; theirs kept as \"\(renamed.label)\""))
        }
        // Stable: milestones frozen at the same second keep their order.
        return united.enumerated().sorted { ($0.element.created, $0.offset) < ($1.element.created, $1.offset) }.map(\.element)
    }

    static func freeLabel(for label: String, taken: Set<String>) -> String {
        let first = "\(label) (theirs)"
        if !taken.contains(first) { return first }
        var number = 2
        while taken.contains("\(label) (theirs \(number))") { number += 1 }
        return "\(label) (theirs \(number))"
    }

    private static func sameSnapshot(_ a: Milestone, _ b: Milestone) -> Bool {
        var relabelled = b
        relabelled.label = a.label
        return a == relabelled
    }

    /// Top-level fields this build does not know, merged like answers: a change on one
    /// side is taken (a removal included), the same change once; different changes keep
    /// ours and are a conflict, so a newer build's data is never silently reverted.
    static func mergeUnknownFields(base: [String: JSONValue], ours: [String: JSONValue], theirs: [String: JSONValue],
                                   conflicts: inout [MergeConflict]) -> [String: JSONValue] {
        var merged = ours
        for key in Set(base.keys).union(ours.keys).union(theirs.keys).sorted() {
            let b = base[key], o = ours[key], t = theirs[key]
            if o == t || t == b { continue }
            if o == b {
                merged[key] = t
            } else {
                conflicts.append(MergeConflict(subject: "field \"\(key)\"", detail: "changed differently on the two sides; ours kept"))
            }
        }
        return merged
    }
}
