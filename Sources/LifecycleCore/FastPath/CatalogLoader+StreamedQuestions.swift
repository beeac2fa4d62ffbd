/// The streamed question decoder: the fast path of loading a catalog (see FastPath.swift).
extension CatalogLoader {
    /// Questions decoded while the area file was being parsed, with their problems.
    final class StreamedQuestions {
        var questions: [Question] = []
        var problems: [ValidationProblem] = []
        var received = false

        func stream() -> JSONStream {
            // Each question is read member by member, without a dictionary; anything but
            // an object goes through the tree, for the same message as a whole parse.
            JSONStream(key: "questions", .pullElements { [self] parser, position throws(JSONSyntaxError) in
                received = true
                let path = JSONPath.root.appending("questions").appending(index: position)
                let question: Question?
                if let reader = try JSONFieldReader.read(from: &parser, at: path) {
                    question = CatalogLoader.parseQuestion(reader, problems: &problems)
                } else {
                    question = CatalogLoader.parseQuestion(try parser.parseValue(), at: path, problems: &problems)
                }
                if let question { questions.append(question) }
            })
        }
    }
}
