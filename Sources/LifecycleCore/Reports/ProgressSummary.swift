/// What `lifecycle show` prints: progress per area and overall, in text or JSON.
public struct ProgressSummary: Sendable {
    public var assessment: Assessment
    public var catalog: Catalog
    public var unknownQuestionIDs: [String]

    public init(assessment: Assessment, catalog: Catalog) {
        self.assessment = assessment
        self.catalog = catalog
        self.unknownQuestionIDs = assessment.unknownQuestionIDs(in: catalog)
    }

    public var jsonValue: JSONValue {
        func counts(_ progress: Progress) -> [String: JSONValue] {
            [
                "answered": .number(Double(progress.answered)),
                "total": .number(Double(progress.total)),
                "gaps": .number(Double(progress.gaps)),
                "partial": .number(Double(progress.partial)),
                "addressed": .number(Double(progress.addressed)),
                "notApplicable": .number(Double(progress.notApplicable)),
                "unanswered": .number(Double(progress.unanswered)),
            ]
        }
        let areas: [JSONValue] = catalog.areas.map { area in
            var object = counts(assessment.progress(of: area))
            object["id"] = .string(area.id)
            object["kind"] = .string(area.kind.rawValue)
            object["title"] = .string(area.title)
            return .object(object)
        }
        var root: [String: JSONValue] = [
            "name": .string(assessment.name),
            "reviewers": .array(assessment.reviewers.map(JSONValue.string)),
            "catalog": .object([
                "id": .string(assessment.catalog.id),
                "version": .string(assessment.catalog.version),
                "matchesBuiltIn": .bool(assessment.catalog == catalog.reference),
            ]),
            "areas": .array(areas),
            "overall": .object(counts(assessment.overallProgress(in: catalog))),
            "unknownQuestions": .array(unknownQuestionIDs.map(JSONValue.string)),
            "excluded": .array(excludedIDs.map { .string(PackKey.qualified($0)) }),
            "lastChange": .string(assessment.lastChange.text),
        ]
        root["maturity"] = assessment.maturity.map(JSONValue.string) ?? .null
        return .object(root)
    }

    /// Answers left out of every count (`set --exclude`), in the catalog's order.
    var excludedIDs: [String] {
        catalog.areas.flatMap { area in area.questions.map(\.id).filter { assessment.answers[$0]?.isExcluded ?? false } }
    }

    /// A plain-text table; every string from the file is made terminal-safe.
    public var text: String {
        var lines: [String] = []
        var heading = TerminalSafeText.escaped(assessment.name)
        if let maturity = assessment.maturity {
            heading += "  ·  " + (catalog.maturityStage(id: maturity)?.title ?? maturity)
        }
        lines.append(heading)
        if !assessment.reviewers.isEmpty {
            lines.append("Reviewers: " + assessment.reviewers.map(TerminalSafeText.escaped).joined(separator: ", "))
        }
        lines.append("Last change: \(assessment.lastChange.text)")
        lines.append("")
        let titleWidth = max(22, catalog.areas.map { $0.title.count }.max() ?? 0)
        // The book's areas under their kinds, every other pack's under its id.
        let groups: [(String, [CatalogArea])] = [AreaKind.stage, .undercurrent].map { kind in
            (kind.heading, catalog.areas.filter { $0.kind == kind && $0.packID == PackLibrary.fundamentalsID })
        } + Array(Set(catalog.areas.map(\.packID)).subtracting([PackLibrary.fundamentalsID])).sorted { first, second in
            catalog.areas.firstIndex { $0.packID == first }! < catalog.areas.firstIndex { $0.packID == second }!
        }.map { pack in ("Pack \(pack)", catalog.areas.filter { $0.packID == pack }) }
        for (heading, areas) in groups where !areas.isEmpty {
            lines.append(heading)
            for area in areas {
                let progress = assessment.progress(of: area)
                let count = "\(progress.answered)/\(progress.total)"
                lines.append("  " + DisplayWidth.padded(TerminalSafeText.escaped(area.title), toWidth: titleWidth) + " "
                             + ProgressBar.text(progress, width: 10) + " "
                             + String(repeating: " ", count: max(0, 6 - count.count)) + count + "  "
                             + gapsText(progress))
            }
            lines.append("")
        }
        let overall = assessment.overallProgress(in: catalog)
        lines.append("Overall: \(overall.answered)/\(overall.total) answered, \(gapsText(overall))")
        if !excludedIDs.isEmpty {
            lines.append("Excluded from the counts: " + TerminalSafeText.escaped(AbbreviatedList.text(excludedIDs)))
        }
        if !unknownQuestionIDs.isEmpty {
            lines.append("Kept but not in this catalog: " + AbbreviatedList.text(unknownQuestionIDs))
        }
        if assessment.catalog.id != catalog.id || assessment.catalog.version != catalog.version {
            lines.append("Made against catalog \(TerminalSafeText.escaped(assessment.catalog.id)) \(TerminalSafeText.escaped(assessment.catalog.version)); this build has \(catalog.id) \(catalog.version).")
        } else if assessment.catalog.contentHash != catalog.contentHash {
            lines.append("Made against an earlier revision of catalog \(catalog.id) \(catalog.version) (its text changed since).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func gapsText(_ progress: Progress) -> String {
        "\(progress.gaps) gap\(progress.gaps == 1 ? "" : "s"), \(progress.partial) partial"
    }
}

/// A bar like `[######....]`: plain ASCII so it survives pipes, logs and any font.
public enum ProgressBar {
    public static func text(_ progress: Progress, width: Int) -> String {
        let filled = progress.total == 0 ? width : Int((Double(width) * progress.fractionAnswered).rounded(.down))
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
    }
}
