/// The direct answer writer: the fast path of saving (see FastPath.swift).
extension Assessment {
    /// Canonical bytes for saving (see `CanonicalJSONWriter`). The answers, which are
    /// nearly all of a large file, are written straight from the model rather than through
    /// a `JSONValue` tree: the same bytes (a test compares them), at a fraction of the cost.
    public func canonicalBytes() -> [UInt8] {
        let root = metadataFields
        let hasAnswers = answers.values.contains { !$0.isEmpty }
        return encodingCache.cache.encode(answers, separator: Array(",\n".utf8), encodeAnswer: Assessment.writeAnswer) { output, writeAnswers in
            output.append(contentsOf: "{\n".utf8)
            let keys = CanonicalJSONWriter.sortedKeys(Array(root.keys) + ["answers"])
            for (position, key) in keys.enumerated() {
                CanonicalJSONWriter.writeIndent(1, into: &output)
                CanonicalJSONWriter.writeString(key, into: &output)
                output.append(contentsOf: ": ".utf8)
                if key != "answers" {
                    CanonicalJSONWriter.write(root[key]!, indent: 1, into: &output)
                } else if hasAnswers {
                    output.append(contentsOf: "{\n".utf8)
                    writeAnswers(&output)
                    output.append(0x0A)
                    CanonicalJSONWriter.writeIndent(1, into: &output)
                    output.append(UInt8(ascii: "}"))
                } else {
                    output.append(contentsOf: "{}".utf8)
                }
                if position + 1 < keys.count { output.append(UInt8(ascii: ",")) }
                output.append(0x0A)
            }
            output.append(contentsOf: "}\n".utf8)
        }
    }

    /// One `"id": {...}` member of the answers object, at its indentation, without the
    /// separator after it.
    static func writeAnswer(id: String, answer: Answer, into output: inout [UInt8]) {
        CanonicalJSONWriter.writeIndent(2, into: &output)
        CanonicalJSONWriter.writeString(id, into: &output)
        output.append(contentsOf: ": ".utf8)
        guard answer.unknownFields.isEmpty else {
            CanonicalJSONWriter.write(answer.jsonValue, indent: 2, into: &output)
            return
        }
        // Fields in byte order: changed, choices, due, evidence, excluded, note, owner,
        // priority, reason, status.
        output.append(contentsOf: "{\n".utf8)
        func field(_ name: String, last: Bool = false, _ body: (inout [UInt8]) -> Void) {
            CanonicalJSONWriter.writeIndent(3, into: &output)
            CanonicalJSONWriter.writeString(name, into: &output)
            output.append(contentsOf: ": ".utf8)
            body(&output)
            output.append(contentsOf: (last ? "\n" : ",\n").utf8)
        }
        if let changed = answer.changed { field("changed") { CanonicalJSONWriter.writeString(changed.text, into: &$0) } }
        if !answer.choices.isEmpty {
            field("choices") { CanonicalJSONWriter.write(.array(answer.choices.map(JSONValue.string)), indent: 3, into: &$0) }
        }
        if let due = answer.due { field("due") { CanonicalJSONWriter.writeString(due.description, into: &$0) } }
        if !answer.evidence.isEmpty {
            field("evidence") { CanonicalJSONWriter.write(.array(answer.evidence.map(\.jsonValue)), indent: 3, into: &$0) }
        }
        if !answer.exclusion.isEmpty { field("excluded") { CanonicalJSONWriter.writeString(answer.exclusion, into: &$0) } }
        if !answer.note.isEmpty { field("note") { CanonicalJSONWriter.writeString(answer.note, into: &$0) } }
        if !answer.owner.isEmpty { field("owner") { CanonicalJSONWriter.writeString(answer.owner, into: &$0) } }
        if let priority = answer.priority { field("priority") { CanonicalJSONWriter.writeString(priority.rawValue, into: &$0) } }
        if !answer.reason.isEmpty { field("reason") { CanonicalJSONWriter.writeString(answer.reason, into: &$0) } }
        field("status", last: true) { CanonicalJSONWriter.writeString(answer.status.rawValue, into: &$0) }
        CanonicalJSONWriter.writeIndent(2, into: &output)
        output.append(UInt8(ascii: "}"))
    }
}
