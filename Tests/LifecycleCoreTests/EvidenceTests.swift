import XCTest
@testable import LifecycleCore

/// Evidence references: how each kind is recognised, the label form, and every malformed
/// reference refused with a reason, from the command line and from a file.
final class EvidenceTests: XCTestCase {
    func testEachKindIsRecognisedFromTheReference() throws {
        XCTAssertEqual(try Evidence.parse("https://wiki.example.com/runbook#restore"), Evidence(kind: .url, ref: "https://wiki.example.com/runbook#restore"))
        XCTAssertEqual(try Evidence.parse("HTTP://Example.com"), Evidence(kind: .url, ref: "HTTP://Example.com"))
        XCTAssertEqual(try Evidence.parse("docs/runbooks/restore.md:42"), Evidence(kind: .path, ref: "docs/runbooks/restore.md:42"))
        XCTAssertEqual(try Evidence.parse("dags/nightly load.py"), Evidence(kind: .path, ref: "dags/nightly load.py"))
        XCTAssertEqual(try Evidence.parse("README.md"), Evidence(kind: .path, ref: "README.md"))
        XCTAssertEqual(try Evidence.parse("TWF-412"), Evidence(kind: .ticket, ref: "TWF-412"))
        XCTAssertEqual(try Evidence.parse("DATA_PLAT2-7"), Evidence(kind: .ticket, ref: "DATA_PLAT2-7"))
        XCTAssertEqual(try Evidence.parse("acme/data-platform#42"), Evidence(kind: .ticket, ref: "acme/data-platform#42"))
        // Not tickets: a lower-case key reads as a path, and so does a three-part "repo".
        XCTAssertEqual(try Evidence.parse("twf-412").kind, .path)
        XCTAssertEqual(try Evidence.parse("a/b/c#4").kind, .path)
        XCTAssertEqual(Evidence.splitLine("docs/x.md:12").line, "12")
        XCTAssertNil(Evidence.splitLine("docs/x:y.md").line, "a colon without digits after it is part of the path")
    }

    func testSpacesAroundAReferenceOrALabelAreTrimmed() throws {
        XCTAssertEqual(try Evidence.parse("  docs/x.md "), Evidence(kind: .path, ref: "docs/x.md"))
        XCTAssertEqual(try Evidence.parse("[ Runbook ]( TWF-1 ) "), Evidence(kind: .ticket, ref: "TWF-1", label: "Runbook"))
        XCTAssertThrowsError(try Evidence.kind(of: " x.md"), "from a file, a spaced reference is refused, not trimmed")
        XCTAssertEqual(try Evidence.parse("https://user:pw@host.example:8443/x").kind, .url)
    }

    func testALabelIsGivenAsAMarkdownLink() throws {
        XCTAssertEqual(try Evidence.parse("[Restore runbook](docs/restore.md)"), Evidence(kind: .path, ref: "docs/restore.md", label: "Restore runbook"))
        XCTAssertEqual(try Evidence.parse("[Plan [v2]](https://x.example/a_(b))"), Evidence(kind: .url, ref: "https://x.example/a_(b)", label: "Plan [v2]"))
        XCTAssertEqual(try Evidence.parse("[Ticket](TWF-1)").title, "Ticket")
        XCTAssertEqual(try Evidence.parse("TWF-1").title, "TWF-1")
    }

