/// Writes a pack as the JSON `PackDecoder` reads (canonical: sorted keys, two-space
/// indent), leaving out what is empty or the default so imported packs stay small.
public enum PackEncoder {
    public static func bytes(_ pack: Pack) -> [UInt8] {
        CanonicalJSONWriter.bytes(value(pack))
    }

    public static func value(_ pack: Pack) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(pack.id),
            "version": .string(pack.version),
            "title": .string(pack.title),
            "areas": .array(pack.areas.map(area)),
        ]
        if !pack.description.isEmpty { object["description"] = .string(pack.description) }
        if !pack.source.isEmpty { object["source"] = .string(pack.source) }
        if !pack.moves.isEmpty {
            object["moved"] = .array(pack.moves.map {
                .object(["version": .string($0.version), "from": .array($0.from.map(JSONValue.string)), "to": .array($0.to.map(JSONValue.string))])
            })
        }
        if pack.statusRisk != .standard {
            object["statusRisk"] = .object([
                "gap": .string(pack.statusRisk.gap.rawValue),
                "partial": .string(pack.statusRisk.partial.rawValue),
                "addressed": .string(pack.statusRisk.addressed.rawValue),
            ])
        }
        return .object(object)
    }

    static func area(_ area: CatalogArea) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(area.id),
            "kind": .string(area.kind.rawValue),
            "title": .string(area.title),
            "questions": .array(area.questions.map(question)),
        ]
        if area.shortTitle != area.title { object["shortTitle"] = .string(area.shortTitle) }
        if !area.summary.isEmpty { object["summary"] = .string(area.summary) }
        if !area.whyItMatters.isEmpty { object["why"] = .string(area.whyItMatters) }
        if !area.pitfalls.isEmpty { object["pitfalls"] = .array(area.pitfalls.map(JSONValue.string)) }
        return .object(object)
    }

    static func question(_ question: Question) -> JSONValue {
        var object: [String: JSONValue] = ["id": .string(question.id), "text": .string(question.text)]
        if !question.hint.isEmpty { object["hint"] = .string(question.hint) }
        if !question.tags.isEmpty { object["tags"] = .array(question.tags.map(JSONValue.string)) }
        if question.isCore { object["core"] = .bool(true) }
        var reference: [String: JSONValue] = [:]
        if question.chapter != 0 { reference["chapter"] = .number(Double(question.chapter)) }
        if let url = question.url { reference["url"] = .string(url) }
        if !reference.isEmpty { object["reference"] = .object(reference) }
        if !question.resources.isEmpty { object["resources"] = resources(question.resources) }
        if !question.choices.isEmpty {
            object["choices"] = .array(question.choices.map { choice in
                var object: [String: JSONValue] = ["id": .string(choice.id), "title": .string(choice.text)]
                if !choice.plan.isEmpty { object["plan"] = .string(choice.plan) }
                if let url = choice.planURL { object["planUrl"] = .string(url) }
                if !choice.resources.isEmpty { object["resources"] = resources(choice.resources) }
                if choice.isNone { object["none"] = .bool(true) }
                return .object(object)
            })
        }
        if !question.riskRules.isEmpty {
            object["riskRules"] = .array(question.riskRules.map {
                .object(["condition": .string($0.condition.text), "risk": .string($0.risk.rawValue)])
            })
        }
        return .object(object)
    }

    static func resources(_ resources: [Resource]) -> JSONValue {
        .array(resources.map { resource in
            var object: [String: JSONValue] = ["text": .string(resource.text)]
            if let url = resource.url { object["url"] = .string(url) }
            if resource.kind != .helpful { object["kind"] = .string(resource.kind.rawValue) }
            return .object(object)
        })
    }
}
