import FoundationEssentials

/// Reads typed fields out of a JSON object while collecting every problem found,
/// so `lifecycle validate` can report all of them in one run instead of the first.
struct JSONFieldReader {
    let object: [String: JSONValue]
    let path: JSONPath

    init?(_ value: JSONValue, at path: JSONPath, problems: inout [ValidationProblem]) {
        guard case .object(let object) = value else {
            problems.append(ValidationProblem(path, "expected an object, found \(value.typeName)"))
            return nil
        }
        self.object = object
        self.path = path
    }

    func string(_ key: String, required: Bool = true, problems: inout [ValidationProblem]) -> String? {
        JSONFieldReader.string(object[key], key, at: path, required: required, problems: &problems)
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
        guard let value = object[key] else {
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
        JSONFieldReader.strings(object[key], key, at: path, required: required, problems: &problems)
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
        guard let value = object[key] else {
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
        guard let value = object[key] else {
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
