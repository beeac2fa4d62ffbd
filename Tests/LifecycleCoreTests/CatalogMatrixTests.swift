import XCTest
@testable import LifecycleCore

/// The stage x undercurrent matrix reviews each cell with questions of its own: every topic
/// of a cell names at least one question, the questions belong to the cell's stage, and no
/// question stands in two cells, so one answer never "covers" several cells.
final class CatalogMatrixTests: XCTestCase {
    let catalog = builtInCatalog()

    func testEveryTopicOfEveryCellHasAQuestionOfThatStage() {
        XCTAssertEqual(catalog.matrix.count, 30)
        for cell in catalog.matrix {
            let name = "\(cell.stage) x \(cell.undercurrent)"
            XCTAssertEqual(cell.topicQuestionIDs.count, cell.topics.count, name)
            for (topic, ids) in zip(cell.topics, cell.topicQuestionIDs) {
                XCTAssertFalse(ids.isEmpty, "\(name): \"\(topic)\" names no question")
            }
            let stageQuestions = Set(catalog.area(id: cell.stage)?.questions.map(\.id) ?? [])
            for id in cell.questionIDs {
                XCTAssertTrue(stageQuestions.contains(id), "\(name): \(id) is not a question of \(cell.stage)")
            }
        }
    }

    func testNoQuestionStandsInTwoCells() {
        var seen: [String: String] = [:]
        for cell in catalog.matrix {
            for id in cell.questionIDs {
                let name = "\(cell.stage) x \(cell.undercurrent)"
                if let other = seen[id] { XCTFail("\(id) stands in \(other) and in \(name)") }
                seen[id] = name
            }
        }
        XCTAssertGreaterThanOrEqual(seen.count, 90)
    }

    /// An assessment made against 1.1.0 with an answer to every question that moved in 2.0.0
    /// opens with every note where it belongs: renamed and merged answers on their new
    /// question, split ones' notes on each part, retired ones kept by id.
    func testEveryAnswerToAMovedQuestionFollowsIt() throws {
        let moves = PackLibrary.bookMoves.filter { $0.version == "2.0.0" }
        XCTAssertFalse(moves.isEmpty)
        var assessment = Assessment(name: "Old", catalog: CatalogReference(id: catalog.id, version: "1.1.0", contentHash: "old"), created: fixedTime())
        for id in moves.flatMap(\.from) { assessment.answers[id] = Answer(status: .gap, note: "note of \(id)") }
        let review = PackComposition.compose(assessment, book: catalog, library: PackLibrary(catalog: catalog, adding: []))
        XCTAssertTrue(PackUpgrade.isNeeded(review))
        let (upgraded, _) = PackUpgrade.upgrade(assessment, review: review, at: fixedTime())
        for move in moves {
            for old in move.from {
                if move.to.isEmpty {
                    XCTAssertEqual(upgraded.answers[old]?.note, "note of \(old)", "retired \(old) is kept")
                    continue
                }
                for new in move.to {
                    XCTAssertTrue(catalog.containsQuestion(new), "\(new) is in 2.0.0")
                    XCTAssertTrue(upgraded.answers[new]?.note.contains("note of \(old)") ?? false, "\(old) -> \(new) lost its note")
                }
                if !move.to.contains(old) { XCTAssertNil(upgraded.answers[old], "\(old) moved away") }
            }
            if move.kind == .split {
                for new in move.to { XCTAssertEqual(upgraded.answers[new]?.status, .unanswered, "a split part starts unanswered") }
            } else if !move.to.isEmpty {
                XCTAssertEqual(upgraded.answers[move.to[0]]?.status, .gap, "the least favourable status stays")
            }
        }
        XCTAssertEqual(upgraded.unknownQuestionIDs(in: catalog).sorted(), moves.filter { $0.to.isEmpty }.flatMap(\.from).sorted())
    }

    func testTheCatalogIsVersionTwoWithACoreSetOfAboutForty() {
        XCTAssertEqual(catalog.version, "2.0.0")
        XCTAssertGreaterThan(catalog.questionCount, 300)
        let core = catalog.areas.flatMap(\.questions).filter(\.isCore).count
        XCTAssertTrue((36...46).contains(core), "\(core) core questions")
    }
}
