extension AssessmentStore {
    /// Throws what loading would report if `bytes` were the file at `path`. A merge
    /// driver writes into a file that every later command must load, so it checks its
    /// result with the loader's own steps (size limit, parse with streamed answers,
    /// decode against this catalog) before writing it.
    public func checkLoads(_ bytes: [UInt8], as path: String) throws(FileProblem) {
        guard bytes.count <= sizeLimit else { throw .tooLarge(path: path, size: bytes.count, limit: sizeLimit) }
        let answers = Assessment.StreamedAnswers()
        let document: JSONValue
        do {
            document = try JSONParser.parse(bytes, streaming: answers.stream(), maximumDepth: maximumDepth)
        } catch {
            throw .syntax(path: path, error)
        }
        _ = try load(ParsedFile(path: path, fingerprint: FileFingerprint(bytes: bytes), document: document, streamedAnswers: answers))
    }
}
