import FoundationEssentials
import Glibc

/// An assessment read from disk, with what is needed to save it back safely.
public struct LoadedAssessment: Sendable {
    public var assessment: Assessment
    public var path: String
    /// The bytes on disk when loaded; a save refuses to replace anything else.
    public var fingerprint: FileFingerprint
    /// True when the file was made against another catalog id, version or content.
    public var catalogDiffers: Bool

    public init(assessment: Assessment, path: String, fingerprint: FileFingerprint,
                catalogDiffers: Bool = false) {
        self.assessment = assessment
        self.path = path
        self.fingerprint = fingerprint
        self.catalogDiffers = catalogDiffers
    }
}

/// A file read and parsed as JSON, not yet checked as an assessment.
public struct ParsedFile: @unchecked Sendable {
    public var path: String
    /// What the file held, to save over it safely later.
    public var fingerprint: FileFingerprint
    /// The document, with an empty object in place of the answers (decoded as parsed).
    public var document: JSONValue
    // Handed from the reading thread to the decoding one after BackgroundTask's join,
    // never used by two threads at once: hence @unchecked.
    var streamedAnswers: Assessment.StreamedAnswers
}

/// Loads and saves assessment files. The only place that decides what reaches the disk:
/// the CLI's `set` and the explorer save through the same path.
public struct AssessmentStore: Sendable {
    public var catalog: Catalog
    /// Where the replaced version of a file is kept; nil keeps none.
    public var backups: BackupLocation?
    public var writer: AtomicFileWriter
    public var sizeLimit: Int
    public var maximumDepth: Int

    public init(catalog: Catalog, backups: BackupLocation? = .fromEnvironment(),
                writer: AtomicFileWriter = AtomicFileWriter(),
                sizeLimit: Int = SafeFileReader.defaultSizeLimit,
                maximumDepth: Int = JSONParser.defaultMaximumDepth) {
        self.catalog = catalog
        self.backups = backups
        self.writer = writer
        self.sizeLimit = sizeLimit
        self.maximumDepth = maximumDepth
    }

    public func load(_ path: String) throws(FileProblem) -> LoadedAssessment {
        try load(AssessmentStore.read(path, sizeLimit: sizeLimit, maximumDepth: maximumDepth))
    }

    /// The catalog-free half of loading (reading and JSON syntax), split out so that a
    /// command can do it on another thread while the catalog loads.
    public static func read(_ path: String, sizeLimit: Int = SafeFileReader.defaultSizeLimit,
                            maximumDepth: Int = JSONParser.defaultMaximumDepth) throws(FileProblem) -> ParsedFile {
        let bytes = try SafeFileReader.read(path, sizeLimit: sizeLimit)
        // Answers are decoded as the parser reaches them; the tree never holds them all.
        let answers = Assessment.StreamedAnswers()
        do {
            let document = try JSONParser.parse(bytes, streaming: answers.stream(), maximumDepth: maximumDepth)
            // The fingerprint, not the bytes, travels on: a large file's bytes are not kept
            // alive while the catalog loads (diff holds two files at once).
            return ParsedFile(path: path, fingerprint: FileFingerprint(bytes: bytes), document: document, streamedAnswers: answers)
        } catch {
            throw .syntax(path: path, error)
        }
    }

    /// The other half: checks the document against the format and this catalog.
    public func load(_ file: ParsedFile) throws(FileProblem) -> LoadedAssessment {
        let assessment = try decode(file.document, streamedAnswers: file.streamedAnswers, path: file.path)
        return LoadedAssessment(
            assessment: assessment, path: file.path, fingerprint: file.fingerprint,
            catalogDiffers: assessment.catalog != catalog.reference)
    }

    private func decode(_ document: JSONValue, streamedAnswers: Assessment.StreamedAnswers?,
                        path: String) throws(FileProblem) -> Assessment {
        var problems: [ValidationProblem] = []
        let assessment = Assessment.decode(document, knownMaturityStages: catalog.maturityStages.map(\.id),
                                           streamedAnswers: streamedAnswers, problems: &problems)
        guard let assessment, problems.isEmpty else { throw .invalid(path: path, problems: problems) }
        return assessment
    }

    /// Creates a new file; refuses to replace an existing one.
    @discardableResult
    public func create(_ assessment: Assessment, at path: String) throws(FileProblem) -> LoadedAssessment {
        let fingerprint = try save(assessment, to: path, replacing: nil)
        return LoadedAssessment(
            assessment: assessment, path: path, fingerprint: fingerprint,
            catalogDiffers: assessment.catalog != catalog.reference)
    }

    /// Saves over the file that was loaded. `replacing` is the fingerprint of what was
    /// loaded (nil: the file must not exist yet). If the file on disk is no longer what
    /// was loaded, nothing is written and `.changedOnDisk` is thrown. Returns the
    /// fingerprint of what is now on disk, for the next save to check against.
    @discardableResult
    public func save(_ assessment: Assessment, to path: String, replacing expected: FileFingerprint?) throws(FileProblem) -> FileFingerprint {
        let target = AssessmentStore.resolvingSymlinks(path)
        let newBytes = assessment.canonicalBytes()
        var currentBytes: [UInt8]?
        do {
            currentBytes = try SafeFileReader.read(target, sizeLimit: max(sizeLimit, newBytes.count))
        } catch .notFound {
            currentBytes = nil
        }
        switch (expected, currentBytes) {
        case (nil, .some):
            throw .alreadyExists(path: path)
        case (.some, nil):
            throw .removedFromDisk(path: path)
        case (.some(let expected), .some(let current)) where FileFingerprint(bytes: current) != expected:
            throw .changedOnDisk(path: path)
        default:
            break
        }
        if currentBytes != newBytes {
            if let currentBytes, let backups { keepPreviousVersion(currentBytes, of: target, in: backups) }
            try writer.write(newBytes, to: target)
        }
        // Only the fingerprint: checking every answer against the catalog again took 2 ms
        // of a 10,000-answer save, for a result no caller of save used.
        return FileFingerprint(bytes: newBytes)
    }

    /// Best effort: a failed backup must not block the save the user asked for.
    /// A hard link to the file about to be replaced costs no copy and no fsync: after the
    /// rename the link is the only name of the previous version. Where a link cannot be
    /// made (another file system, a file system without links) the bytes are copied.
    private func keepPreviousVersion(_ bytes: [UInt8], of path: String, in backups: BackupLocation) {
        let backupPath = backups.backupPath(for: path)
        let linkPath = backupPath + ".link"
        func linkAsBackup() -> Bool {
            unlink(linkPath)
            guard link(path, linkPath) == 0 else { return false }
            if rename(linkPath, backupPath) == 0 { return true }
            unlink(linkPath)
            return false
        }
        if linkAsBackup() { return }  // the folder nearly always exists: try before creating it
        do {
            try FileManager.default.createDirectory(atPath: backups.directory, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            if linkAsBackup() { return }
            try writer.write(bytes, to: backupPath)
        } catch {
            // Deliberately ignored (see above).
        }
    }

    /// Saving through a symlink replaces the file it points to, not the link.
    static func resolvingSymlinks(_ path: String) -> String {
        guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return path }
        if destination.hasPrefix("/") { return destination }
        return AtomicFileWriter.directory(of: path) + "/" + destination
    }
}
