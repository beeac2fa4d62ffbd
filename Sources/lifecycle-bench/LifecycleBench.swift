import ArgumentParser
import FoundationEssentials
import LifecycleCore
import LifecycleTUI
import LifecycleTestSupport

/// Benchmark helper for Sources/lifecycle-bench/run.sh: generates synthetic catalogs and
/// assessments, and measures what only an in-process timer can (per-keystroke cost, load,
/// save, validate). Prints `name value` lines. A benchmark, never a test: nothing here
/// passes or fails on time.
@main
struct LifecycleBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lifecycle-bench",
        abstract: "Synthetic data and in-process timings for the benchmarks.",
        subcommands: [GenerateCatalog.self, GenerateAssessment.self, Keystrokes.self, FileOperations.self, MemorySteps.self, Soak.self,
                      GenerateLens.self, ChoiceKeystrokes.self]
    )
}

struct GenerateCatalog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-catalog", abstract: "Write a catalog folder whose first area has N questions.")

    @Argument var directory: String
    @Option var questions = 10_000

    func run() throws {
        let builtIn = try CatalogLoader.builtInCatalog()
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        func write(_ name: String, _ value: JSONValue) throws {
            try Data(CanonicalJSONWriter.bytes(value)).write(to: URL(fileURLWithPath: directory + "/" + name + ".json"))
        }
        try write("catalog", .object([
            "id": .string("synthetic"), "title": .string("Synthetic \(questions)"), "version": .string("1.0.0"),
            "areas": .array(builtIn.areas.map { .string($0.id) }),
        ]))
        for (index, area) in builtIn.areas.enumerated() {
            let count = index == 0 ? questions : area.questions.count
            let items: [JSONValue] = (0..<count).map { number in
                let template = area.questions[number % area.questions.count]
                return .object([
                    "id": .string(index == 0 ? "\(area.id).q\(number)" : template.id),
                    "text": .string("\(number): " + template.text), "hint": .string(template.hint),
                    "tags": .array(template.tags.map(JSONValue.string)), "chapter": .number(Double(template.chapter)),
                ])
            }
            try write(area.id, .object([
                "id": .string(area.id), "kind": .string(area.kind.rawValue), "title": .string(area.title),
                "summary": .string(area.summary), "why": .string(area.whyItMatters),
                "pitfalls": .array(area.pitfalls.map(JSONValue.string)), "questions": .array(items),
            ]))
        }
        try write("matrix", .object(["cells": .array([])]))
        try write("maturity", .object(["stages": .array(builtIn.maturityStages.map {
            .object(["id": .string($0.id), "title": .string($0.title), "summary": .string($0.summary),
                     "focus": .array($0.focus.map(JSONValue.string)), "pitfalls": .array($0.pitfalls.map(JSONValue.string))])
        })]))
    }
}

struct GenerateAssessment: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-assessment", abstract: "Write an assessment answering N questions, each with a note.")

    @Argument var file: String
    @Option var catalog: String
    @Option var answers = 10_000
    /// A different variant changes every tenth answer, for diff benchmarks.
    @Option var variant = 0

    func run() throws {
        let catalog = try CatalogLoader.load(directory: self.catalog)
        var assessment = Assessment(name: "Synthetic", maturity: "scaling", catalog: catalog.reference, created: Timestamp("2026-11-27T00:00:00Z")!)
        let statuses: [AnswerStatus] = [.addressed, .partial, .gap, .notApplicable]
        let ids = catalog.areas.flatMap { $0.questions.map(\.id) }.prefix(answers)
        for (number, id) in ids.enumerated() {
            let changed = variant != 0 && number % 10 == 0
            let status = statuses[(number + (changed ? variant : 0)) % statuses.count]
            let note = "Finding \(number): the pipeline reads the replica every hour; owner is team \(number % 17).\nFollow-up \(changed ? "done in sprint \(variant)" : "planned") — résumé, 日本, ✓."
            var answer = Answer(status: status, note: note, reason: status == .notApplicable ? "not in scope" : "")
            // Half the findings carry plan fields, as a review that is being worked through would.
            if number % 2 == 0, status == .gap || status == .partial {
                answer.owner = "team \(number % 17)"
                answer.due = CalendarDate(year: 2026, month: 1 + number % 12, day: 1 + number % 28)
                answer.evidence = [Evidence(kind: .ticket, ref: "DATA-\(number)"), Evidence(kind: .url, ref: "https://wiki.example.com/finding/\(number)", label: "Design")]
                if number % 10 == 0 { answer.priority = .low }
            }
            assessment.setAnswer(answer, for: id, at: Timestamp("2026-11-27T00:00:00Z")!)
        }
        try Data(assessment.canonicalBytes()).write(to: URL(fileURLWithPath: file))
    }
}

