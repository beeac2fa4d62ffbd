import Foundation
import XCTest
@testable import LifecycleCore
import LifecycleContent

/// Random mutations of real files fed to every loader: the parser, the assessment and
/// catalog decoders, the validator's shape detection, diff and merge. Not coverage-guided
/// like libFuzzer, but deterministic (a fixed seed) and part of every test run. A crash,
/// a hang or a wrong error position fails the run.
final class LoaderFuzzTests: XCTestCase {
    /// xorshift64*: a small seeded generator, so a failure can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 2_685_821_657_736_338_717
        }
    }

    static func mutate(_ input: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { bytes = [UInt8.random(in: 0...255, using: &generator)]; continue }
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
            case 2: bytes.insert(contentsOf: bytes[position..<min(bytes.count, position + 32)], at: Int.random(in: 0...bytes.count, using: &generator))
            case 3: bytes = Array(bytes.prefix(position))
            case 4: bytes.insert(contentsOf: Array("{[\"\\u00".utf8).shuffled(using: &generator), at: position)
            case 5: bytes[position] = [0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0xC3, 0xE2, 0xF0, 0x00, 0x1B][Int.random(in: 0..<13, using: &generator)]
            default: bytes.insert(contentsOf: Array(String(repeating: "[", count: Int.random(in: 1...200, using: &generator)).utf8), at: position)
            }
        }
        return bytes
    }

    func testMutatedAssessmentsAndCatalogFilesNeverCrashTheLoaders() throws {
        let catalog = try CatalogLoader.builtInCatalog()
        let seeds: [[UInt8]] = [
            Array(EmbeddedResources.text("assets/sample-assessment.json")!.utf8),
            Array(EmbeddedResources.text("content/ingestion.json")!.utf8),
            Array(EmbeddedResources.text("content/matrix.json")!.utf8),
        ]
        var generator = SeededGenerator(state: 0x5EED_1234_ABCD_0001)
        var parsed = 0, rejected = 0
        let base = try JSONParser.parse(seeds[0])
        var baseProblems: [ValidationProblem] = []
        let baseAssessment = Assessment.decode(base, knownMaturityStages: ["scaling"], problems: &baseProblems)!
        for iteration in 0..<20_000 {
            let input = LoaderFuzzTests.mutate(seeds[iteration % seeds.count], using: &generator)
            do {
                let value = try JSONParser.parse(input)
                parsed += 1
                var problems: [ValidationProblem] = []
                if let assessment = Assessment.decode(value, knownMaturityStages: ["starting", "scaling", "leading"], problems: &problems) {
                    XCTAssertTrue(problems.isEmpty)
                    // What loads must save and load back to the same thing.
                    var again: [ValidationProblem] = []
                    let reloaded = Assessment.decode(try JSONParser.parse(assessment.canonicalBytes()), knownMaturityStages: ["starting", "scaling", "leading"], problems: &again)
                    XCTAssertEqual(reloaded, assessment, "iteration \(iteration)")
                    // The direct writer and the generic one agree byte for byte.
                    XCTAssertEqual(assessment.canonicalBytes(), CanonicalJSONWriter.bytes(assessment.jsonValue), "iteration \(iteration)")
                    _ = AssessmentDiff(left: DiffSide(label: "a", assessment: baseAssessment), right: DiffSide(label: "b", assessment: assessment), catalog: catalog)
                    _ = ThreeWayMerge.merge(base: baseAssessment, ours: assessment, theirs: baseAssessment)
                }
                // Streamed decoding (answers and questions handed over while parsing)
                // must agree with decoding the whole tree: same result, same problems.
                let streamedAnswers = Assessment.StreamedAnswers()
                var streamedProblems: [ValidationProblem] = []
                let streamedQuestions = CatalogLoader.StreamedQuestions()
                let streamedDocument: JSONValue, streamedAreaDocument: JSONValue
                do {
                    streamedDocument = try JSONParser.parse(input, streaming: streamedAnswers.stream())
                    streamedAreaDocument = try JSONParser.parse(input, streaming: streamedQuestions.stream())
                } catch {
                    XCTFail("iteration \(iteration): a streamed parse failed where the plain one did not: \(error)")
                    continue
                }
                let streamedAssessment = Assessment.decode(streamedDocument,
                                                           knownMaturityStages: ["starting", "scaling", "leading"],
                                                           streamedAnswers: streamedAnswers, problems: &streamedProblems)
                XCTAssertEqual(streamedAssessment, Assessment.decode(value, knownMaturityStages: ["starting", "scaling", "leading"], problems: &problems),
                               "iteration \(iteration)")
                var treeProblems: [ValidationProblem] = []
                _ = Assessment.decode(value, knownMaturityStages: ["starting", "scaling", "leading"], problems: &treeProblems)
                XCTAssertEqual(Set(streamedProblems.map(\.description)), Set(treeProblems.map(\.description)), "iteration \(iteration)")
                var areaProblems: [ValidationProblem] = [], streamedAreaProblems: [ValidationProblem] = []
                let area = CatalogLoader.parseArea(value, problems: &areaProblems)
                let streamedArea = CatalogLoader.parseArea(streamedAreaDocument,
                                                           streamedQuestions: streamedQuestions, problems: &streamedAreaProblems)
                XCTAssertEqual(streamedArea, area, "iteration \(iteration)")
                XCTAssertEqual(streamedAreaProblems.map(\.description), areaProblems.map(\.description), "iteration \(iteration)")
                _ = CatalogLoader.parseMatrix(value, problems: &problems)
            } catch {
                rejected += 1
                let lines = input.filter { $0 == 0x0A }.count + 1
                XCTAssertTrue((1...lines).contains(error.line), "iteration \(iteration): line \(error.line) of \(lines)")
                XCTAssertGreaterThan(error.column, 0)
            }
        }
        print("loader fuzz: 20000 inputs, \(parsed) parsed, \(rejected) rejected with a position")
        XCTAssertGreaterThan(parsed, 100)
        XCTAssertGreaterThan(rejected, 100)
    }
}
