import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI
// packageRoot and fixedTime, shared with the other test targets.
@_exported import LifecycleTestSupport

/// The explorer's behaviour is tested on a frozen copy of the book's catalog (1.1.0), so
/// rewording or adding questions in content/ moves no test; content has its own tests.
let catalog: Catalog = {
    var url = URL(fileURLWithPath: #filePath)
    url.deleteLastPathComponent()
    return try! CatalogLoader.load(directory: url.path + "/Fixtures/catalog-1.1")
}()


/// The clock every test passes to `update`.
let fixedMoment = Moment(timestamp: fixedTime(), localTime: "12:04:31")

/// An explorer on an in-memory assessment, driven by events like a user would.
struct Driver {
    var state: AppState
    var effects: [Effect] = []

    init(width: Int = 80, height: Int = 24, name: String = "Payments platform", answers: [String: Answer] = [:], ascii: Bool = false) {
        var assessment = Assessment(name: name, maturity: "scaling", catalog: catalog.reference, created: fixedTime())
        assessment.answers = answers
        let loaded = LoadedAssessment(assessment: assessment, path: "/tmp/never-written.json",
                                      fingerprint: FileFingerprint(bytes: assessment.canonicalBytes()))
        state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/w", entries: [])),
                         width: width, height: height, asciiOnly: ascii)
        state.showExplorer(OpenDocument(loaded: loaded), fromStartScreen: false, today: fixedMoment.localDate)
    }

    var explorer: ExplorerState { state.explorer! }
    var screen: Screen { state.render() }
    var text: String { screen.text }

    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var all: [Effect] = []
        for key in keys { all += state.update(.key(key), now: fixedMoment) }
        effects += all
        return all
    }

    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var all: [Effect] = []
        for character in text { all += state.update(.key(character == "\n" ? .enter : .character(character)), now: fixedMoment) }
        effects += all
        return all
    }

    mutating func resize(_ width: Int, _ height: Int) {
        _ = state.update(.resize(width: width, height: height), now: fixedMoment)
    }
}

extension Key {
    static func char(_ character: Character) -> Key { .character(character) }
}
