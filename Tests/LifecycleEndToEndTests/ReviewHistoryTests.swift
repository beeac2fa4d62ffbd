import Foundation
import XCTest

/// Milestones, diff, reports, merge and git, through the real binary.
final class ReviewHistoryTests: BinaryTestCase {
    var file: String!

    override func setUpWithError() throws {
        try super.setUpWithError()
        file = try newAssessment("payments.json", name: "Payments", "--maturity", "scaling")
        try lifecycle.run("set", file, "generation.event-rate", "--status", "gap", "--note", "unknown peak")
        try lifecycle.run("set", file, "storage.retention", "--status", "addressed")
    }

    private func python(_ script: String, _ arguments: [String] = []) throws -> (Int32, String) {
        try runProcess(["python3", "-c", script] + arguments)
    }

    func testMilestoneThenDiffWithExitCodesAndFailOn() throws {
        let milestone = try lifecycle.run("milestone", file, "--label", "Q3")
        XCTAssertEqual(milestone.status, 0, milestone.stderr)
        XCTAssertEqual(try lifecycle.run("milestone", file, "--label", "Q3").status, 2, "labels are unique")
        XCTAssertTrue(try lifecycle.run("milestones", file).stdout.contains("  Q3  2/349 answered, 1 gap\n"))

        XCTAssertEqual(try lifecycle.run("diff", file + "@Q3", file).status, 0, "no change since the milestone")
        try lifecycle.run("set", file, "generation.event-rate", "--status", "addressed", "--note", "load tested")
        let improved = try lifecycle.run("diff", file + "@Q3", file)
        XCTAssertEqual(improved.status, 1)
        XCTAssertTrue(improved.stdout.contains("↑ generation.event-rate  gap -> addressed (improved)"), improved.stdout)
        XCTAssertFalse(improved.stdout.contains("\u{1B}["), "no colour when piped")
        XCTAssertEqual(try lifecycle.run("diff", file + "@Q3", file, "--fail-on", "regression").status, 0, "nothing got worse")

        try lifecycle.run("set", file, "storage.retention", "--status", "partial")
        XCTAssertEqual(try lifecycle.run("diff", file + "@Q3", file, "--fail-on", "regression").status, 1)

        let missing = try lifecycle.run("diff", file + "@Q9", file)
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "lifecycle: error: \(file!): no milestone labelled \"Q9\" (milestones: Q3)\n")
        let broken = scratch.path + "/broken.json"
        try Data("{".utf8).write(to: URL(fileURLWithPath: broken))
        XCTAssertEqual(try lifecycle.run("diff", broken, file).status, 2)
    }

    func testDiffJSONMatchesItsDocumentedShape() throws {
        try lifecycle.run("milestone", file, "--label", "before")
        try lifecycle.run("set", file, "storage.retention", "--status", "gap")
        let result = try lifecycle.run("diff", file + "@before", file, "--format", "json")
        XCTAssertEqual(result.status, 1)
        let document = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(Set(document.keys), ["left", "right", "identical", "catalogsDiffer", "metadata", "areas", "outsideCatalog", "summary", "plan"])
        XCTAssertEqual(document["identical"] as? Bool, false)
        let areas = document["areas"] as! [[String: Any]]
        XCTAssertEqual(areas.count, 11)
        XCTAssertEqual(Set(areas[1].keys), ["id", "title", "kind", "before", "after", "improvements", "regressions", "neverAnswered", "changes"])
        let change = (areas[1]["changes"] as! [[String: Any]])[0]
        XCTAssertEqual(change["question"] as? String, "storage.retention")
        XCTAssertEqual(change["kind"] as? String, "regressed")
        XCTAssertEqual((change["before"] as! [String: Any])["status"] as? String, "addressed")
        XCTAssertEqual((document["summary"] as! [String: Any])["worse"] as? Int, 1)
    }

    func testMarkdownDiffAndReportsParse() throws {
        try lifecycle.run("milestone", file, "--label", "before")
        try lifecycle.run("set", file, "security.backups", "--status", "partial", "--note", "=cmd|' /C calc'!A0, \"quoted\"\nsecond line 日本")
        let markdown = try lifecycle.run("diff", file + "@before", file, "--format", "markdown").stdout
        XCTAssertTrue(markdown.hasPrefix("## Architecture review: "))
        XCTAssertTrue(markdown.contains("| Security | 0 → 1 of 23 |"))

        let csvPath = scratch.path + "/report.csv"
        XCTAssertEqual(try lifecycle.run("report", file, "--format", "csv", "--output", csvPath).status, 0)
        let (csvStatus, csvOutput) = try python("""
            import csv, sys
            rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
            assert rows[0] == ["area", "question_id", "question", "status", "note", "reason", "changed", "pack", "risk", "choices", "owner", "due", "priority", "evidence", "excluded"], rows[0]
            row = [r for r in rows if r[1] == "security.backups"][0]
            assert row[3] == "partial", row
            assert row[7:] == ["fundamentals", "medium", "", "", "", "", "", ""], row
            assert row[4] == "'=cmd|' /C calc'!A0, \\"quoted\\"\\nsecond line 日本", repr(row[4])
            assert len(rows) == 1 + 349, len(rows)
            print("CSV-OK")
            """, [csvPath])
        XCTAssertEqual(csvStatus, 0, csvOutput)
        XCTAssertTrue(csvOutput.contains("CSV-OK"), csvOutput)

        let htmlPath = scratch.path + "/report.html"
        XCTAssertEqual(try lifecycle.run("report", file, "--format", "html", "--output", htmlPath).status, 0)
        let (htmlStatus, htmlOutput) = try python("""
            import sys, xml.dom.minidom
            document = xml.dom.minidom.parse(sys.argv[1])
            assert len(document.getElementsByTagName("svg")) == 2
            assert not [e for e in document.getElementsByTagName("script")]
            assert not [e for e in document.getElementsByTagName("link")]
            print("HTML-OK")
            """, [htmlPath])
        XCTAssertEqual(htmlStatus, 0, htmlOutput)

        let markdownReport = try lifecycle.run("report", file).stdout
        XCTAssertTrue(markdownReport.contains("## Improvement plan"))
        XCTAssertTrue(markdownReport.contains("- **Gap** `generation.event-rate`"))
        let json = try JSONSerialization.jsonObject(with: Data(try lifecycle.run("report", file, "--format", "json").stdout.utf8)) as! [String: Any]
        XCTAssertEqual((json["overall"] as! [String: Any])["answered"] as? Int, 3)
    }

    /// The Markdown outputs parsed by a real Markdown implementation (Python-Markdown):
    /// tables come out as tables, headings as headings, and hostile text stays text.
    func testMarkdownOutputsRoundTripThroughAMarkdownParser() throws {
        try lifecycle.run("milestone", file, "--label", "before")
        try lifecycle.run("set", file, "security.backups", "--status", "gap", "--note", "| not a cell | <script>alert(1)</script> **x**")
        let diffPath = scratch.path + "/diff.md", reportPath = scratch.path + "/report.md"
        try lifecycle.run("diff", file + "@before", file, "--format", "markdown").stdout.write(toFile: diffPath, atomically: true, encoding: .utf8)
        try lifecycle.run("report", file).stdout.write(toFile: reportPath, atomically: true, encoding: .utf8)
        let (status, output) = try python("""
            import sys
            try:
                import markdown
            except ImportError:
                print("NO-MARKDOWN"); sys.exit(0)
            for path, heading in ((sys.argv[1], "<h2>"), (sys.argv[2], "<h1>")):
                html = markdown.markdown(open(path, encoding="utf-8").read(), extensions=["tables"])
                assert heading in html, heading
                assert html.count("<table>") >= 1, "no table"
                assert "<script>" not in html, "raw HTML from a note reached the output"
                assert "not a cell" in html
            print("MARKDOWN-OK")
            """, [diffPath, reportPath])
        if output.contains("NO-MARKDOWN") { throw XCTSkip("Python-Markdown is not installed (.ci/run installs it)") }
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("MARKDOWN-OK"), output)
    }

    private func git(_ arguments: String..., in directory: String) throws -> (Int32, String) {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "Test"; environment["GIT_AUTHOR_EMAIL"] = "t@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "Test"; environment["GIT_COMMITTER_EMAIL"] = "t@example.invalid"
        environment["HOME"] = scratch.path
        environment["LIFECYCLE_BACKUP_DIR"] = scratch.path + "/backups"
        return try runProcess(["git"] + arguments, in: directory, environment: environment)
    }

    /// The README's .gitattributes and git config lines, in a scratch repository.
    private func makeRepository() throws -> String {
        let repository = scratch.path + "/repo"
        try FileManager.default.createDirectory(atPath: repository, withIntermediateDirectories: true)
        _ = try git("init", "-q", "-b", "main", in: repository)
        try "reviews/*.json diff=lifecycle merge=lifecycle\n".write(toFile: repository + "/.gitattributes", atomically: true, encoding: .utf8)
        _ = try git("config", "diff.lifecycle.textconv", "\(BinaryRunner.executable) textconv", in: repository)
        _ = try git("config", "merge.lifecycle.name", "lifecycle assessment merge", in: repository)
        _ = try git("config", "merge.lifecycle.driver", "\(BinaryRunner.executable) merge %O %A %B", in: repository)
        try FileManager.default.createDirectory(atPath: repository + "/reviews", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: file, toPath: repository + "/reviews/payments.json")
        _ = try git("add", ".", in: repository)
        _ = try git("commit", "-q", "-m", "baseline", in: repository)
        return repository
    }

    func testGitDiffShowsTheSemanticViewAndBranchesMergeWithTheDriver() throws {
        let repository = try makeRepository()
        let review = repository + "/reviews/payments.json"
        try lifecycle.run("set", review, "generation.event-rate", "--status", "addressed")
        let (_, diff) = try git("diff", in: repository)
        XCTAssertTrue(diff.contains("-generation.event-rate: gap"), diff)
        XCTAssertTrue(diff.contains("+generation.event-rate: addressed"), diff)
        XCTAssertFalse(diff.contains("\"status\""), "no raw JSON in the diff")
        _ = try git("checkout", "-q", "--", ".", in: repository)

        // Two branches answer different questions: a clean merge through the driver.
        _ = try git("checkout", "-q", "-b", "ana", in: repository)
        try lifecycle.run("set", review, "security.backups", "--status", "gap")
        _ = try git("commit", "-q", "-am", "ana", in: repository)
        _ = try git("checkout", "-q", "main", in: repository)
        try lifecycle.run("set", review, "dataops.automation", "--status", "addressed")
        _ = try git("commit", "-q", "-am", "bo", in: repository)
        let (status, output) = try git("merge", "-q", "--no-edit", "ana", in: repository)
        XCTAssertEqual(status, 0, output)
        let merged = try String(contentsOfFile: review, encoding: .utf8)
        XCTAssertTrue(merged.contains("\"security.backups\""))
        XCTAssertTrue(merged.contains("\"dataops.automation\""))
        XCTAssertEqual(try lifecycle.run("validate", review).status, 0)
        let (_, log) = try git("log", "-p", "-1", "--format=%s", "HEAD^2", in: repository)
        XCTAssertTrue(log.contains("+security.backups: gap"), log)
    }

    func testConflictingAnswersStopTheMergeAndKeepBothVersions() throws {
        let repository = try makeRepository()
        let review = repository + "/reviews/payments.json"
        _ = try git("checkout", "-q", "-b", "ana", in: repository)
        try lifecycle.run("set", review, "generation.event-rate", "--status", "addressed", "--note", "ana: tested")
        _ = try git("commit", "-q", "-am", "ana", in: repository)
        _ = try git("checkout", "-q", "main", in: repository)
        try lifecycle.run("set", review, "generation.event-rate", "--status", "partial", "--note", "bo: staging only")
        _ = try git("commit", "-q", "-am", "bo", in: repository)
        let (status, output) = try git("merge", "-q", "--no-edit", "ana", in: repository)
        XCTAssertNotEqual(status, 0, output)
        let merged = try String(contentsOfFile: review, encoding: .utf8)
        XCTAssertTrue(merged.contains("<<<<<<< ours (status: partial)\\nbo: staging only\\n======= theirs (status: addressed)\\nana: tested\\n>>>>>>> theirs"), merged)
        let validate = try lifecycle.run("validate", review)
        XCTAssertEqual(validate.status, 0, "the merged file is still a valid assessment")
        XCTAssertTrue(validate.stderr.contains("unresolved merge conflicts in the notes of generation.event-rate"))
    }
}
