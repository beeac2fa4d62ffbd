import Synchronization

/// The previous save's bytes, where each answer sits in them, and the sorted id order,
/// so that the next save re-encodes only what changed. The explorer saves after every
/// change; with 10,000 answers, sorting the ids and escaping every note again was most of
/// a save.
///
/// Shared by copies of an `Assessment` (a reference inside a value): each entry is checked
/// against the answer it was made from, so a copy that has since diverged can never get
/// another copy's bytes.
final class AnswerEncodingCache: Sendable {
    /// Parallel arrays in canonical order: no hashing beyond one lookup per answer, and
    /// the previous output itself (`ranges` index into it) rather than an array per
    /// answer, so the first save costs little more than encoding without a cache.
    private struct State {
        var sortedIDs: [String] = []
        var sources: [Answer] = []
        var ranges: [Range<Int>] = []
        var previousOutput: [UInt8] = []
    }

    private let state = Mutex(State())

    /// Encodes a whole document: `document` writes everything around the answers and
    /// calls the function it is given where they go. The cache keeps the finished output
    /// itself (arrays are copy-on-write: no copy) with each answer's range in it, all
    /// under one lock, so copies on several threads cannot mix their entries.
    func encode(_ answers: [String: Answer], separator: [UInt8], encodeAnswer: @escaping (String, Answer, inout [UInt8]) -> Void,
                document: (inout [UInt8], _ writeAnswers: (inout [UInt8]) -> Void) -> Void) -> [UInt8] {
        state.withLock { state in
            var output: [UInt8] = []
            output.reserveCapacity(state.previousOutput.count + 4096)
            var answersWritten = false
            document(&output) { output in
                precondition(!answersWritten, "the answers are written once per document")
                Self.appendAnswers(answers, state: &state, separator: separator, into: &output, encode: encodeAnswer)
                answersWritten = true
            }
            // Without answers written (none to write), the ranges still point into the
            // previous output: keep that one.
            if answersWritten { state.previousOutput = output }
            return output
        }
    }

    /// Appends every non-empty answer as `"id": {...}` members in canonical order, with
    /// `separator` between them; `encode` writes one answer whose cached bytes do not match.
    private static func appendAnswers(_ answers: [String: Answer], state: inout State, separator: [UInt8],
                                      into output: inout [UInt8], encode: (String, Answer, inout [UInt8]) -> Void) {
        let start = output.count
        // Empty answers are removed as they are made (Assessment.setAnswer), so the
        // count nearly always settles it; every cached id must then be found, which
        // covers all of them. Only with empty entries present does it need counting.
        let nonEmpty = answers.count == state.sortedIDs.count
            ? answers.count : answers.values.reduce(0) { $0 + ($1.isEmpty ? 0 : 1) }
        if nonEmpty == state.sortedIDs.count,
           appendReusing(answers, state: &state, separator: separator, into: &output, encode: encode) {
            return
        }
        // The set of answered ids changed, or this is the first save: sort again.
        output.removeSubrange(start...)
        let ids = answers.lazy.filter { !$0.value.isEmpty }.map(\.key).sorted(by: CanonicalJSONWriter.keyPrecedes)
        var fresh = State(sortedIDs: ids)
        fresh.sources.reserveCapacity(ids.count)
        fresh.ranges.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            if position > 0 { output.append(contentsOf: separator) }
            let answer = answers[id]!
            let entryStart = output.count
            encode(id, answer, &output)
            fresh.sources.append(answer)
            fresh.ranges.append(entryStart..<output.count)
        }
        state = fresh
    }

    /// Writes in the cached order, copying unchanged answers from the previous output and
    /// encoding changed ones; false (output partly written) when the cached order no
    /// longer lists exactly the non-empty answers.
    private static func appendReusing(_ answers: [String: Answer], state: inout State, separator: [UInt8],
                                      into output: inout [UInt8], encode: (String, Answer, inout [UInt8]) -> Void) -> Bool {
        let previous = state.previousOutput
        for position in state.sortedIDs.indices {
            guard let answer = answers[state.sortedIDs[position]], !answer.isEmpty else { return false }
            if position > 0 { output.append(contentsOf: separator) }
            let entryStart = output.count
            if state.sources[position] == answer {
                output.append(contentsOf: previous[state.ranges[position]])
            } else {
                encode(state.sortedIDs[position], answer, &output)
                state.sources[position] = answer
            }
            state.ranges[position] = entryStart..<output.count
        }
        return true
    }
}

/// Holds the cache inside `Assessment` without making it part of the value: two
/// assessments with the same data are equal whatever their caches hold.
struct AnswerEncodingCacheSlot: Sendable, Equatable {
    let cache = AnswerEncodingCache()

    static func == (lhs: AnswerEncodingCacheSlot, rhs: AnswerEncodingCacheSlot) -> Bool { true }
}
