import FoundationEssentials

/// Reads typed fields out of a JSON object while collecting every problem found,
/// so `lifecycle validate` can report all of them in one run instead of the first.
struct JSONFieldReader {
    let fields: Fields
    let path: JSONPath

    /// An object's members: a parsed tree's dictionary, or the pairs a streaming decoder
    /// read straight from the parser (small objects, looked up by comparing keys).
    enum Fields {
        case dictionary([String: JSONValue])
        case pairs([(key: String, value: JSONValue)])

        subscript(key: String) -> JSONValue? {
            switch self {
            case .dictionary(let members): members[key]
            case .pairs(let members): members.first { $0.key == key }?.value
            }
        }

        /// Calls `body` with each member, in file order for pairs (no copy of either).
        func forEach(_ body: (String, JSONValue) -> Void) {
            switch self {
            case .dictionary(let members): for (key, value) in members { body(key, value) }
            case .pairs(let members): for (key, value) in members { body(key, value) }
            }
        }
    }

    /// The dictionary of a reader made from a tree (top-level documents).
    var object: [String: JSONValue] {
        switch fields {
        case .dictionary(let members): members
        case .pairs(let members): Dictionary(members, uniquingKeysWith: { first, _ in first })
        }
    }

    init?(_ value: JSONValue, at path: JSONPath, problems: inout [ValidationProblem]) {
        guard case .object(let object) = value else {
            problems.append(ValidationProblem(path, "expected an object, found \(value.typeName)"))
            return nil
        }
        self.fields = .dictionary(object)
        self.path = path
    }

    /// A reader over members read one by one (see `JSONParser.forEachUniqueMember`).
    init(pairs: [(key: String, value: JSONValue)], at path: JSONPath) {
        self.fields = .pairs(pairs)
        self.path = path
    }

    /// Reads the object the parser is on member by member into a reader, without a
    /// dictionary; nil (nothing read) when the next value is not an object.
    static func read(from parser: inout JSONParser, at path: JSONPath) throws(JSONSyntaxError) -> JSONFieldReader? {
        guard parser.peekValueStart() == UInt8(ascii: "{") else { return nil }
        var pairs: [(key: String, value: JSONValue)] = []
        pairs.reserveCapacity(8)
        try parser.forEachUniqueMember { parser, key throws(JSONSyntaxError) in pairs.append((key, try parser.parseValue())) }
        return JSONFieldReader(pairs: pairs, at: path)
    }

    func string(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> String? {
        JSONFieldReader.string(fields[key], key, at: path, required: required, problems: &problems)
    }

    /// The checks of `string(_:)` on a value already looked up (or found by iterating).
    static func string(_ value: JSONValue?, _ key: String, at path: JSONPath, required: Bool,
                       problems: inout [ValidationProblem]) -> String? {
        guard let value else {
            if required { problems.append(ValidationProblem(path.appending(key), "missing (expected a string)")) }
            return nil
        }
        guard case .string(let text) = value else {
            problems.append(ValidationProblem(path.appending(key), "expected a string, found \(value.typeName)"))
            return nil
        }
        return text
    }

    func nonEmptyString(_ key: String, problems: inout [ValidationProblem]) -> String? {
        guard let text = string(key, problems: &problems) else { return nil }
        // Not Foundation's trimming: this runs for every id and text of big catalogs, and
        // nearly every one starts with a visible ASCII character, which settles it.
        let first = text.utf8.first ?? 0
        let startsVisible = first > 0x20 && first < 0x7F
        if !startsVisible && !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            problems.append(ValidationProblem(path.appending(key), "must not be empty"))
            return nil
        }
        return text
    }

    func integer(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> Int? {
        guard let value = fields[key] else {
            if required { problems.append(ValidationProblem(path.appending(key), "missing (expected an integer)")) }
            return nil
        }
        guard let number = value.integerValue else {
            problems.append(ValidationProblem(path.appending(key), "expected an integer, found \(value.typeName)"))
            return nil
        }
        return number
    }

    func strings(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> [String]? {
        JSONFieldReader.strings(fields[key], key, at: path, required: required, problems: &problems)
    }

    /// The checks of `strings(_:)` on a value already looked up.
    static func strings(_ value: JSONValue?, _ key: String, at path: JSONPath, required: Bool,
                        problems: inout [ValidationProblem]) -> [String]? {
        guard let value else {
            if required { problems.append(ValidationProblem(path.appending(key), "missing (expected an array of strings)")) }
            return nil
        }
        guard case .array(let elements) = value else {
            problems.append(ValidationProblem(path.appending(key), "expected an array of strings, found \(value.typeName)"))
            return nil
        }
        var result: [String] = []
        for (position, element) in elements.enumerated() {
            guard case .string(let text) = element else {
                problems.append(ValidationProblem(path.appending(key).appending(index: position),
                                                  "expected a string, found \(element.typeName)"))
                continue
            }
            result.append(text)
        }
        return result
    }

    func array(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> [JSONValue]? {
        guard let value = fields[key] else {
            if required { problems.append(ValidationProblem(path.appending(key), "missing (expected an array)")) }
            return nil
        }
        guard case .array(let elements) = value else {
            problems.append(ValidationProblem(path.appending(key), "expected an array, found \(value.typeName)"))
            return nil
        }
        return elements
    }

    func objectField(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> [String: JSONValue]? {
        guard let value = fields[key] else {
            if required { problems.append(ValidationProblem(path.appending(key), "missing (expected an object)")) }
            return nil
        }
        guard case .object(let members) = value else {
            problems.append(ValidationProblem(path.appending(key), "expected an object, found \(value.typeName)"))
            return nil
        }
        return members
    }
}
