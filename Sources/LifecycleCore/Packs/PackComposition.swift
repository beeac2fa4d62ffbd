/// The questions one assessment reviews: the areas of each of its packs, in its order,
/// under the keys its answers use (see `PackKey`), as one `Catalog` that the explorer,
/// reports, diff and textconv read as they read the book's.
public struct ComposedReview: Sendable {
    public var catalog: Catalog
    /// The packs found, in the assessment's order.
    public var packs: [Pack]
    /// Packs the assessment names that were not found: their answers are kept and shown by id.
    public var missing: [PackReference]
    /// Packs found at another version than the one the assessment recorded.
    public var otherVersions: [(recorded: PackReference, found: Pack)]
    /// Where packs were looked for, for the message about a missing one.
    public var searched: [String] = []
    /// Files that name a missing pack's id but are not valid packs.
    public var invalidFiles: [String: String] = [:]

    /// One warning line per missing pack or other version, for `file`.
    public func warnings(file: String, assessment: Assessment) -> [String] {
        let shown = TerminalSafeText.escaped(file)
        var lines: [String] = []
        for reference in missing {
            let count = assessment.answers.keys.count { PackKey.pack(of: $0) == reference.id }
            if let file = invalidFiles[reference.id] {
                lines.append("\(shown): pack \(reference.id) is in \(TerminalSafeText.escaped(file)), which is not a valid pack (lifecycle pack validate \(TerminalSafeText.escaped(file)) lists its problems); its \(Counted.noun(count, "answer")) \(count == 1 ? "is" : "are") kept and shown by id")
                continue
            }
            lines.append("\(shown): pack \(reference.id) version \(TerminalSafeText.escaped(reference.version)) is not found (looked in: \(searched.map(TerminalSafeText.escaped).joined(separator: ", "))); its \(Counted.noun(count, "answer")) \(count == 1 ? "is" : "are") kept and shown by id")
        }
        for (recorded, found) in otherVersions {
            let how = PackUpgrade.applicableMoves(found, since: recorded.version).isEmpty
                ? "answers are matched by question id"
                : "answers are read through its moved questions; lifecycle upgrade writes that"
            lines.append("\(shown): made against pack \(recorded.id) version \(TerminalSafeText.escaped(recorded.version)); this is version \(TerminalSafeText.escaped(found.version)) (\(how))")
        }
        return lines
    }

    public func pack(id: String) -> Pack? { packs.first { $0.id == id } }

    /// The pack a question (by answer key) belongs to.
    public func pack(ofQuestion key: String) -> Pack? { pack(id: PackKey.pack(of: key)) }
}

public enum PackComposition {
    /// The review of one assessment file: the book's catalog alone when it answers only
    /// the book's pack (no pack files are read), else its packs composed.
    public static func review(of assessment: Assessment, at path: String?, book: Catalog, workspace: Workspace?) -> ComposedReview {
        let bookIsCurrent = assessment.catalog.version == book.version || PackLibrary.bookMoves.isEmpty
        if bookIsCurrent && (assessment.packs.isEmpty || assessment.packs.map(\.id) == [PackLibrary.fundamentalsID]) {
            let fundamentals = PackLibrary.fundamentals(book)
            return ComposedReview(catalog: book, packs: [fundamentals], missing: [], otherVersions: [])
        }
        let library = PackLibrary(catalog: book, workspace: workspace, assessmentPath: path, only: Set(assessment.packIDs))
        return compose(assessment, book: book, library: library)
    }

    public static func compose(_ assessment: Assessment, book: Catalog, library: PackLibrary) -> ComposedReview {
        var areas: [CatalogArea] = []
        var packs: [Pack] = []
        var missing: [PackReference] = []
        var otherVersions: [(recorded: PackReference, found: Pack)] = []
        var includesBook = false
        // A version-1 file records the book's version as its catalog's.
        let references = assessment.packs.isEmpty
            ? [PackReference(id: PackLibrary.fundamentalsID, version: assessment.catalog.version, contentHash: assessment.catalog.contentHash)]
            : assessment.packs
        for reference in references {
            guard let pack = library.pack(id: reference.id)?.pack else {
                missing.append(reference)
                continue
            }
            packs.append(pack)
            if pack.version != reference.version { otherVersions.append((reference, pack)) }
            if pack.id == PackLibrary.fundamentalsID {
                includesBook = true
                areas += book.areas
            } else {
                areas += pack.areas.map { scoped($0, in: pack.id) }
            }
        }
        let catalog = Catalog(id: book.id, title: book.title, version: book.version, contentHash: book.contentHash, source: book.source,
                              areas: areas, matrix: includesBook ? book.matrix : [], maturityStages: book.maturityStages)
        return ComposedReview(catalog: catalog, packs: packs, missing: missing, otherVersions: otherVersions, searched: library.searched,
                              invalidFiles: library.invalidFiles)
    }

    /// An area of another pack under its scoped ids: `operational-readiness:cost_controls`.
    static func scoped(_ area: CatalogArea, in packID: String) -> CatalogArea {
        var scoped = area
        scoped.id = packID + ":" + area.id
        scoped.questions = area.questions.map { question in
            var question = question
            question.id = PackKey.answerKey(pack: packID, question: question.id)
            return question
        }
        return scoped
    }
}

extension CatalogArea {
    /// The pack the area belongs to (scoped ids carry it; the book's do not).
    public var packID: String { PackKey.pack(of: id) }

    /// The title with its pack when it is not the book's, for outputs that list areas of
    /// several packs: "Cost controls (operational-readiness)". Made safe to print: a pack
    /// is someone else's file, and its titles may hold control or format characters.
    public var labelledTitle: String {
        let safe = TerminalSafeText.escaped(title)
        return packID == PackLibrary.fundamentalsID ? safe : "\(safe) (\(packID))"
    }
}
