import Synchronization

/// The encoded bytes of each answer and the sorted id order from the previous save, so
/// that the next save re-encodes only what changed. The explorer saves after every
/// keystroke that changes an answer; with 10,000 answers, sorting the ids and escaping
/// every note again was most of a save.
///
/// Shared by copies of an `Assessment` (a reference inside a value): entries are checked
/// against the answer they were made from, so a copy that has since diverged can never
/// get another copy's bytes.
final class AnswerEncodingCache: Sendable {
    /// Parallel arrays in canonical order: no hashing beyond the one lookup per answer.
    private struct State {
        var sortedIDs: [String] = []
        var sources: [Answer] = []
        var chunks: [[UInt8]] = []
    }

    private let state = Mutex(State())

    /// Appends every non-empty answer as `id: {...}` members in canonical order, with
    /// `separator` between them; `encode` writes one answer when no cached bytes match.
    func appendAnswers(_ answers: [String: Answer], separator: [UInt8], into output: inout [UInt8],
                       encode: (String, Answer, inout [UInt8]) -> Void) {
        state.withLock { state in
            let start = output.count
            if Self.appendCached(answers, state: &state, separator: separator, into: &output, encode: encode) { return }
            // The set of answered ids changed (or first save): sort again, keep what still fits.
            output.removeSubrange(start...)
            var previous: [String: Int] = [:]
            for (position, id) in state.sortedIDs.enumerated() { previous[id] = position }
            let ids = answers.lazy.filter { !$0.value.isEmpty }.map(\.key).sorted(by: CanonicalJSONWriter.keyPrecedes)
            var fresh = State(sortedIDs: ids, sources: [], chunks: [])
            fresh.sources.reserveCapacity(ids.count)
            fresh.chunks.reserveCapacity(ids.count)
            for id in ids {
                let answer = answers[id]!
                if let position = previous[id], state.sources[position] == answer {
                    fresh.chunks.append(state.chunks[position])
                } else {
                    var bytes: [UInt8] = []
                    encode(id, answer, &bytes)
                    fresh.chunks.append(bytes)
                }
                fresh.sources.append(answer)
            }
            state = fresh
            _ = Self.appendCached(answers, state: &state, separator: separator, into: &output, encode: encode)
        }
    }

    /// Writes from the cached order, re-encoding changed answers; false (output partly
    /// written) when the cached order no longer lists exactly the non-empty answers.
    private static func appendCached(_ answers: [String: Answer], state: inout State, separator: [UInt8],
                                     into output: inout [UInt8], encode: (String, Answer, inout [UInt8]) -> Void) -> Bool {
        var nonEmpty = 0
        for answer in answers.values where !answer.isEmpty { nonEmpty += 1 }
        guard nonEmpty == state.sortedIDs.count else { return false }
        for position in state.sortedIDs.indices {
            guard let answer = answers[state.sortedIDs[position]], !answer.isEmpty else { return false }
            if state.sources[position] != answer {
                var bytes: [UInt8] = []
                encode(state.sortedIDs[position], answer, &bytes)
                state.chunks[position] = bytes
                state.sources[position] = answer
            }
            if position > 0 { output.append(contentsOf: separator) }
            output.append(contentsOf: state.chunks[position])
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
