import Foundation
import XCTest
@testable import LifecycleCore

/// The catalog defines its tags, each with a meaning; every question draws its tags from
/// that list, and no tag repeats the name of the question's own area.
final class TagVocabularyTests: XCTestCase {
    func testEveryTagHasAMeaningAndIsUsed() {
        let catalog = builtInCatalog()
        XCTAssertGreaterThan(catalog.tagMeanings.count, 20)
        let used = Set(catalog.areas.flatMap { $0.questions.flatMap(\.tags) })
        XCTAssertEqual(used.subtracting(catalog.tagMeanings.keys), [])
        XCTAssertEqual(Set(catalog.tagMeanings.keys).subtracting(used), [], "a tag nobody uses is not vocabulary")
        XCTAssertTrue(catalog.areas.allSatisfy { area in area.questions.allSatisfy { !$0.tags.isEmpty } })
    }

    func testAnUnknownTagOrOneRepeatingItsAreaIsRefused() throws {
        var files = EmbeddedFiles.content
        let generation = String(decoding: try XCTUnwrap(files["content/generation.json"]), as: UTF8.self)
        files["content/generation.json"] = Array(generation.replacingOccurrences(of: "\"architecture\"", with: "\"archtecture\"").utf8)
        let security = String(decoding: try XCTUnwrap(files["content/security.json"]), as: UTF8.self)
        files["content/security.json"] = Array(security.replacingOccurrences(of: "\"access\"", with: "\"security\"").utf8)
        XCTAssertThrowsError(try CatalogLoader.load(fileBytes: files)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("content/generation.json: generation.source-kind: tag \"archtecture\" is not in the tag list of catalog.json"), text)
            XCTAssertTrue(text.contains("content/security.json: security.least-privilege: tag \"security\" repeats the name of its area"), text)
        }
    }
}

/// The core set: about 40 questions, across every area, for a 90-minute meeting.
final class CoreSetTests: XCTestCase {
    func testTheCoreSetFitsAMeetingAndCoversEveryArea() {
        let catalog = builtInCatalog()
        let core = catalog.coreOnly
        XCTAssertTrue((35...45).contains(core.questionCount), "\(core.questionCount) core questions")
        XCTAssertEqual(core.areas.map(\.id), catalog.areas.map(\.id), "every area has core questions")
        XCTAssertTrue(core.areas.allSatisfy { $0.questions.allSatisfy(\.isCore) })
        XCTAssertNotNil(core.question(id: "generation.source-kind"))
        XCTAssertNil(core.question(id: "generation.event-time"))
    }

    func testACorePackQuestionSurvivesAPackRoundTrip() {
        var question = Question(id: "ops.q", text: "Q?", hint: "", tags: [], chapter: 0)
        question.isCore = true
        let pack = Pack(id: "p", version: "1", title: "P", description: "", source: "",
                        areas: [CatalogArea(id: "ops", kind: .topic, title: "O", summary: "", whyItMatters: "", pitfalls: [], questions: [question])])
        XCTAssertEqual(PackDecoder.read(bytes: PackEncoder.bytes(pack)).pack?.questions.first?.isCore, true)
    }
}
