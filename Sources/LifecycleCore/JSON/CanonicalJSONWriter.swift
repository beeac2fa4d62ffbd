import Glibc

/// Writes JSON in the one canonical form this program saves: keys sorted by their UTF-8
/// bytes, two-space indentation, one member per line, a trailing newline.
///
/// Why canonical: assessments live in git. The same data must always give the same bytes
/// (saving unchanged data is a no-op in `git status`), and changing one answer must change
/// only that answer's lines.
public enum CanonicalJSONWriter {
    public static func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &output)
        output.append(0x0A)
        return output
    }

    public static func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// Keys in byte order (see `keyPrecedes`).
    public static func sortedKeys<Keys: Sequence>(_ keys: Keys) -> [String] where Keys.Element == String {
        keys.sorted(by: keyPrecedes)
    }

    /// Sort order for object keys: plain byte order, so the output is the same on
    /// every platform and locale. Compares the UTF-8 storage with memcmp where the
    /// strings have contiguous storage (native strings always do): sorting 10,000
    /// question ids with String's own `<` was 40% of saving a large file.
    public static func keyPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        let fast = lhs.utf8.withContiguousStorageIfAvailable { a in
            rhs.utf8.withContiguousStorageIfAvailable { b in
                let shared = min(a.count, b.count)
                let order = shared == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, shared)
                return order != 0 ? order < 0 : a.count < b.count
            }
        }
        if let fast, let result = fast { return result }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    static func write(_ value: JSONValue, indent: Int, into output: inout [UInt8]) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): output.append(contentsOf: format(number).utf8)
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            if elements.isEmpty { output.append(contentsOf: "[]".utf8); return }
            output.append(contentsOf: "[\n".utf8)
            for (position, element) in elements.enumerated() {
                writeIndent(indent + 1, into: &output)
                write(element, indent: indent + 1, into: &output)
                output.append(contentsOf: (position + 1 < elements.count ? ",\n" : "\n").utf8)
            }
            writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { output.append(contentsOf: "{}".utf8); return }
            output.append(contentsOf: "{\n".utf8)
            let sorted = sortedKeys(members.keys)  // byte order, not locale order
            for (position, key) in sorted.enumerated() {
                writeIndent(indent + 1, into: &output)
                writeString(key, into: &output)
                output.append(0x3A)
                output.append(0x20)
                write(members[key]!, indent: indent + 1, into: &output)
                if position + 1 < sorted.count { output.append(0x2C) }
                output.append(0x0A)
            }
            writeIndent(indent, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    static func writeIndent(_ level: Int, into output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(0x20, count: level * 2))
    }

    /// Integers print without a fraction; other numbers in Swift's shortest round-trip form.
    static func format(_ number: Double) -> String {
        if number.rounded() == number && abs(number) < 9_007_199_254_740_992 {
            return String(Int64(number))
        }
        return "\(number)"
    }

    /// Escapes what JSON requires, and also DEL, the C1 controls and the Unicode line
    /// separators, so that `cat`-ing or `git diff`-ing a saved file can never send a
    /// terminal control sequence hidden in a note. Works on UTF-8 bytes: other non-ASCII
    /// text is copied as it is, which keeps saving 10,000 notes fast.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            var runStart = 0
            let count = bytes.count
            // Copies runs of bytes that need no escaping in one go; per-byte appends made
            // saving large files several times slower.
            func flush(upTo end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < count {
                let byte = bytes[index]
                if !needsAttention[Int(byte)] {
                    index += 1
                    continue
                }
                flush(upTo: index)
                switch byte {
                case 0x22: output.append(0x5C); output.append(0x22)
                case 0x5C: output.append(0x5C); output.append(0x5C)
                case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
                case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
                case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
                case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
                case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
                case 0x00..<0x20, 0x7F:
                    appendUnicodeEscape(UInt32(byte), into: &output)
                case 0xC2 where index + 1 < count && bytes[index + 1] >= 0x80 && bytes[index + 1] < 0xA0:
                    appendUnicodeEscape(UInt32(bytes[index + 1]), into: &output)  // C1 control
                    index += 1
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    appendUnicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, into: &output)
                    index += 2
                default:
                    output.append(byte)
                }
                index += 1
                runStart = index
            }
            flush(upTo: count)
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Bytes that may need escaping: C0 controls, quote, backslash, DEL, and the lead
    /// bytes of C1 controls (0xC2) and of U+2028/U+2029 (0xE2).
    private static let needsAttention: [Bool] = (0...255).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendUnicodeEscape(_ value: UInt32, into output: inout [UInt8]) {
        output.append(0x5C)
        output.append(UInt8(ascii: "u"))
        for shift in stride(from: 12, through: 0, by: -4) {
            output.append(hexDigits[Int((value >> UInt32(shift)) & 0xF)])
        }
    }
}
