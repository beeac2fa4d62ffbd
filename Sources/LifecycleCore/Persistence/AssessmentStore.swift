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
        try saveReporting(assessment, to: path, replacing: expected).fingerprint
    }

    /// `save`, also returning warnings to show (other hard links of the file).
    public func saveReporting(_ assessment: Assessment, to path: String, replacing expected: FileFingerprint?) throws(FileProblem) -> SaveReceipt {
        let target = try FinalPath.resolve(path)
        return try FileLock.withLock(on: target) { () throws(FileProblem) -> SaveReceipt in
            let currentBytes = try readCurrent(target)
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
            return try writeLocked(assessment.canonicalBytes(), over: currentBytes, at: target, path: path)
        }
    }

    /// Read, change and write under the lock: the change is applied to what is on disk at
    /// that moment, so a concurrent writer's changes to other questions are kept. This is
    /// how command-line writers (`set`, `milestone`) save: they only touch their own part.
    @discardableResult
    public func update(_ path: String,
                       _ change: (inout LoadedAssessment) throws(FileProblem) -> Void) throws(FileProblem) -> (LoadedAssessment, SaveReceipt) {
        let target = try FinalPath.resolve(path)
        // A missing file, or one that is not a regular file (a device, a FIFO, a folder), is
        // reported before the lock, which would leave a lock file beside it (/dev/.null.lock).
        var info = stat()
        if stat(target, &info) != 0 ? errno == ENOENT : (info.st_mode & S_IFMT) != S_IFREG { _ = try load(path) }
        return try FileLock.withLock(on: target) { () throws(FileProblem) -> (LoadedAssessment, SaveReceipt) in
            var loaded = try load(path)
            try change(&loaded)
            let currentBytes = try readCurrent(target)
            let receipt = try writeLocked(loaded.assessment.canonicalBytes(), over: currentBytes, at: target, path: path)
            loaded.fingerprint = receipt.fingerprint
            return (loaded, receipt)
        }
    }

    /// The explorer's save. `base` is the version last read from or written to disk.
    /// When the file still holds it, `ours` is written. When someone else changed the file,
    /// their version is merged with ours under the lock: changes to different answers are
    /// all kept and the merge is written; the same answer changed differently on both sides
    /// is a conflict, and nothing is written.
    public func saveMerging(_ ours: Assessment, base: Assessment, to path: String,
                            replacing expected: FileFingerprint) -> MergingSaveOutcome {
        do throws(FileProblem) {
            let target = try FinalPath.resolve(path)
            return try FileLock.withLock(on: target) { () throws(FileProblem) -> MergingSaveOutcome in
                guard let currentBytes = try readCurrent(target) else { throw .removedFromDisk(path: path) }
                var toWrite = ours
                var merged = false
                if FileFingerprint(bytes: currentBytes) != expected {
                    let theirs = try load(path)
                    let result = ConcurrentEditMerge.merge(base: base, ours: ours, theirs: theirs.assessment)
                    guard result.conflictingQuestionIDs.isEmpty else {
                        return .conflict(theirs: theirs, questionIDs: result.conflictingQuestionIDs)
                    }
                    toWrite = result.merged
                    merged = true
                }
                let receipt = try writeLocked(toWrite.canonicalBytes(), over: currentBytes, at: target, path: path)
                return .written(receipt, onDisk: toWrite, mergedOtherChanges: merged)
            }
        } catch {
            return .failed(error)
        }
    }

    private func readCurrent(_ target: String) throws(FileProblem) -> [UInt8]? {
        do {
            return try SafeFileReader.read(target, sizeLimit: sizeLimit)
        } catch .notFound {
            return nil
        }
    }

    /// Writes under the lock held by the caller: the size limit, the backup rotation (after
    /// success only), the atomic replacement.
    private func writeLocked(_ newBytes: [UInt8], over currentBytes: [UInt8]?, at target: String,
                             path: String) throws(FileProblem) -> SaveReceipt {
        guard newBytes.count <= sizeLimit else {
            throw .wouldBeTooLarge(path: path, size: newBytes.count, limit: sizeLimit)
        }
        var warnings: [String] = []
        if currentBytes != newBytes {
            var rotation = backups.map { BackupRotation(location: $0, target: target) }
            if let currentBytes { rotation?.stage(currentBytes: currentBytes, writer: writer) }
            do {
                warnings = try writer.write(newBytes, to: target, ownLinks: rotation?.stagedAsLink == true ? 1 : 0)
            } catch {
                rotation?.abandon()
                throw error
            }
            rotation?.commit()
            if let failure = rotation?.failure { warnings.append(failure) }
        }
        // Only the fingerprint: checking every answer against the catalog again took 2 ms
        // of a 10,000-answer save, for a result no caller of save used.
        return SaveReceipt(fingerprint: FileFingerprint(bytes: newBytes), warnings: warnings)
    }
}

/// What a save left on disk, and what the user should hear about it.
public struct SaveReceipt: Sendable {
    public var fingerprint: FileFingerprint
    public var warnings: [String]

    public init(fingerprint: FileFingerprint, warnings: [String]) {
        self.fingerprint = fingerprint
        self.warnings = warnings
    }
}

/// How the explorer's save went (see `AssessmentStore.saveMerging`).
public enum MergingSaveOutcome: Sendable {
    /// Written; `onDisk` is what the file now holds (ours, or ours merged with theirs).
    case written(SaveReceipt, onDisk: Assessment, mergedOtherChanges: Bool)
    /// Someone else changed some of the same answers: nothing written.
    case conflict(theirs: LoadedAssessment, questionIDs: [String])
    case failed(FileProblem)
}
