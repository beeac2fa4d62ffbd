import Foundation
import XCTest
@testable import LifecycleCore
// packageRoot and fixedTime, shared with the other test targets.
@_exported import LifecycleTestSupport

/// A fresh temporary directory per test, removed afterwards.
final class TemporaryDirectory {
    let path: String

    init() {
        let base = FileManager.default.temporaryDirectory.path + "/lifecycle-tests-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true)
        path = base
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ text: String) -> String {
        let target = file(name)
        _ = FileManager.default.createFile(atPath: target, contents: Data(text.utf8))
        return target
    }

    func write(_ name: String, bytes: [UInt8]) -> String {
        let target = file(name)
        _ = FileManager.default.createFile(atPath: target, contents: Data(bytes))
        return target
    }

    func contents(_ path: String) -> [UInt8] {
        [UInt8](FileManager.default.contents(atPath: path) ?? Data())
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func builtInCatalog() -> Catalog {
    try! CatalogLoader.builtInCatalog()
}


func sampleAssessment(_ catalog: Catalog = builtInCatalog()) -> Assessment {
    var assessment = Assessment(name: "Payments platform", reviewers: ["Ana", "Bo"], maturity: "scaling",
                                catalog: catalog.reference, created: fixedTime())
    assessment.setAnswer(Answer(status: .gap, note: "No load test yet.\nPeak unknown."), for: "generation.event-rate", at: fixedTime())
    assessment.setAnswer(Answer(status: .addressed), for: "storage.retention", at: fixedTime())
    assessment.setAnswer(Answer(status: .notApplicable, reason: "No streaming"), for: "ingestion.online-ml", at: fixedTime())
    return assessment
}