    func testEveryMalformedReferenceIsRefusedWithAReason() {
        let cases: [(String, String)] = [
            ("", "the reference is empty"),
            ("https://", "a URL needs a host"),
            ("http:// example.com", "a URL needs a host"),
            ("https://exa mple.com", "a URL needs a host"),
            ("javascript:alert(1)", "only http and https links are evidence, not javascript:"),
            ("file:///etc/passwd", "only http and https links are evidence, not file:"),
            ("ftp://example.com/x", "only http and https links are evidence, not ftp:"),
            ("/etc/passwd", "not absolute"),
            ("~/notes.md", "not a home folder"),
            ("../secrets", "must stay inside the repository"),
            ("docs/../../x", "must stay inside the repository"),
            ("docs\\x.md", "write paths with /"),
            ("docs/x.md:0", "line numbers start at 1"),
            (":12", "the path before :12 is empty"),
            ("docs/\u{1B}[2Jx", "control character"),
            ("[Two\nlines](docs/x.md)", "a label is one line"),
            ("[a\u{1B}b](docs/x.md)", "a label is one line"),
            ("https://:0", "a URL needs a host"),
            ("https://user@", "a URL needs a host"),
            ("https://host:0/x", "a URL needs a host"),
            ("https://host:99999", "a URL needs a host"),
            ("https:host.example/x", "needs // after the colon"),
            ("docs/x.md:-1", "a line number, 1 or more"),
            ("docs/x.md:", "a line number, 1 or more"),
            ("docs/x.md:99999999999999999999", "is not a line number"),
            ("docs/\u{202E}dm.exe", "invisible formatting character"),
            ("docs/a\u{200B}b.md", "invisible formatting character"),
        ]
        for (argument, reason) in cases {
            XCTAssertThrowsError(try Evidence.parse(argument), argument) { error in
                let text = (error as! EvidenceError).description
                XCTAssertTrue(text.contains(reason), "\(argument): \(text)")
                XCTAssertFalse(text.contains("\u{1B}"), "the message is safe to print")
            }
        }
    }

    func testAFileWithBadEvidenceIsRefusedByPath() {
        var problems: [ValidationProblem] = []
        let value = try! JSONParser.parse("""
            {"status": "gap", "due": "2026-02-30", "priority": "urgent", "owner": 4,
             "evidence": [{"kind": "url", "ref": "https://"}, {"kind": "ticket", "ref": "docs/x.md"}, {"kind": "link", "ref": "x"}, {"ref": "TWF-1"}]}
            """)
        XCTAssertNil(Answer.decode(value, at: JSONPath.root.appending("answers").appending("q"), problems: &problems))
        XCTAssertEqual(problems.map(\.description), [
            "$.answers.q.owner: expected a string, found a number",
            "$.answers.q.due: \"2026-02-30\" is not a date such as 2026-12-31",
            "$.answers.q.priority: unknown priority \"urgent\" (expected one of high, medium, low)",
            "$.answers.q.evidence[0].ref: a URL needs a host and no spaces, as in https://wiki.example.com/runbook",
            "$.answers.q.evidence[1].ref: \"docs/x.md\" reads as a path, not a ticket",
            "$.answers.q.evidence[2].kind: unknown kind \"link\" (expected one of url, path, ticket)",
            "$.answers.q.evidence[3].kind: missing (expected a string)",
        ])
    }

    func testPlanFieldsRoundTripThroughTheFile() throws {
        var answer = Answer(status: .partial, note: "n")
        answer.owner = "@data-platform"
        answer.due = CalendarDate("2026-12-31")
        answer.priority = .low
        answer.evidence = [Evidence(kind: .url, ref: "https://x.example", label: "X"), Evidence(kind: .ticket, ref: "A-1")]
        answer.exclusion = "covered by the group review"
        var problems: [ValidationProblem] = []
        XCTAssertEqual(Answer.decode(answer.jsonValue, at: .root, problems: &problems), answer)
        XCTAssertEqual(problems, [])
        XCTAssertFalse(answer.isEmpty)
        var onlyOwner = Answer()
        onlyOwner.owner = "x"
        XCTAssertFalse(onlyOwner.isEmpty, "an owner alone is kept in the file")
    }

    func testCalendarDatesAreRealDays() {
        XCTAssertNotNil(CalendarDate("2028-02-29"))
        XCTAssertNil(CalendarDate("2026-02-29"))
        XCTAssertNil(CalendarDate("1900-02-29"))
        XCTAssertNotNil(CalendarDate("2000-02-29"))
        for bad in ["2026-13-01", "2026-00-10", "2026-1-01", "26-01-01", "2026-01-01T00:00", "２０２６-01-01", "0000-01-01"] {
            XCTAssertNil(CalendarDate(bad), bad)
        }
        XCTAssertLessThan(CalendarDate("2026-11-30")!, CalendarDate("2026-12-01")!)
        XCTAssertEqual(CalendarDate("2026-03-07")!.description, "2026-03-07")
    }
}
