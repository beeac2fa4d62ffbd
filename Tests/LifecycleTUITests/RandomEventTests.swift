import Foundation
import LifecycleTestSupport
import XCTest

/// 100,000 random events through update, receive and render, invariants checked after
/// each (see RandomEventSoak). CI also runs 1,000,000 in a release build
/// (`lifecycle-bench soak`). A failure names the seed and the event to replay.
final class RandomEventTests: XCTestCase {
    func testRandomEventsNeverBreakTheCore() throws {
        let soak = try RandomEventSoak()
        let seed = ProcessInfo.processInfo.environment["LIFECYCLE_SOAK_SEED"].flatMap { UInt64($0) }
            ?? UInt64.random(in: 0...UInt64.max)
        print("random-event seed: \(seed) (LIFECYCLE_SOAK_SEED replays it)")
        do {
            let effects = try soak.run(seed: seed, count: 100_000)
            XCTAssertGreaterThan(effects, 100, "the events reached the effects (saves, opens, merges)")
        } catch {
            XCTFail(error.description)
        }
    }
}
