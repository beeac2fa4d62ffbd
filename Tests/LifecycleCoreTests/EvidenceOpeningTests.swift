import XCTest
@testable import LifecycleCore

/// What the explorer's `O` opens: only http(s) links and existing repository paths, each
/// as one argument to the system opener (no shell), and nothing without a display.
final class EvidenceOpeningTests: XCTestCase {
    let display = ["DISPLAY": ":0"]

    private func decide(_ evidence: Evidence, environment: [String: String]? = nil, macOS: Bool = false,
                        exists: Set<String> = ["/repo/docs/runbook.md"]) -> EvidenceOpening.Decision {
        EvidenceOpening.decide(evidence, repositoryRoot: "/repo", environment: environment ?? display, onMacOS: macOS) { path in
            path == "/repo" ? "/repo" : path == "/repo/docs/escape.md" ? "/etc/passwd" : exists.contains(path) ? path : nil
        }
    }

    func testLinksAndExistingPathsAreOpenedAsOneArgument() {
        let hostile = "https://example.com/$(id);`id`|x&y"
        XCTAssertEqual(decide(Evidence(kind: .url, ref: hostile)), .run(["xdg-open", hostile]), "passed as it is, to no shell")
        XCTAssertEqual(decide(Evidence(kind: .url, ref: "https://x.example"), macOS: true), .run(["open", "https://x.example"]))
        XCTAssertEqual(decide(Evidence(kind: .path, ref: "docs/runbook.md:12")), .run(["xdg-open", "/repo/docs/runbook.md"]),
                       "absolute, so never read as an option")
        XCTAssertEqual(decide(Evidence(kind: .ticket, ref: "acme/data#42")), .run(["xdg-open", "https://github.com/acme/data/issues/42"]))
    }

    func testEverythingElseIsRefusedWithAReason() {
        func refused(_ decision: EvidenceOpening.Decision, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
            guard case .refuse(let reason) = decision else { return XCTFail("opened: \(decision)", file: file, line: line) }
            XCTAssertTrue(reason.contains(text), reason, file: file, line: line)
        }
        refused(decide(Evidence(kind: .url, ref: "https://x.example"), environment: [:]), "no display")
        refused(decide(Evidence(kind: .path, ref: "docs/missing.md")), "does not exist")
        refused(decide(Evidence(kind: .path, ref: "docs/escape.md")), "leads out of the repository")
        refused(decide(Evidence(kind: .ticket, ref: "TWF-12")), "no address known")
        // A file can claim any kind: each is checked again before opening.
        refused(decide(Evidence(kind: .url, ref: "javascript:alert(1)")), "javascript:alert(1)")
        refused(decide(Evidence(kind: .path, ref: "../../etc/passwd"), exists: ["/repo/../../etc/passwd"]), "not a repository path")
        refused(decide(Evidence(kind: .path, ref: "https://x.example")), "not a repository path")
    }
}
