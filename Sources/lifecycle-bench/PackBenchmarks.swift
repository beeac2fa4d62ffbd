import ArgumentParser
import FoundationEssentials
import LifecycleCore
import LifecycleTUI

/// A lens as large as the largest real ones (about 400 KB): 10 pillars of 20 questions of
/// 15 choices, texts long enough to reach the size asked for.
struct GenerateLens: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate-lens", abstract: "Write an AWS custom lens of about N bytes.")

    @Option var output: String
    @Option var bytes = 400_000

    func run() throws {
        // As many choices as fit (at most the lens limit of 15), then filler spread over
        // the texts for what is still missing.
        var choiceCount = 15
        while choiceCount > 2 && CanonicalJSONWriter.bytes(lens(filler: "", choices: choiceCount)).count > bytes { choiceCount -= 1 }
        let bare = CanonicalJSONWriter.bytes(lens(filler: "", choices: choiceCount)).count
        let filler = String(repeating: "x", count: max(0, (bytes - bare) / (10 * 20 * choiceCount)))
        let data = CanonicalJSONWriter.bytes(lens(filler: filler, choices: choiceCount))
        try AtomicFileWriter().write(data, to: output)
        print("lens_bytes \(data.count)")
    }

    private func lens(filler: String, choices choiceCount: Int) -> JSONValue {
        var pillars: [JSONValue] = []
        for pillar in 0..<10 {
            var questions: [JSONValue] = []
            for question in 0..<20 {
                var choices: [JSONValue] = []
                for choice in 0..<(choiceCount - 1) {
                    choices.append(.object([
                        "id": .string("choice_\(question)_\(choice)"),
                        "title": .string("Practice \(choice) of question \(question)"),
                        "improvementPlan": .object(["displayText": .string("Adopt practice \(choice). " + filler)]),
                    ]))
                }
                choices.append(.object(["id": .string("question_\(question)_no"), "title": .string("None of these")]))
                questions.append(.object([
                    "id": .string("question_\(question)"),
                    "title": .string("Question \(question) of pillar \(pillar)?"),
                    "description": .string("What good looks like. " + filler),
                    "choices": .array(choices),
                    "riskRules": .array([
                        .object(["condition": .string("choice_\(question)_0 && choice_\(question)_1"), "risk": .string("NO_RISK")]),
                        .object(["condition": .string("choice_\(question)_0 || choice_\(question)_2"), "risk": .string("MEDIUM_RISK")]),
                        .object(["condition": .string("default"), "risk": .string("HIGH_RISK")]),
                    ]),
                ]))
            }
            pillars.append(.object(["id": .string("pillar_\(pillar)"), "name": .string("Pillar \(pillar)"), "questions": .array(questions)]))
        }
        return .object(["schemaVersion": .string("2021-11-01"), "name": .string("Generated lens"),
                        "description": .string("For the benchmark."), "pillars": .array(pillars)])
    }
}

/// Key presses on a pack of N questions answered by choices, all in one area: the tick is
/// the whole checklist round (Space opens it, Space ticks, Esc keeps and recounts).
struct ChoiceKeystrokes: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "choice-keystrokes", abstract: "Time ticking choices on a large pack, in process.")

    @Option var questions = 10_000
    @Option var count = 2_000

    func run() throws {
        let book = try CatalogLoader.builtInCatalog()
        let choices = (0..<4).map { QuestionChoice(id: "c\($0)", text: "Practice \($0)", plan: "Adopt practice \($0).") }
            + [QuestionChoice(id: "c_no", text: "None of these", isNone: true)]
        let rules = [RiskRule(condition: try RiskCondition.parse("c0 && c1"), risk: .none),
                     RiskRule(condition: try RiskCondition.parse("c0 || c2"), risk: .medium),
                     RiskRule(condition: .always, risk: .high)]
        let area = CatalogArea(id: "big", kind: .topic, title: "Big", summary: "", whyItMatters: "", pitfalls: [],
                               questions: (0..<questions).map {
                                   Question(id: "big.q\($0)", text: "Question \($0)?", hint: "", tags: [], chapter: 0, choices: choices, riskRules: rules)
                               })
        let pack = Pack(id: "big", version: "1", title: "Big", description: "", source: "", areas: [area])
        var assessment = Assessment(name: "Keys", catalog: book.reference)
        assessment.packs = [PackReference(pack)]
        let review = PackComposition.compose(assessment, book: book, library: PackLibrary(catalog: book, adding: [pack]))
        let loaded = LoadedAssessment(assessment: assessment, path: "/dev/null", fingerprint: FileFingerprint(bytes: []))
        var state = AppState(catalog: book, mode: .start(StartScreenState(workspaceDirectory: "/", entries: [])), width: 80, height: 24)
        state.showExplorer(OpenDocument(loaded: loaded, review: review), fromStartScreen: false)
        let (moves, ticks) = timeKeys(&state, count: count, tick: [.character(" "), .character(" "), .escape])
        print("choice_questions \(questions)")
        print("move_p99_us \(decimal(percentile(moves, 0.99), places: 1))")
        print("tick_p50_us \(decimal(percentile(ticks, 0.5), places: 1))")
        print("tick_p99_us \(decimal(percentile(ticks, 0.99), places: 1))")
    }
}
