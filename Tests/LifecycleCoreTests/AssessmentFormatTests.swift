import XCTest
@testable import LifecycleCore

final class AssessmentFormatTests: XCTestCase {
    let catalog = builtInCatalog()
    let stages = ["starting", "scaling", "leading"]

    private func decode(_ text: String) -> (Assessment?, [ValidationProblem]) {
        var problems: [ValidationProblem] = []
        let assessment = Assessment.decode(try! JSONParser.parse(text), knownMaturityStages: stages, problems: &problems)
        return (assessment, problems)
    }

    func testCanonicalOutputIsTheDocumentedFormat() {
        let text = String(decoding: sampleAssessment(catalog).canonicalBytes(), as: UTF8.self)
        XCTAssertEqual(text, """
            {
              "answers": {
                "generation.event-rate": {
                  "changed": "2026-11-27T10:00:00Z",
                  "note": "No load test yet.\\nPeak unknown.",
                  "status": "gap"
                },
                "ingestion.online-ml": {
                  "changed": "2026-11-27T10:00:00Z",
                  "reason": "No streaming",
                  "status": "not-applicable"
                },
                "storage.retention": {
                  "changed": "2026-11-27T10:00:00Z",
                  "status": "addressed"
                }
              },
              "catalog": {
                "hash": "\(catalog.contentHash)",
                "id": "fundamentals-of-data-engineering",
                "version": "\(catalog.version)"
              },
              "created": "2026-11-27T10:00:00Z",
              "formatVersion": 1,
              "maturity": "scaling",
              "name": "Payments platform",
              "reviewers": [
                "Ana",
                "Bo"
              ],
              "updated": "2026-11-27T10:00:00Z"
            }

            """)
    }

    func testTheDirectWriterMatchesTheGenericOne() throws {
        var assessment = sampleAssessment(catalog)
        assessment.setAnswer(Answer(status: .partial, note: "q\"uote\\ \u{1B} \u{9B} \u{2028} 日本", reason: "r", choices: ["b", "a"],
                                    unknownFields: ["zeta": .number(1)]), for: "storage.temperature")
        assessment.setAnswer(Answer(status: .gap, choices: ["x"]), for: "serving.semantic-layer")
        // Every plan field, quotes and controls in them, on the direct writer's path.
        var planned = Answer(status: .gap, note: "n", reason: "r", choices: ["c"])
        planned.owner = "@team \"x\""
        planned.due = CalendarDate("2026-12-31")
        planned.priority = .medium
        planned.evidence = [Evidence(kind: .url, ref: "https://x.example/?a=1&b=\"2\"", label: "L \u{1B}"), Evidence(kind: .ticket, ref: "A-1")]
        planned.exclusion = "why \n not"
        assessment.setAnswer(planned, for: "ingestion.volume")
        assessment.answers["z.empty"] = Answer()
        assessment.unknownFields = ["aaa": .bool(true), "zzz": .array([])]
        try assessment.addMilestone(label: "M", at: fixedTime())
        XCTAssertEqual(String(decoding: assessment.canonicalBytes(), as: UTF8.self), CanonicalJSONWriter.string(assessment.jsonValue))
        let empty = Assessment(name: "E", catalog: catalog.reference, created: fixedTime())
        XCTAssertEqual(empty.canonicalBytes(), CanonicalJSONWriter.bytes(empty.jsonValue))
    }