/// Percentiles of a sample, in microseconds.
/// Times a move down (`j`) and every fifth time a tick (`tick`, then a frame), in process.
func timeKeys(_ state: inout AppState, count: Int, tick: [Key]) -> (moves: [Double], ticks: [Double]) {
    _ = state.render()
    var moves: [Double] = [], ticks: [Double] = []
    let now = Moment.current()
    for number in 0..<count {
        moves.append(microseconds { _ = state.update(.key(.character("j")), now: now); _ = state.render() })
        if number % 5 == 0 {
            ticks.append(microseconds {
                for key in tick { _ = state.update(.key(key), now: now) }
                _ = state.render()
            })
        }
    }
    return (moves, ticks)
}

func percentile(_ values: [Double], _ share: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * share))]
}

func microseconds(_ body: () -> Void) -> Double {
    let elapsed = ContinuousClock().measure(body)
    return Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
}

/// "12.34" for 12.3449 and 2 places (String(format:) needs full Foundation).
func decimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * scale).rounded())
    let whole = String(scaled / Int(scale)), fraction = String(scaled % Int(scale))
    return places == 0 ? whole : whole + "." + String(repeating: "0", count: places - fraction.count) + fraction
}

struct Keystrokes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time update + render per key press, in process.")

    @Option var catalog: String
    @Option var count = 5_000
    @Option var width = 80
    @Option var height = 24

    func run() throws {
        let catalog = try CatalogLoader.load(directory: self.catalog)
        let assessment = Assessment(name: "Keys", catalog: catalog.reference)
        let loaded = LoadedAssessment(assessment: assessment, path: "/dev/null", fingerprint: FileFingerprint(bytes: []))
        var state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: "/", entries: [])), width: width, height: height)
        state.showExplorer(OpenDocument(loaded: loaded), fromStartScreen: false)
        let (moves, ticks) = timeKeys(&state, count: count, tick: [.character(" ")])
        print("questions_in_area \(catalog.areas[0].questions.count)")
        print("move_p50_us \(decimal(percentile(moves, 0.5), places: 1))")
        print("move_p99_us \(decimal(percentile(moves, 0.99), places: 1))")
        print("tick_p50_us \(decimal(percentile(ticks, 0.5), places: 1))")
        print("tick_p99_us \(decimal(percentile(ticks, 0.99), places: 1))")
    }
}

