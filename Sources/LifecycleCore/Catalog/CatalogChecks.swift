/// Rules every catalog must follow beyond the shape of its JSON: well-formed, unique ids
/// that carry their area's prefix, and matrix cells that point at real areas and questions.
enum CatalogChecks {
    /// `area.slug` with lowercase words joined by hyphens, e.g. `generation.event-rate`.
    /// Byte-level: big catalogs check tens of thousands of ids at start-up.
    static func isWellFormedQuestionID(_ id: String) -> Bool {
        var id = id
        return id.withUTF8 { bytes in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")), bytes.lastIndex(of: UInt8(ascii: ".")) == dot else { return false }
            return isSlug(bytes[..<dot]) && isSlug(bytes[(dot + 1)...])
        }
    }

    static func isSlug<S: StringProtocol>(_ text: S) -> Bool {
        isSlug(Array(text.utf8)[...])
    }

    static func isSlug(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isSlug($0[...]) }
    }

    static func isSlug(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-") else { return false }
        var previousHyphen = false
        for byte in bytes {
            let isHyphen = byte == UInt8(ascii: "-")
            guard (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || isHyphen else { return false }
            if isHyphen && previousHyphen { return false }
            previousHyphen = isHyphen
        }
        return true
    }

    static func areaProblems(_ area: CatalogArea) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if !isSlug(area.id) {
            problems.append(ValidationProblem(JSONPath.root.appending("id"), "\"\(Excerpt.of(area.id))\" is not a lowercase hyphenated id"))
        }
        var seen: Set<String> = []
        seen.reserveCapacity(area.questions.count)
        for (position, question) in area.questions.enumerated() {
            // Built only for a problem: ten thousand paths nobody reads cost milliseconds.
            var path: JSONPath { JSONPath.root.appending("questions").appending(index: position) }
            if !isWellFormedQuestionID(question.id) {
                problems.append(ValidationProblem(path.appending("id"), "\"\(Excerpt.of(question.id))\" is not of the form area.slug"))
            } else if !question.id.hasPrefix(area.id + ".") {
                problems.append(ValidationProblem(path.appending("id"), "\"\(Excerpt.of(question.id))\" must begin with \"\(Excerpt.of(area.id)).\""))
            }
            if !seen.insert(question.id).inserted {
                problems.append(ValidationProblem(path.appending("id"), "duplicate question id \"\(Excerpt.of(question.id))\""))
            }
            if question.tags.isEmpty {
                problems.append(ValidationProblem(path.appending("tags"), "needs at least one tag"))
            }
            if !(1...11).contains(question.chapter) {
                problems.append(ValidationProblem(path.appending("chapter"), "chapter \(question.chapter) is not a chapter of the book (1-11)"))
            }
        }
        return problems
    }

    static func crossReferenceProblems(in catalog: Catalog) -> [CatalogProblem] {
        var problems: [CatalogProblem] = tagProblems(in: catalog)
        let stageIDs = Set(catalog.stages.map(\.id))
        let undercurrentIDs = Set(catalog.undercurrents.map(\.id))
        var seenQuestions: [String: String] = [:]
        // The catalog's index has one entry per distinct id: when it has as many as there
        // are questions, no id is used twice and the search below is not needed.
        let distinctIDs = catalog.questionIndexCount
        for area in catalog.areas where distinctIDs != catalog.questionCount {
            for question in area.questions {
                if let other = seenQuestions[question.id] {
                    problems.append(CatalogProblem(file: "content/\(area.id).json", message: "question id \"\(Excerpt.of(question.id))\" is also used in \(other).json"))
                }
                seenQuestions[question.id] = area.id
            }
        }
        var seenCells: Set<String> = []
        for (position, cell) in catalog.matrix.enumerated() {
            let location = "cells[\(position)]"
            if !stageIDs.contains(cell.stage) {
                problems.append(CatalogProblem(file: "content/matrix.json", message: "\(location): unknown stage \"\(Excerpt.of(cell.stage))\""))
            }
            if !undercurrentIDs.contains(cell.undercurrent) {
                problems.append(CatalogProblem(file: "content/matrix.json", message: "\(location): unknown undercurrent \"\(Excerpt.of(cell.undercurrent))\""))
            }
            if !seenCells.insert(cell.stage + "/" + cell.undercurrent).inserted {
                problems.append(CatalogProblem(file: "content/matrix.json", message: "\(location): duplicate cell \(cell.stage) x \(cell.undercurrent)"))
            }
            for questionID in cell.questionIDs where !catalog.containsQuestion(questionID) {
                problems.append(CatalogProblem(file: "content/matrix.json", message: "\(location): unknown question \"\(Excerpt.of(questionID))\""))
            }
        }
        return problems
    }

    /// Tags come from the catalog's vocabulary, and none repeats its own area's name
    /// (`security` on a security question, `architecture` in data architecture).
    static func tagProblems(in catalog: Catalog) -> [CatalogProblem] {
        guard !catalog.tagMeanings.isEmpty else { return [] }
        var problems: [CatalogProblem] = []
        for area in catalog.areas {
            for question in area.questions {
                for tag in question.tags {
                    if catalog.tagMeanings[tag] == nil {
                        problems.append(CatalogProblem(file: "content/\(area.id).json", message: "\(question.id): tag \"\(Excerpt.of(tag))\" is not in the tag list of catalog.json"))
                    } else if tag == area.id || area.id.hasSuffix("-" + tag) {
                        problems.append(CatalogProblem(file: "content/\(area.id).json", message: "\(question.id): tag \"\(tag)\" repeats the name of its area"))
                    }
                }
            }
        }
        return problems
    }
}