    /// Saves re-encode only changed answers (AnswerEncodingCache): after every kind of
    /// edit, in the edited copy and in a copy that kept the old data, the bytes must be
    /// exactly what encoding from scratch gives.
    func testEncodingAfterEditsMatchesEncodingFromScratch() throws {
        var assessment = sampleAssessment(catalog)
        func check(_ value: Assessment, _ step: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(String(decoding: value.canonicalBytes(), as: UTF8.self), CanonicalJSONWriter.string(value.jsonValue),
                           step, file: file, line: line)
        }
        check(assessment, "first save")
        let before = assessment
        assessment.setStatus(.gap, for: "generation.duplicates", at: fixedTime())
        check(assessment, "status changed")
        check(before, "the unchanged copy, sharing the cache")
        assessment.setAnswer(Answer(status: .partial, note: "new\nnote é"), for: "aaa.first-unknown-id", at: fixedTime())
        check(assessment, "answer added at the front")
        assessment.setAnswer(Answer(status: .addressed), for: "zzz.\u{00E9}tat", at: fixedTime())
        check(assessment, "non-ASCII id added at the end")
        let firstID = try XCTUnwrap(assessment.answers.keys.sorted().first)
        assessment.setAnswer(Answer(), for: firstID, at: fixedTime())
        check(assessment, "answer emptied and removed")
        assessment.answers["generation.duplicates"]?.note = "edited in place"
        check(assessment, "note edited without setAnswer")
        assessment.answers["storage.temperature"] = Answer()
        check(assessment, "an empty answer left in the dictionary")
        check(before, "the old copy again")
        let beforeRemoval = assessment
        check(beforeRemoval, "the cache now holds these answers")
        assessment.answers.removeAll()
        check(assessment, "everything removed")
        check(beforeRemoval, "the answers back again after a save without any")
        check(before, "an old copy after all of that")
    }

    func testRoundTripIsByteIdentical() {
        let bytes = sampleAssessment(catalog).canonicalBytes()
        var problems: [ValidationProblem] = []
        let decoded = Assessment.decode(try! JSONParser.parse(bytes), knownMaturityStages: stages, problems: &problems)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(decoded, sampleAssessment(catalog))
        XCTAssertEqual(decoded?.canonicalBytes(), bytes)
    }