struct FileOperations: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "io", abstract: "Median load, save (atomic, fsync) and validate times of a file.")

    @Argument var file: String
    @Option var catalog: String
    @Option var runs = 21

    func run() throws {
        let catalog = try CatalogLoader.load(directory: self.catalog)
        // Backups on, as in real use (next to the file, so on the same file system).
        let backupDirectory = file + ".bench-backups"
        defer { try? FileManager.default.removeItem(atPath: backupDirectory) }
        let store = AssessmentStore(catalog: catalog, backups: BackupLocation(directory: backupDirectory))
        let copy = file + ".bench-copy.json"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: file, toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        var loads: [Double] = [], saves: [Double] = [], validations: [Double] = []
        var encodes: [Double] = [], parses: [Double] = [], reads: [Double] = [], trees: [Double] = [], writes: [Double] = []
        var loaded = try store.load(copy)
        var firstSaves: [Double] = []
        for run in 0..<runs {
            loads.append(microseconds { loaded = try! store.load(copy) })
            // The first save after loading encodes every answer.
            var changed = loaded.assessment
            changed.setStatus(run % 2 == 0 ? .gap : .addressed, for: catalog.areas[0].questions[0].id)
            firstSaves.append(microseconds { loaded.fingerprint = try! store.save(changed, to: copy, replacing: loaded.fingerprint) })
            loaded.assessment = changed
            var tree = JSONValue.null
            trees.append(microseconds { tree = changed.jsonValue })
            writes.append(microseconds { _ = CanonicalJSONWriter.bytes(tree) })
            var bytes: [UInt8] = []
            reads.append(microseconds { bytes = try! SafeFileReader.read(copy); _ = FileFingerprint(bytes: bytes) })
            parses.append(microseconds { _ = try! JSONParser.parse(bytes) })
            let validator = DocumentValidator(catalog: catalog)
            validations.append(microseconds { _ = validator.validate(path: copy) })
        }
        // Then what the explorer does: one answer changes, the file is saved, again and again.
        let questions = catalog.areas[0].questions
        for run in 0..<runs {
            var changed = loaded.assessment
            changed.setStatus(run % 2 == 0 ? .partial : .addressed, for: questions[(run * 7) % questions.count].id)
            saves.append(microseconds { loaded.fingerprint = try! store.save(changed, to: copy, replacing: loaded.fingerprint) })
            loaded.assessment = changed
            encodes.append(microseconds { _ = changed.canonicalBytes() })
        }
        let bytes = try SafeFileReader.read(file).count
        print("file_bytes \(bytes)")
        print("answers \(loaded.assessment.answers.count)")
        print("load_ms \(decimal(percentile(loads, 0.5) / 1000, places: 2))")
        print("save_ms \(decimal(percentile(saves, 0.5) / 1000, places: 2))")
        print("first_save_ms \(decimal(percentile(firstSaves, 0.5) / 1000, places: 2))")
        print("validate_ms \(decimal(percentile(validations, 0.5) / 1000, places: 2))")
        print("of_which_encode_ms \(decimal(percentile(encodes, 0.5) / 1000, places: 2))")
        print("encode_tree_ms \(decimal(percentile(trees, 0.5) / 1000, places: 2))")
        print("encode_write_ms \(decimal(percentile(writes, 0.5) / 1000, places: 2))")
        print("of_which_read_and_hash_ms \(decimal(percentile(reads, 0.5) / 1000, places: 2))")
        print("of_which_json_parse_ms \(decimal(percentile(parses, 0.5) / 1000, places: 2))")
    }
}

struct MemorySteps: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "memory", abstract: "Resident memory after each step of loading a catalog and an assessment.")

    @Argument var file: String
    @Option var catalog: String

    func run() throws {
        func resident() -> String {
            let fields = (try? SafeFileReader.read("/proc/self/statm")).map { String(decoding: $0, as: UTF8.self) }?.split(separator: " ") ?? []
            let pages = fields.count > 1 ? Int(fields[1]) ?? 0 : 0
            return decimal(Double(pages * 4096) / 1_048_576, places: 1) + " MiB"
        }
        print("start \(resident())")
        let loadedCatalog = try CatalogLoader.load(directory: catalog)
        print("catalog_loaded \(resident())")
        let store = AssessmentStore(catalog: loadedCatalog, backups: nil)
        let parsed = try AssessmentStore.read(file)
        print("assessment_parsed \(resident())")
        let loaded = try store.load(parsed)
        print("assessment_loaded \(resident()) (\(loaded.assessment.answers.count) answers)")
    }
}

/// The random-event soak of the pure core at a scale a debug build cannot reach in a
/// test (CI runs 1,000,000 events in a release build). Exit 1 with the seed on failure.
struct Soak: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "soak", abstract: "Random events through update, receive and render, invariants after each.")

    @Option var events = 1_000_000
    @Option(help: "Replay a seed; random when omitted.") var seed: UInt64?

    func run() throws {
        let seed = self.seed ?? UInt64.random(in: 0...UInt64.max)
        let soak = try RandomEventSoak()
        let started = ContinuousClock.now
        do {
            let effects = try soak.run(seed: seed, count: events)
            let seconds = Double((ContinuousClock.now - started).components.seconds)
            print("soak: \(events) events, \(effects) effects, 0 failures, seed \(seed), \(Int(seconds)) s")
        } catch {
            print("soak: FAILED: \(error.description)\n\(error.frame)")
            throw ExitCode(1)
        }
    }
}
