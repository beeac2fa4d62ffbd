/// Merges what two live writers of one file did since they last agreed (`base`): the
/// explorer's unsaved answers (`ours`) and what someone else saved meanwhile (`theirs`).
/// Unlike the git merge driver it never writes conflict markers: a conflict is reported so
/// the reviewer can choose, and until then `merged` holds our side of each conflict.
public enum ConcurrentEditMerge {
    public struct Result: Sendable {
        public var merged: Assessment
        /// Answers both sides changed, differently. Sorted.
        public var conflictingQuestionIDs: [String]
    }

    public static func merge(base: Assessment, ours: Assessment, theirs: Assessment) -> Result {
        var merged = ThreeWayMerge.merge(base: base, ours: ours, theirs: theirs).merged
        var conflicts: [String] = []
        let ids = Set(base.answers.keys).union(ours.answers.keys).union(theirs.answers.keys)
        for id in ids where isConflict(base.answers[id], ours.answers[id], theirs.answers[id]) {
            merged.answers[id] = ours.answers[id]
            conflicts.append(id)
        }
        return Result(merged: merged, conflictingQuestionIDs: conflicts.sorted())
    }

    /// Takes one side for each of the given answers, the merge for everything else.
    public static func resolve(_ result: Result, taking side: Assessment, for questionIDs: [String]) -> Assessment {
        var resolved = result.merged
        for id in questionIDs { resolved.answers[id] = side.answers[id] }
        return resolved
    }

    /// Both sides changed the answer, differently (the git driver's rule for a conflict).
    static func isConflict(_ base: Answer?, _ ours: Answer?, _ theirs: Answer?) -> Bool {
        let same = ThreeWayMerge.sameContent
        return !same(ours, theirs) && !same(ours, base) && !same(theirs, base)
    }
}
