/// Risk across a review: each question's from its answer and its pack's rules, and the
/// counts per pack that `show` and the reports print.
public struct RiskCounts: Sendable, Equatable {
    public var high = 0
    public var medium = 0
    public var none = 0
    public var unanswered = 0
    public var notApplicable = 0

    public init() {}

    public mutating func add(_ risk: AnswerRisk) {
        switch risk {
        case .unanswered: unanswered += 1
        case .notApplicable: notApplicable += 1
        case .rated(.high): high += 1
        case .rated(.medium): medium += 1
        case .rated(.none): none += 1
        }
    }

    public var jsonValue: JSONValue {
        .object(["high": .number(Double(high)), "medium": .number(Double(medium)), "none": .number(Double(none)),
                 "unanswered": .number(Double(unanswered)), "notApplicable": .number(Double(notApplicable))])
    }
}

extension ComposedReview {
    /// A question's risk (by answer key), through its pack's status mapping.
    public func risk(of question: Question, in assessment: Assessment) -> AnswerRisk {
        question.risk(of: assessment.answer(for: question.id), statusRisk: pack(ofQuestion: question.id)?.statusRisk ?? .standard)
    }

    public func riskCounts(of packID: String, in assessment: Assessment) -> RiskCounts {
        var counts = RiskCounts()
        for area in catalog.areas where area.packID == packID {
            for question in area.questions where !(assessment.answers[question.id]?.isExcluded ?? false) {
                counts.add(risk(of: question, in: assessment))
            }
        }
        return counts
    }

    /// `show --format json`'s `"packs"`.
    public func packsJSON(_ assessment: Assessment) -> JSONValue {
        .array(packs.map { pack in
            .object(["id": .string(pack.id), "version": .string(pack.version), "title": .string(pack.title),
                     "risk": riskCounts(of: pack.id, in: assessment).jsonValue])
        })
    }

    /// `report --format json`'s `"questions"`: every question of every pack, in order.
    public func questionsJSON(_ assessment: Assessment) -> JSONValue {
        var rows: [JSONValue] = []
        for area in catalog.areas {
            for question in area.questions {
                let answer = assessment.answer(for: question.id)
                rows.append(.object([
                    "id": .string(PackKey.qualified(question.id)),
                    "pack": .string(area.packID),
                    "area": .string(area.id),
                    "status": .string(answer.status.rawValue),
                    "risk": .string(risk(of: question, in: assessment).name),
                    "choices": .array(answer.choices.map(JSONValue.string)),
                ]))
            }
        }
        return .array(rows)
    }
}
