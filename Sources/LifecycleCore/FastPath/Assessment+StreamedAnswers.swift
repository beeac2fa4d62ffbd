/// The streamed answer decoder: the fast path of loading (see FastPath.swift).
extension Assessment {
    /// Answers decoded while the file was being parsed, with their problems.
    final class StreamedAnswers {
        var answers: [String: Answer] = [:]
        var problems: [ValidationProblem] = []
        var received = false

        func stream() -> JSONStream {
            let answersPath = JSONPath.root.appending("answers")
            // Each answer is read member by member, without a dictionary (see CatalogLoader).
            return JSONStream(key: "answers", .pullMembers { [self] parser, questionID throws(JSONSyntaxError) in
                received = true
                let path = answersPath.appending(questionID)
                let answer: Answer?
                if let reader = try JSONFieldReader.read(from: &parser, at: path) {
                    answer = Answer.decode(reader, problems: &problems)
                } else {
                    answer = Answer.decode(try parser.parseValue(), at: path, problems: &problems)
                }
                if let answer { answers[questionID] = answer }
            })
        }
    }
}
