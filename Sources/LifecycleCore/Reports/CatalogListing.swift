/// What `lifecycle questions` prints: the catalog, optionally filtered by area or tag.
public struct CatalogListing: Sendable {
    public var areas: [CatalogArea]

    /// Keeps the areas (in lifecycle order) and questions that match both filters.
    public init(catalog: Catalog, areaID: String? = nil, tag: String? = nil) {
        areas = catalog.areas.compactMap { area in
            if let areaID, area.id != areaID { return nil }
            var filtered = area
            if let tag { filtered.questions = area.questions.filter { $0.tags.contains(tag) } }
            return filtered.questions.isEmpty && tag != nil ? nil : filtered
        }
    }

    public var questionCount: Int { areas.reduce(0) { $0 + $1.questions.count } }

    public var jsonValue: JSONValue {
        .array(areas.map { area in
            .object([
                "pack": .string(area.packID),
                "id": .string(area.id),
                "kind": .string(area.kind.rawValue),
                "title": .string(area.title),
                "summary": .string(area.summary),
                "questions": .array(area.questions.map { question in
                    var object: [String: JSONValue] = [
                        "id": .string(question.id),
                        "text": .string(question.text),
                        "hint": .string(question.hint),
                        "tags": .array(question.tags.map(JSONValue.string)),
                        "chapter": .number(Double(question.chapter)),
                    ]
                    if !question.choices.isEmpty {
                        object["choices"] = .array(question.choices.map {
                            .object(["id": .string($0.id), "text": .string($0.text)])
                        })
                    }
                    return .object(object)
                }),
            ])
        })
    }

    public func text(width: Int = 80) -> String {
        var lines: [String] = []
        for area in areas {
            let kind = area.kind.rawValue
            lines.append("\(area.title) (pack \(area.packID), \(kind), \(area.questions.count) question\(area.questions.count == 1 ? "" : "s"))")
            for question in area.questions {
                lines.append("  \(question.id)  [chapter \(question.chapter); \(question.tags.joined(separator: ", "))]")
                for line in WordWrap.lines(question.text, width: max(20, width - 4)) {
                    lines.append("    " + line)
                }
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
