/// `lifecycle diff --format json`: the stable structure documented in the README.
public enum DiffJSONRenderer {
    public static func jsonValue(_ diff: AssessmentDiff) -> JSONValue {
        func side(_ side: DiffSide) -> JSONValue {
            .object([
                "label": .string(side.label),
                "name": .string(side.assessment.name),
                "catalog": .object(["id": .string(side.assessment.catalog.id), "version": .string(side.assessment.catalog.version)]),
            ])
        }
        func counts(_ progress: Progress) -> JSONValue {
            .object([
                "answered": .number(Double(progress.answered)), "total": .number(Double(progress.total)),
                "gaps": .number(Double(progress.gaps)), "partial": .number(Double(progress.partial)),
                "addressed": .number(Double(progress.addressed)), "notApplicable": .number(Double(progress.notApplicable)),
            ])
        }
        func answer(_ answer: Answer) -> JSONValue {
            .object(["status": .string(answer.status.rawValue), "note": .string(answer.note), "reason": .string(answer.reason),
                     "choices": .array(answer.choices.map(JSONValue.string)),
                     "owner": answer.owner.isEmpty ? .null : .string(answer.owner),
                     "due": answer.due.map { .string($0.description) } ?? .null,
                     "priority": answer.priority.map { .string($0.rawValue) } ?? .null,
                     "evidence": .array(answer.evidence.map(\.jsonValue)),
                     "excluded": answer.isExcluded ? .string(answer.exclusion) : .null])
        }
        func change(_ change: QuestionChange) -> JSONValue {
            var object: [String: JSONValue] = [
                "question": .string(change.questionID),
                "kind": .string(change.kind.rawValue),
                "before": answer(change.before),
                "after": answer(change.after),
                "noteChanged": .bool(change.noteChanged),
                "reasonChanged": .bool(change.reasonChanged),
                "inCatalog": .bool(change.inCatalog),
            ]
            if let text = diff.catalog.question(id: change.questionID)?.text { object["text"] = .string(text) }
            return .object(object)
        }
        let summary = DiffSummary(diff.allChanges)
        return .object([
            "left": side(diff.left),
            "right": side(diff.right),
            "identical": .bool(diff.isEmpty),
            "catalogsDiffer": .bool(diff.catalogsDiffer),
            "metadata": .array(diff.metadata.map { .object(["field": .string($0.field), "before": .string($0.before), "after": .string($0.after)]) }),
            "areas": .array(diff.areas.map { area in
                .object([
                    "id": .string(area.area.id), "title": .string(area.area.title), "kind": .string(area.area.kind.rawValue),
                    "before": counts(area.before), "after": counts(area.after),
                    "improvements": .number(Double(area.improvements)), "regressions": .number(Double(area.regressions)),
                    "neverAnswered": .array(area.neverAnswered.map(JSONValue.string)),
                    "changes": .array(area.changes.map(change)),
                ])
            }),
            "outsideCatalog": .array(diff.outsideCatalog.map(change)),
            "plan": .object(Dictionary(uniqueKeysWithValues: diff.plan.groups.map { (key: $0.key, value: JSONValue.array($0.ids.map { .string(PackKey.qualified($0)) })) })),
            "summary": .object([
                "improved": .number(Double(summary.improved)), "regressed": .number(Double(summary.regressed)),
                "newlyAnswered": .number(Double(summary.newlyAnswered)), "newlyUnanswered": .number(Double(summary.newlyUnanswered)),
                "statusChanged": .number(Double(summary.statusChanged)), "detailsChanged": .number(Double(summary.detailsChanged)),
                "notesChanged": .number(Double(summary.notesChanged)), "worse": .number(Double(summary.worse)),
            ]),
        ])
    }
}
