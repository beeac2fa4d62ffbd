/// A strict JSON parser (RFC 8259) written for this program's needs: errors carry a
/// line and column, nesting depth is capped (absurdly deep files must not overflow the
/// stack), duplicate keys are errors, and input must be valid UTF-8.
///
/// Foundation's JSONSerialization reports neither positions reliably nor duplicate keys,
/// and assessment files are user-edited documents where a precise message matters.
public struct JSONParser {
    public static let defaultMaximumDepth = 64

    public static func parse(_ bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        if let invalidOffset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw error(at: invalidOffset, in: bytes, "the file is not valid UTF-8 text")
        }
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        return try parser.parseDocument()
    }

    /// Parses like `parse(_:)`, except that the value of one top-level key is handed
    /// over piece by piece instead of being kept: each element of an array, or each
    /// member of an object, goes to `stream` as soon as it is parsed, and the tree gets
    /// an empty container in its place. Large catalogs and assessments are loaded this way
    /// so that their tree never exists whole (a 4 MB catalog's tree took 5 MB more).
    /// A value of another type than `stream` expects is kept in the tree as usual, for
    /// the decoder to report. Syntax errors are thrown as from `parse(_:)`, possibly after
    /// some pieces were already handed over.
    public static func parse(_ bytes: [UInt8], streaming stream: JSONStream,
                             maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        if let invalidOffset = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw error(at: invalidOffset, in: bytes, "the file is not valid UTF-8 text")
        }
        var parser = JSONParser(bytes: bytes, maximumDepth: maximumDepth)
        parser.stream = stream
        return try parser.parseDocument()
    }

    public static func parse(_ text: String, maximumDepth: Int = defaultMaximumDepth) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), maximumDepth: maximumDepth)
    }

    private let bytes: [UInt8]
    private let maximumDepth: Int
    private var index = 0
    private var depth = 0
    private var stream: JSONStream?

    private init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    private mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        // A UTF-8 byte order mark is tolerated: some Windows editors add one.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        skipWhitespace()
        if index == bytes.count { throw fail("the file is empty; expected a JSON value") }
        let value = try parseValue()
        skipWhitespace()
        if index < bytes.count { throw fail("unexpected text after the end of the JSON value") }
        return value
    }

    /// Parses one value as a tree (also for stream consumers that want one).
    mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw fail("the file ends too early (truncated?); expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw fail("unexpected \(describeByte(at: index)); expected a value")
        }
    }

    private mutating func enterContainer() throws(JSONSyntaxError) {
        depth += 1
        if depth > maximumDepth { throw fail("nesting deeper than \(maximumDepth) levels") }
    }

    /// Members of the objects being parsed, innermost last. Each object's members are
    /// collected here first so its dictionary can be made at its final size: growing
    /// 10,000 small answer dictionaries one member at a time was a fifth of loading.
    private var pendingMembers: [(key: String, keyOffset: Int, value: JSONValue)] = []

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        let firstPending = pendingMembers.count
        try forEachMember { parser, key, keyOffset throws(JSONSyntaxError) in
            let value: JSONValue
            if parser.depth == 1, let stream = parser.stream, key == stream.key {
                value = try parser.parseStreamed(stream)
            } else {
                value = try parser.parseValue()
            }
            parser.pendingMembers.append((key, keyOffset, value))
        }
        var members = [String: JSONValue](minimumCapacity: pendingMembers.count - firstPending)
        for member in pendingMembers[firstPending...] {
            if members.updateValue(member.value, forKey: member.key) != nil {
                throw JSONParser.error(at: member.keyOffset, in: bytes, "duplicate key \"\(Excerpt.of(member.key))\"")
            }
        }
        pendingMembers.removeSubrange(firstPending...)
        return .object(members)
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        try forEachElement { parser, _ throws(JSONSyntaxError) in elements.append(try parser.parseValue()) }
        return .array(elements)
    }

    /// The streamed value (see `parse(_:streaming:)`): its pieces go to the stream, an
    /// empty container of the same kind stays in the tree.
    private mutating func parseStreamed(_ stream: JSONStream) throws(JSONSyntaxError) -> JSONValue {
        switch (peek(), stream.handler) {
        case (UInt8(ascii: "["), .elements(let handle)):
            try forEachElement { parser, position throws(JSONSyntaxError) in handle(position, try parser.parseValue()) }
            return .array([])
        case (UInt8(ascii: "["), .pullElements(let handle)):
            try forEachElement { parser, position throws(JSONSyntaxError) in
                let start = parser.index
                try handle(&parser, position)
                precondition(parser.index > start, "a stream consumer must read the value it is given")
            }
            return .array([])
        case (UInt8(ascii: "{"), .pullMembers(let handle)):
            var seen = Set<String>()
            try forEachMember { parser, key, keyOffset throws(JSONSyntaxError) in
                guard seen.insert(key).inserted else {
                    throw JSONParser.error(at: keyOffset, in: parser.bytes, "duplicate key \"\(Excerpt.of(key))\"")
                }
                let start = parser.index
                try handle(&parser, key)
                precondition(parser.index > start, "a stream consumer must read the value it is given")
            }
            return .object([:])
        case (UInt8(ascii: "{"), .members(let handle)):
            var seen = Set<String>()
            try forEachMember { parser, key, keyOffset throws(JSONSyntaxError) in
                guard seen.insert(key).inserted else {
                    throw JSONParser.error(at: keyOffset, in: parser.bytes, "duplicate key \"\(Excerpt.of(key))\"")
                }
                handle(key, try parser.parseValue())
            }
            return .object([:])
        default:
            return try parseValue()
        }
    }

    /// The first byte of the next value (after white space), to choose how to read it.
    mutating func peekValueStart() -> UInt8? {
        skipWhitespace()
        return peek()
    }

    /// Reads an object member by member without building a dictionary, for decoders of
    /// small, flat objects (a question, an answer) read in great numbers: `member` gets
    /// each key with the parser on its value, and must read that value. Duplicate keys
    /// are syntax errors, as with `parse`; small objects find them by comparing keys,
    /// which is cheaper than hashing them.
    mutating func forEachUniqueMember(_ member: (inout JSONParser, String) throws(JSONSyntaxError) -> Void) throws(JSONSyntaxError) {
        var keys: [String] = []
        var keySet: Set<String>?
        try forEachMember { parser, key, keyOffset throws(JSONSyntaxError) in
            let duplicate: Bool
            if keySet != nil {
                duplicate = !keySet!.insert(key).inserted  // in place, no copy
            } else {
                duplicate = keys.contains(key)
                keys.append(key)
                if keys.count > 16 { keySet = Set(keys) }
            }
            if duplicate { throw JSONParser.error(at: keyOffset, in: parser.bytes, "duplicate key \"\(Excerpt.of(key))\"") }
            let start = parser.index
            try member(&parser, key)
            precondition(parser.index > start, "a member decoder must read the value it is given")
        }
    }

    /// The syntax of an object around its members: `{`, then `"key": value` pairs separated
    /// by commas, then `}`. `member` parses each value (the parser is positioned on it).
    private mutating func forEachMember(
        _ member: (inout JSONParser, _ key: String, _ keyOffset: Int) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "}") { index += 1; depth -= 1; return }
        while true {
            skipWhitespace()
            guard peek() == UInt8(ascii: "\"") else {
                throw fail(index < bytes.count ? "unexpected \(describeByte(at: index)); expected a quoted key"
                                               : "the file ends too early (truncated?) inside an object")
            }
            let keyOffset = index
            let key = try parseString()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after the key")
            skipWhitespace()
            try member(&self, key, keyOffset)
            skipWhitespace()
            guard let next = peek() else { throw fail("the file ends too early (truncated?) inside an object") }
            index += 1
            if next == UInt8(ascii: "}") { break }
            if next != UInt8(ascii: ",") { index -= 1; throw fail("unexpected \(describeByte(at: index)); expected ',' or '}'") }
        }
        depth -= 1
    }

    /// The syntax of an array around its elements; `element` parses each one.
    private mutating func forEachElement(
        _ element: (inout JSONParser, _ position: Int) throws(JSONSyntaxError) -> Void
    ) throws(JSONSyntaxError) {
        try enterContainer()
        index += 1
        skipWhitespace()
        if peek() == UInt8(ascii: "]") { index += 1; depth -= 1; return }
        var position = 0
        while true {
            skipWhitespace()
            try element(&self, position)
            position += 1
            skipWhitespace()
            guard let next = peek() else { throw fail("the file ends too early (truncated?) inside an array") }
            index += 1
            if next == UInt8(ascii: "]") { break }
            if next != UInt8(ascii: ",") { index -= 1; throw fail("unexpected \(describeByte(at: index)); expected ',' or ']'") }
        }
        depth -= 1
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes, the common case for ids and most notes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw fail("control character U+\(hex4(UInt32(byte))) inside a string; it must be escaped") }
            index += 1
        }
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                try parseEscape(into: &buffer)
            case 0..<0x20:
                throw fail("control character U+\(hex4(UInt32(byte))) inside a string; it must be escaped")
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw fail("the file ends too early (truncated?) inside a string")
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard let escape = peek() else { throw fail("the file ends too early (truncated?) inside a string") }
        index += 1
        switch escape {
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired surrogate in \\u escape")
                }
                index += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw fail("unpaired surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw fail("unpaired surrogate in \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
            UTF8.encode(unicode) { buffer.append($0) }
        default:
            index -= 1
            throw fail("invalid escape \\\(describeByte(at: index))")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("the file ends too early (truncated?) inside a \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit in \\u escape")
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw fail("invalid number: expected a digit") }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw fail("invalid number: leading zeros are not allowed") }
        } else {
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let byte = peek(), isDigit(byte) else { throw fail("invalid number: expected a digit after '.'") }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw fail("invalid number: expected a digit in the exponent") }
            while let byte = peek(), isDigit(byte) { index += 1 }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParser.error(at: start, in: bytes, "number \(Excerpt.of(text)) is out of range")
        }
        return .number(value)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("unexpected \(describeByte(at: index)); expected a value")
        }
        index += expected.count
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard let actual = peek() else { throw fail("the file ends too early (truncated?); expected \(what)") }
        guard actual == byte else { throw fail("unexpected \(describeByte(at: index)); expected \(what)") }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of file" }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private func fail(_ message: String) -> JSONSyntaxError {
        JSONParser.error(at: index, in: bytes, message)
    }

    private func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Turns a byte offset into a 1-based line and column (columns count characters,
    /// not bytes, so the position matches what an editor shows).
    static func error(at offset: Int, in bytes: [UInt8], _ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        var position = 0
        let end = min(offset, bytes.count)
        while position < end {
            let byte = bytes[position]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1  // count only the first byte of each UTF-8 sequence
            }
            position += 1
        }
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}

/// Which top-level value `JSONParser.parse(_:streaming:)` hands over piece by piece.
public struct JSONStream {
    public enum Handler {
        /// Each element of an array, with its position.
        case elements((Int, JSONValue) -> Void)
        /// Each member of an object (duplicate keys are still syntax errors).
        case members((String, JSONValue) -> Void)
        /// Each element, read by the consumer itself from the parser (it must read exactly
        /// one value), for decoders that skip the tree (see `forEachUniqueMember`).
        case pullElements((inout JSONParser, Int) throws(JSONSyntaxError) -> Void)
        /// Each member, read by the consumer itself (see `pullElements`).
        case pullMembers((inout JSONParser, String) throws(JSONSyntaxError) -> Void)
    }

    public var key: String
    public var handler: Handler

    public init(key: String, _ handler: Handler) {
        self.key = key
        self.handler = handler
    }
}
