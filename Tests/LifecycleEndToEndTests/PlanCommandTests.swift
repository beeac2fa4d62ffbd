import Foundation
import XCTest

/// Owners, due dates, priorities, evidence and exclusions from the command line, and
/// `lifecycle plan` in every format, each read back by a real parser.
final class PlanCommandTests: BinaryTestCase {
    var file: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        lifecycle.environment["LIFECYCLE_TODAY"] = "2026-11-28"
        file = try newAssessment("payments.json", name: "Payments & Co")
        try set("generation.event-rate", "--status", "gap", "--note", "@SUM(1) peak unknown\n<script>alert(1)</script>",
                "--owner", "=HYPERLINK(\"http://evil\")", "--due", "2026-11-20",
                "--evidence", "[Load test](https://wiki.example.com/load-test?x=<1>)", "--evidence", "TWF-12", "--evidence", "dags/load.py:88")
        try set("storage.retention", "--status", "partial", "--owner", "@data-platform", "--due", "2026-11-28", "--priority", "high")
        try set("security.backups", "--status", "gap", "--owner", "+ops")
        try set("ingestion.volume", "--status", "gap", "--exclude", "covered by the capacity review")
        try set("serving.semantic-layer", "--status", "partial", "--owner=-analytics", "--due", "2027-01-15", "--evidence", "acme/metrics#42")
    }

    @discardableResult
    private func set(_ question: String, _ arguments: String...) throws -> BinaryRunner.Result {
        let result = try lifecycle.run(arguments: ["set", file, question] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result
    }

    private func python(_ script: String, _ arguments: [String] = []) throws -> (Int32, String) {
        try runProcess(["python3", "-c", script] + arguments)
    }

    private func write(_ text: String, _ name: String) throws -> String {
        let path = scratch.path + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testSetRefusesMalformedInputAndLeavesTheFileAlone() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        for arguments in [["--evidence", "https://"], ["--evidence", "javascript:alert(1)"], ["--evidence", "/etc/passwd"],
                          ["--evidence", "../up"], ["--due", "2026-02-30"], ["--due", "tomorrow"], ["--priority", "urgent"],
                          ["--owner", "two\nlines"]] {
            let result = try lifecycle.run(arguments: ["set", file, "generation.event-rate"] + arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(result.stderr.hasPrefix("lifecycle: error: "), result.stderr)
            XCTAssertEqual(result.stderr.components(separatedBy: "lifecycle: error:").count, 2, "one error line: \(result.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: file)), before, "the file is unchanged")
        // Something that is not a file: refused before any lock file is made beside it.
        let fifo = scratch.path + "/fifo"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(try lifecycle.run("set", fifo, "generation.event-rate", "--owner", "x").status, 2)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/.fifo.lock"))
    }

    func testEmptyValuesClearAndEvidenceReplacesTheList() throws {
        try set("generation.event-rate", "--evidence", "TWF-99")
        var answers = try answersOf(file)
        XCTAssertEqual((answers["generation.event-rate"]?["evidence"] as? [[String: Any]])?.map { $0["ref"] as? String }, ["TWF-99"])
        try set("generation.event-rate", "--owner", "", "--due", "", "--evidence", "", "--priority", "")
        try set("ingestion.volume", "--exclude", "")
        answers = try answersOf(file)
        let event = try XCTUnwrap(answers["generation.event-rate"])
        for key in ["owner", "due", "evidence", "priority"] { XCTAssertNil(event[key], key) }
        XCTAssertEqual(event["status"] as? String, "gap", "the status stays")
        XCTAssertNil(answers["ingestion.volume"]?["excluded"])
    }

    private func answersOf(_ path: String) throws -> [String: [String: Any]] {
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        return document["answers"] as! [String: [String: Any]]
    }

    func testJSONIsTheFindingsInPlanOrder() throws {
        let result = try lifecycle.run("plan", file, "--format", "json")
        XCTAssertEqual(result.status, 0, result.stderr)
        let findings = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(findings.map { $0["question"] as? String }, [
            "fundamentals:generation.event-rate",    // priority high (from the risk), high risk, due 2026-11-20
            "fundamentals:security.backups",         // the same, no due date: after
            "fundamentals:storage.retention",        // priority high (set) but medium risk: after the high risks
            "fundamentals:serving.semantic-layer",   // medium
        ], "the excluded answer is not in the plan")
        let first = findings[0]
        XCTAssertEqual(Set(first.keys), ["id", "question", "pack", "area", "text", "status", "risk", "priority", "owner", "due", "overdue",
                                         "evidence", "note", "plan"])
        XCTAssertEqual(first["id"] as? String, "payments-co/fundamentals:generation.event-rate")
        XCTAssertEqual(first["overdue"] as? Bool, true)
        XCTAssertTrue(first["priority"] is NSNull, "not set")
        XCTAssertEqual((first["evidence"] as? [[String: Any]])?.first?["label"] as? String, "Load test")
        XCTAssertTrue(((first["evidence"] as? [[String: Any]])?[1]["label"]) is NSNull)
        XCTAssertEqual(findings[2]["overdue"] as? Bool, false, "due today is not overdue")
        XCTAssertEqual(findings[2]["priority"] as? String, "high")
        XCTAssertTrue(findings[1]["due"] is NSNull)
    }

    func testTheJiraCSVReadsBackWithStableIDsAndNoCellASpreadsheetWouldRun() throws {
        let first = try lifecycle.run("plan", file, "--format", "csv")
        XCTAssertEqual(first.status, 0, first.stderr)
        try set("generation.late-data", "--status", "gap")
        let second = try lifecycle.run("plan", file, "--format", "csv").stdout
        let (status, output) = try python("""
            import csv, io, sys
            def rows(path):
                return list(csv.reader(open(path, encoding="utf-8", newline="")))
            a, b = rows(sys.argv[1]), rows(sys.argv[2])
            assert a[0] == ["Finding ID", "Summary", "Description", "Priority", "Due Date"] + ["Labels"] * 5, a[0]
            assert not a[0][0].startswith("\\ufeff"), "no byte order mark"
            ids_a = [r[0] for r in a[1:]]
            ids_b = [r[0] for r in b[1:]]
            assert set(ids_a) < set(ids_b), (ids_a, ids_b)
            assert len(set(ids_b)) == len(ids_b)
            for row in a + b:
                for cell in row:
                    assert not cell[:1] in ("=", "+", "-", "@", "\\t", "\\r"), repr(cell)
            event = [r for r in a if r[0].endswith(":generation.event-rate")][0]
            assert event[3] == "High" and event[4] == "2026-11-20", event
            assert "Owner: =HYPERLINK(\\"http://evil\\")" in event[2], event[2]
            assert "Note: @SUM(1) peak unknown\\n<script>" in event[2], event[2]
            assert event[1].startswith("[Generation] "), event[1]
            labels = event[5:]
            assert labels[:4] == ["lifecycle-review", "pack-fundamentals", "area-generation", "risk-high"], labels
            assert labels[4] == "owner-hyperlink-http-evil", labels
            backups = [r for r in a if r[0].endswith(":security.backups")][0]
            assert "Owner: +ops" in backups[2] and backups[9] == "owner-ops", backups
            print("CSV-OK")
            """, [try write(first.stdout, "a.csv"), try write(second, "b.csv")])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("CSV-OK"), output)
    }

    func testTheMarkdownIsAGitHubTaskList() throws {
        let markdown = try lifecycle.run("plan", file).stdout
        let (status, output) = try python("""
            import sys
            from html.parser import HTMLParser
            from markdown_it import MarkdownIt
            from mdit_py_plugins.tasklists import tasklists_plugin
            html = MarkdownIt("commonmark").use(tasklists_plugin).render(open(sys.argv[1], encoding="utf-8").read())
            class Collect(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.tasks, self.links, self.scripts = 0, [], 0
                def handle_starttag(self, tag, attrs):
                    attrs = dict(attrs)
                    if tag == "li" and "task-list-item" in (attrs.get("class") or ""): self.tasks += 1
                    if tag == "a": self.links.append(attrs["href"])
                    if tag == "script": self.scripts += 1
            c = Collect()
            c.feed(html)
            assert c.tasks == 4, (c.tasks, html)
            assert c.scripts == 0, html
            assert "https://wiki.example.com/load-test?x=%3C1%3E" in c.links, c.links
            assert "dags/load.py#L88" in c.links, c.links
            assert "https://github.com/acme/metrics/issues/42" in c.links, c.links
            assert "<strong>overdue</strong>" in html
            print("MD-OK")
            """, [try write(markdown, "plan.md")])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("MD-OK"), output)
        XCTAssertTrue(markdown.contains("4 open findings, 1 overdue, as of 2026-11-28."), markdown)
    }

    /// A reference spelled with entities must not turn into a `javascript:` link in any
    /// Markdown renderer, also one that checks no link scheme (Python-Markdown, as MkDocs).
    func testAnEntityInEvidenceNeverBecomesAScriptLink() throws {
        try set("security.backups", "--evidence", "[click me](&#106;avascript:alert(document.domain))", "--evidence", "&colon;x")
        let markdown = try lifecycle.run("plan", file).stdout
        let report = try lifecycle.run("report", file).stdout
        let (status, output) = try python("""
            import html, re, sys, markdown
            from markdown_it import MarkdownIt
            lenient = MarkdownIt("commonmark")
            lenient.validateLink = lambda url: True
            for path in sys.argv[1:]:
                text = open(path, encoding="utf-8").read()
                for rendered in (markdown.markdown(text), lenient.render(text)):
                    for href in re.findall(r'href="([^"]*)"', rendered):
                        target = html.unescape(href).strip().lower()
                        assert not target.startswith(("javascript:", "data:", "vbscript:")), (path, href)
                        scheme = re.match(r"^[a-z][a-z0-9+.-]*:", target)
                        assert scheme is None or scheme.group(0) in ("http:", "https:"), (path, href)
            print("SAFE")
            """, [try write(markdown, "plan.md"), try write(report, "report.md")])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("SAFE"), output)
    }

    func testTheHTMLIsATableThatPrints() throws {
        let output = scratch.path + "/plan.html"
        let result = try lifecycle.run("plan", file, "--format", "html", "--output", output)
        XCTAssertEqual(result.status, 0, result.stderr)
        let (status, text) = try python("""
            import sys
            from html.parser import HTMLParser
            class Collect(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.rows, self.stack, self.scripts, self.style, self.links = 0, [], 0, "", []
                    self.in_style = False
                def handle_starttag(self, tag, attrs):
                    if tag == "tr": self.rows += 1
                    if tag == "script": self.scripts += 1
                    if tag == "style": self.in_style = True
                    if tag == "a": self.links.append(dict(attrs)["href"])
                def handle_endtag(self, tag):
                    if tag == "style": self.in_style = False
                def handle_data(self, data):
                    if self.in_style: self.style += data
            c = Collect()
            c.feed(open(sys.argv[1], encoding="utf-8").read())
            assert c.rows == 1 + 4, c.rows
            assert c.scripts == 0
            assert "@media print" in c.style and "table-header-group" in c.style and "break-inside: avoid" in c.style
            assert "https://wiki.example.com/load-test?x=%3C1%3E" in c.links, c.links
            print("HTML-OK")
            """, [output])
        XCTAssertEqual(status, 0, text)
        XCTAssertTrue(text.contains("HTML-OK"), text)
    }

    func testTheGatesExitOneOnAMatchZeroWithoutAndTwoForTrouble() throws {
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "overdue").status, 1)
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "high-risk").status, 1)
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "overdue", "--owner", "@DATA-platform").status, 0, "applied after --owner")
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "high-risk", "--owner", "@data-platform").status, 0)
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "overdue", "--today", "2026-11-01").status, 0, "nothing overdue yet")
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "overdue", "--fail-on", "high-risk", "--owner", "+ops").status, 1)
        let overdueOnly = try lifecycle.run("plan", file, "--overdue", "--format", "json")
        XCTAssertEqual((try JSONSerialization.jsonObject(with: Data(overdueOnly.stdout.utf8)) as? [Any])?.count, 1)
        XCTAssertEqual(try lifecycle.run("plan", file, "--today", "2026-13-01").status, 2)
        XCTAssertEqual(try lifecycle.run("plan", file, "--fail-on", "soon").status, 2)
        XCTAssertEqual(try lifecycle.run("plan", scratch.path + "/missing.json").status, 2)
        lifecycle.environment["LIFECYCLE_TODAY"] = "yesterday"
        let bad = try lifecycle.run("plan", file)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("LIFECYCLE_TODAY=\"yesterday\" is not a date"), bad.stderr)
        let refused = try lifecycle.run("plan", file, "--output", file, "--today", "2026-11-28")
        XCTAssertEqual(refused.status, 2, "the plan never overwrites the assessment")
    }

    func testTheMergeDriverMergesPlanFieldsOneByOne() throws {
        let base = scratch.path + "/base.json", ours = scratch.path + "/ours.json", theirs = scratch.path + "/theirs.json"
        for path in [base, ours, theirs] { try FileManager.default.copyItem(atPath: file, toPath: path) }
        XCTAssertEqual(try lifecycle.run("set", ours, "generation.event-rate", "--owner", "Ana", "--evidence", "TWF-12", "--evidence", "TWF-13").status, 0)
        XCTAssertEqual(try lifecycle.run("set", theirs, "generation.event-rate", "--due", "2027-03-01", "--status", "partial",
                                         "--evidence", "TWF-12", "--evidence", "dags/load.py:88", "--evidence", "TWF-14").status, 0)
        let merged = try lifecycle.run("merge", base, ours, theirs)
        XCTAssertEqual(merged.status, 0, merged.stdout + merged.stderr)
        let answer = try XCTUnwrap(try answersOf(ours)["generation.event-rate"])
        XCTAssertEqual(answer["owner"] as? String, "Ana")
        XCTAssertEqual(answer["due"] as? String, "2027-03-01")
        XCTAssertEqual(answer["status"] as? String, "partial")
        XCTAssertEqual((answer["evidence"] as? [[String: Any]])?.compactMap { $0["ref"] as? String }, ["TWF-12", "TWF-13", "TWF-14"],
                       "each side's additions kept; what either side removed (the link, the path) gone")
    }

    func testDiffNamesPlanChanges() throws {
        XCTAssertEqual(try lifecycle.run("milestone", file, "--label", "before").status, 0)
        try set("security.backups", "--owner", "Data platform", "--due", "2026-11-27")
        try set("generation.event-rate", "--status", "addressed")
        try set("orchestration.backfills", "--status", "gap")
        let diff = try lifecycle.run("diff", file + "@before", file)
        XCTAssertEqual(diff.status, 1)
        XCTAssertTrue(diff.stdout.contains("      owner: +ops -> Data platform\n      due: (none) -> 2026-11-27\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("Plan: 1 opened, 1 closed, 1 re-owned, 1 re-dated, 1 newly overdue\n"), diff.stdout)
        XCTAssertTrue(diff.stdout.contains("  newly overdue: fundamentals:security.backups\n"), diff.stdout)
        let json = try JSONSerialization.jsonObject(with: Data(try lifecycle.run("diff", file + "@before", file, "--format", "json").stdout.utf8)) as! [String: Any]
        XCTAssertEqual((json["plan"] as? [String: [String]])?["opened"], ["fundamentals:orchestration.backfills"])
    }
    /// Evidence paths are relative to the repository holding the assessment; a plan written
    /// into a folder below links back up to them, one written to standard output from the root.
    func testPathLinksWorkFromWhereThePlanIsWritten() throws {
        let repo = scratch.path + "/repo"
        try FileManager.default.createDirectory(atPath: repo + "/.git", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: repo + "/reviews/2026", withIntermediateDirectories: true)
        let review = repo + "/reviews/2026/r.json"
        try FileManager.default.copyItem(atPath: file, toPath: review)
        XCTAssertEqual(try lifecycle.run("plan", review, "--output", repo + "/reviews/2026/plan.md").status, 0)
        XCTAssertTrue(try String(contentsOfFile: repo + "/reviews/2026/plan.md", encoding: .utf8).contains("(<../../dags/load.py#L88>)"))
        XCTAssertEqual(try lifecycle.run("plan", review, "--format", "html", "--output", repo + "/plan.html").status, 0)
        XCTAssertTrue(try String(contentsOfFile: repo + "/plan.html", encoding: .utf8).contains("href=\"dags/load.py#L88\""))
        XCTAssertTrue(try lifecycle.run("plan", review).stdout.contains("(<dags/load.py#L88>)"), "standard output: from the root")
        XCTAssertEqual(try lifecycle.run("report", review, "--output", repo + "/reviews/report.md").status, 0)
        XCTAssertTrue(try String(contentsOfFile: repo + "/reviews/report.md", encoding: .utf8).contains("(<../dags/load.py#L88>)"))
    }
}