    func testChangingOneAnswerChangesOnlyThatAnswersLines() {
        var assessment = sampleAssessment(catalog)
        let before = String(decoding: assessment.canonicalBytes(), as: UTF8.self).split(separator: "\n")
        assessment.setStatus(.addressed, for: "generation.event-rate", at: fixedTime("2026-12-01T08:00:00Z"))
        let after = String(decoding: assessment.canonicalBytes(), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(before.count, after.count)
        let changed = zip(before, after).filter { $0 != $1 }.map { String($0.1) }
        XCTAssertEqual(changed, ["      \"changed\": \"2026-12-01T08:00:00Z\",", "      \"status\": \"addressed\""])
    }

    func testAnEmptiedAnswerIsRemoved() {
        var assessment = sampleAssessment(catalog)
        assessment.setStatus(.unanswered, for: "storage.retention")
        XCTAssertNil(assessment.answers["storage.retention"])
        assessment.setStatus(.unanswered, for: "generation.event-rate")
        XCTAssertEqual(assessment.answers["generation.event-rate"]?.note, "No load test yet.\nPeak unknown.", "a note keeps the answer")
    }

    func testUnknownQuestionIDsAndUnknownFieldsArePreserved() {
        let (assessment, problems) = decode("""
            {"formatVersion": 1, "name": "X", "catalog": {"id": "c", "version": "1"}, "created": "2026-01-01T00:00:00Z",
             "futureField": {"keep": [1, 2]},
             "answers": {"retired.question": {"status": "gap", "note": "old", "confidence": "high"}}}
            """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(assessment?.unknownQuestionIDs(in: catalog), ["retired.question"])
        let saved = String(decoding: assessment!.canonicalBytes(), as: UTF8.self)
        XCTAssertTrue(saved.contains("\"retired.question\": {"))
        XCTAssertTrue(saved.contains("\"confidence\": \"high\""))
        XCTAssertTrue(saved.contains("\"futureField\": {"))
    }

    func testEveryProblemIsReportedWithItsPath() {
        let (assessment, problems) = decode("""
            {"formatVersion": "1", "name": 7, "reviewers": ["a", 2], "maturity": "huge",
             "catalog": {"id": "c"}, "created": "yesterday",
             "answers": {"generation.event-rate": {"status": "done"}, "storage.retention": [], "a.b": {"status": "gap", "note": 3}}}
            """)
        XCTAssertNil(assessment)
        XCTAssertEqual(Set(problems.map(\.description)), [
            "$.formatVersion: expected an integer, found a string",
            "$.name: expected a string, found a number",
            "$.reviewers[1]: expected a string, found a number",
            "$.maturity: unknown maturity stage \"huge\" (expected one of starting, scaling, leading)",
            "$.catalog.version: missing (expected a string)",
            "$.created: \"yesterday\" is not an ISO 8601 time such as 2026-11-27T10:04:31Z",
            "$.answers[\"generation.event-rate\"].status: unknown status \"done\" (expected one of unanswered, addressed, partial, gap, not-applicable)",
            "$.answers[\"storage.retention\"]: expected an object, found an array",
            "$.answers[\"a.b\"].note: expected a string, found a number",
        ])
    }

    func testANewerFormatIsRefusedWithAnUpgradeHint() {
        let (assessment, problems) = decode("""
            {"formatVersion": 3, "name": "X", "catalog": {"id": "c", "version": "1"}, "created": "2026-01-01T00:00:00Z"}
            """)
        XCTAssertNil(assessment)
        XCTAssertEqual(problems.map(\.description), ["$.formatVersion: format 3 is newer than this build of lifecycle understands (up to 2); upgrade lifecycle to open it"])
    }

    func testProgressCountsPerAreaAndOverall() {
        let assessment = sampleAssessment(catalog)
        let generation = assessment.progress(of: catalog.area(id: "generation")!)
        XCTAssertEqual(generation.answered, 1)
        XCTAssertEqual(generation.gaps, 1)
        XCTAssertEqual(generation.total, catalog.area(id: "generation")!.questions.count)
        let overall = assessment.overallProgress(in: catalog)
        XCTAssertEqual(overall.answered, 3)
        XCTAssertEqual(overall.notApplicable, 1)
        XCTAssertEqual(overall.total, catalog.questionCount)
    }

    func testTimestampsFormatInUTC() {
        XCTAssertEqual(Timestamp(Date(timeIntervalSince1970: 1_790_000_000)).text, "2026-09-21T14:13:20Z")
        XCTAssertNotNil(Timestamp("2026-11-27T10:04:31.250+01:00"))
        XCTAssertNil(Timestamp("2026-13-45"))
    }
}

final class TimestampTests: XCTestCase {
    func testParsesTheISOFormsAndAgreesWithFoundation() {
        let formatter = ISO8601DateFormatter()
        for text in ["2026-11-27T10:04:31Z", "2000-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2026-03-01T01:02:03+05:30", "2026-03-01T01:02:03-08:00"] {
            XCTAssertEqual(Timestamp.parse(text), formatter.date(from: text), text)
        }
        XCTAssertEqual(Timestamp.parse("2026-11-27T10:04:31.250Z")?.timeIntervalSince1970, formatter.date(from: "2026-11-27T10:04:31Z")!.timeIntervalSince1970 + 0.25)
        for bad in ["2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-27 10:04:31Z", "2026-11-27T10:04:31", "2026-11-27T24:00:00Z",
                    "2026-11-27T10:04:31Zjunk", "2026-11-27T10:04:31.Z", "26-11-27T10:04:31Z", ""] {
            XCTAssertNil(Timestamp.parse(bad), bad)
        }
    }
}

final class ProgressTests: XCTestCase {
    func testMovingBetweenStatusesMatchesARecount() {
        let catalog = builtInCatalog()
        var assessment = Assessment(name: "P", catalog: catalog.reference)
        let area = catalog.area(id: "storage")!
        var progress = assessment.progress(of: area)
        let steps: [(String, AnswerStatus)] = [("storage.retention", .gap), ("storage.retention", .partial), ("storage.temperature", .notApplicable),
                                               ("storage.retention", .unanswered), ("storage.temperature", .addressed)]
        for (id, status) in steps {
            progress.move(from: assessment.status(of: id), to: status)
            assessment.setStatus(status, for: id)
            XCTAssertEqual(progress, assessment.progress(of: area))
        }
    }
}
