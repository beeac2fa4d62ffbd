/// Checks a file for `lifecycle validate`: an assessment or one of the catalog's content
/// files, recognised by its shape. Collects every problem, not just the first.
public struct DocumentValidator: Sendable {
    public enum DocumentKind: String, Sendable {
        case assessment, catalogArea = "catalog area", catalogManifest = "catalog manifest"
        case matrix = "stage x undercurrent matrix", maturity = "maturity stages", unknown
    }

    public struct Report: Sendable {
        public var path: String
        public var kind: DocumentKind
        /// Problems that make the file unusable.
        public var errors: [String]
        /// Things worth knowing that do not stop the file from loading.
        public var warnings: [String]
        /// A short description for the "ok" line, e.g. "42 answers".
        public var summary: String

        public var isValid: Bool { errors.isEmpty }
    }

    public var catalog: Catalog
    public var sizeLimit: Int
    /// Finds the packs an assessment reviews (reading pack files: the caller's I/O).
    public var compose: (@Sendable (Assessment, String) -> ComposedReview)?

    public init(catalog: Catalog, sizeLimit: Int = SafeFileReader.defaultSizeLimit,
                compose: (@Sendable (Assessment, String) -> ComposedReview)? = nil) {
        self.catalog = catalog
        self.sizeLimit = sizeLimit
        self.compose = compose
    }

    public func validate(path: String) -> Report {
        var report = Report(path: path, kind: .unknown, errors: [], warnings: [], summary: "")
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path, sizeLimit: sizeLimit)
        } catch {
            report.errors.append(error.description)
            return report
        }
        let document: JSONValue
        // Assessment answers are decoded as they are parsed (see AssessmentStore.read).
        let streamedAnswers = Assessment.StreamedAnswers()
        do {
            document = try JSONParser.parse(bytes, streaming: streamedAnswers.stream())
        } catch {
            report.errors.append(FileProblem.syntax(path: path, error).description)
            return report
        }
        var problems: [ValidationProblem] = []
        let object = document.objectValue ?? [:]
        let safePath = TerminalSafeText.escaped(path)
        if object["questions"] != nil && object["kind"] != nil {
            report.kind = .catalogArea
            let area = CatalogLoader.parseArea(document, problems: &problems)
            report.summary = "\(area?.questions.count ?? 0) questions"
        } else if object["cells"] != nil {
            report.kind = .matrix
            let cells = CatalogLoader.parseMatrix(document, problems: &problems)
            for (position, cell) in cells.enumerated() {
                for id in cell.questionIDs where !catalog.containsQuestion(id) {
                    report.warnings.append("\(safePath): $.cells[\(position)]: question \"\(Excerpt.of(id))\" is not in the built-in catalog")
                }
            }
            report.summary = "\(cells.count) cells"
        } else if object["stages"] != nil && object["formatVersion"] == nil {
            report.kind = .maturity
            report.summary = "\(CatalogLoader.parseMaturity(document, problems: &problems).count) stages"
        } else if object["areas"]?.arrayValue?.first?.stringValue != nil {
            report.kind = .catalogManifest
            report.summary = "\(CatalogLoader.parseManifest(document, problems: &problems)?.areaIDs.count ?? 0) areas"
        } else {
            report.kind = .assessment
            let assessment = Assessment.decode(document, knownMaturityStages: catalog.maturityStages.map(\.id),
                                               streamedAnswers: streamedAnswers, problems: &problems)
            if var assessment {
                var catalog = self.catalog
                if !assessment.packs.isEmpty, let compose {
                    let review = compose(assessment, path)
                    catalog = review.catalog
                    // Checked as every command reads it: through its packs' moved questions.
                    if PackUpgrade.isNeeded(review) { assessment = PackUpgrade.upgrade(assessment, review: review, at: assessment.lastChange).0 }
                    report.warnings += review.warnings(file: path, assessment: assessment)
                    report.warnings += ChoiceChecks.problems(assessment, in: catalog).map { "\(safePath): \($0)" }
                }
                let unknown = assessment.unknownQuestionIDs(in: catalog)
                if !unknown.isEmpty {
                    report.warnings.append("\(safePath): \(unknown.count) answer(s) for questions not in this catalog (kept on save): \(AbbreviatedList.text(unknown))")
                }
                if assessment.catalog.id != catalog.id {
                    report.warnings.append("\(safePath): made against catalog \"\(Excerpt.of(assessment.catalog.id))\", this build has \"\(catalog.id)\"")
                } else if assessment.catalog.version != catalog.version {
                    report.warnings.append("\(safePath): made against catalog version \(Excerpt.of(assessment.catalog.version)), this build has \(catalog.version)")
                } else if assessment.catalog.contentHash != catalog.contentHash {
                    report.warnings.append("\(safePath): made against an earlier revision of catalog \(catalog.version) (its text changed since); answers are matched by question id")
                }
                let conflicted = assessment.answers.filter { ThreeWayMerge.hasConflictMarkers($0.value.note) }.keys.sorted()
                if !conflicted.isEmpty {
                    report.warnings.append("\(safePath): unresolved merge conflicts in the notes of \(AbbreviatedList.text(conflicted))")
                }
                // Counted as `show` counts: an excluded answer is in no count, and is said apart.
                let answered = assessment.answers.values.filter { $0.status.isAnswered && !$0.isExcluded }.count
                let excluded = assessment.answers.values.filter(\.isExcluded).count
                report.summary = "assessment \"\(Excerpt.of(assessment.name))\", \(answered) answered" + (excluded > 0 ? ", \(excluded) excluded" : "")
            }
        }
        report.errors += problems.map { "\(safePath): \($0)" }
        return report
    }
}
