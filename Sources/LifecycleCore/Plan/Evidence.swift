/// A reference behind an answer: a web page, a file in the repository that holds the
/// assessment, or a ticket. Evidence comes from teammates' files, so every reference is
/// checked when it is read, and only http(s) links and existing paths are ever opened.
public struct Evidence: Sendable, Equatable, Hashable {
    public enum Kind: String, Sendable, CaseIterable {
        /// An http or https link with a host.
        case url
        /// A path relative to the repository holding the assessment, optionally `:LINE`.
        case path
        /// A tracker key: `ABC-123` (Jira and the like) or `org/repo#42` (GitHub).
        case ticket
    }

    public var kind: Kind
    public var ref: String
    public var label: String

    public init(kind: Kind, ref: String, label: String = "") {
        self.kind = kind
        self.ref = ref
        self.label = label
    }

    /// The label, or the reference itself when there is none.
    public var title: String { label.isEmpty ? ref : label }

    /// Reads one `--evidence` argument: `REF`, or `[LABEL](REF)` to give it a label. The
    /// kind is recognised from the reference (see `kind(of:)`).
    public static func parse(_ argument: String) throws(EvidenceError) -> Evidence {
        let trimmed = argument.trimmingWhitespace()
        var ref = trimmed
        var label = ""
        if trimmed.hasPrefix("["), trimmed.hasSuffix(")"), let split = trimmed.ranges(of: "](").last {
            label = String(trimmed[trimmed.index(after: trimmed.startIndex)..<split.lowerBound]).trimmingWhitespace()
            ref = String(trimmed[split.upperBound..<trimmed.index(before: trimmed.endIndex)]).trimmingWhitespace()
        }
        try checkLabel(label, argument: argument)
        return Evidence(kind: try kind(of: ref, argument: argument), ref: ref, label: label)
    }

    /// One line of text: no control characters (a tab or an escape would reach terminals
    /// and trackers as they are).
    public static func checkLabel(_ label: String, argument: String? = nil) throws(EvidenceError) {
        if hasControl(label) { throw EvidenceError(argument ?? label, "a label is one line without control characters") }
    }

    /// How a reference is recognised: `http://` or `https://` is a URL (it needs a host);
    /// `ABC-123` or `owner/repo#42` is a ticket; anything else is a repository path, which
    /// must be relative, stay inside the repository, and may end in `:LINE`.
    public static func kind(of ref: String, argument: String? = nil) throws(EvidenceError) -> Kind {
        let shown = argument ?? ref
        if ref.isEmpty { throw EvidenceError(shown, "the reference is empty") }
        if hasControl(ref) {
            throw EvidenceError(shown, "the reference holds a control character")
        }
        if ref.first!.isWhitespace || ref.last!.isWhitespace { throw EvidenceError(shown, "the reference starts or ends with a space") }
        // Bidirectional overrides and zero-width characters can make a link read as another.
        if ref.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.properties.generalCategory == .format }) {
            throw EvidenceError(shown, "the reference holds an invisible formatting character")
        }
        let lowered = ref.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            guard HTTPURL.isValid(ref) else { throw EvidenceError(shown, "a URL needs a host and no spaces, as in https://wiki.example.com/runbook") }
            return .url
        }
        if let scheme = ref.firstRange(of: "://").map({ ref[..<$0.lowerBound] }) ?? ref.firstIndex(of: ":").map({ ref[..<$0] }).flatMap({ isScheme($0) ? $0 : nil }) {
            if scheme.lowercased().hasPrefix("http") { throw EvidenceError(shown, "an http or https link needs // after the colon") }
            throw EvidenceError(shown, "only http and https links are evidence, not \(Excerpt.of(String(scheme))):")
        }
        if isTicket(ref) { return .ticket }
        try checkPath(ref, shown: shown)
        return .path
    }

    /// Schemes people paste by mistake; a path like `docs:12` is not one of them.
    private static func isScheme(_ prefix: Substring) -> Bool {
        ["file", "javascript", "data", "ftp", "mailto", "ssh", "vbscript", "git", "http", "https"].contains(prefix.lowercased())
    }

    /// Byte scan first: nearly every reference is plain ASCII.
    static func hasControl(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    static func isTicket(_ ref: String) -> Bool {
        // ABC-123: a project key (a letter, then letters, digits or _), a dash, a number.
        if let dash = ref.lastIndex(of: "-") {
            let key = ref[..<dash], number = ref[ref.index(after: dash)...]
            if let first = key.first, first.isASCII, first.isUppercase, key.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }),
               !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return true
            }
        }
        // owner/repo#42
        if let hash = ref.lastIndex(of: "#") {
            let repository = ref[..<hash], number = ref[ref.index(after: hash)...]
            let parts = repository.split(separator: "/", omittingEmptySubsequences: false)
            let namePart = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) } }
            if parts.count == 2, parts.allSatisfy(namePart), !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
                return true
            }
        }
        return false
    }

    private static func checkPath(_ ref: String, shown: String) throws(EvidenceError) {
        let (path, line) = splitLine(ref)
        if path.hasPrefix("/") || path.hasPrefix("~") {
            throw EvidenceError(shown, "a path is relative to the repository that holds the assessment, not \(path.hasPrefix("~") ? "a home folder" : "absolute")")
        }
        if path.isEmpty { throw EvidenceError(shown, "the path before :\(line ?? "") is empty") }
        if path.split(separator: "/").contains("..") { throw EvidenceError(shown, "a path must stay inside the repository (no ..)") }
        if path.contains("\\") { throw EvidenceError(shown, "write paths with / (a backslash is not a separator here)") }
        if let line, line == "0" || line.hasPrefix("0") { throw EvidenceError(shown, "line numbers start at 1") }
        if let line, line.count > 9 { throw EvidenceError(shown, "line \(Excerpt.of(line)) is not a line number") }
        // docs/x.md: or docs/x.md:-3 is a line number gone wrong, not a file name.
        if let colon = path.lastIndex(of: ":"), line == nil {
            let after = path[path.index(after: colon)...]
            if after.isEmpty || (after.first == "-" && after.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber })) {
                throw EvidenceError(shown, "after the colon comes a line number, 1 or more")
            }
        }
    }

    /// `docs/runbook.md:42` → ("docs/runbook.md", "42"); a colon not followed by digits
    /// only is part of the path.
    public static func splitLine(_ ref: String) -> (path: String, line: String?) {
        guard let colon = ref.lastIndex(of: ":") else { return (ref, nil) }
        let digits = ref[ref.index(after: colon)...]
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return (ref, nil) }
        return (String(ref[..<colon]), String(digits))
    }

    /// Where a ticket or path points on the web, when that is known without settings:
    /// `owner/repo#42` is a GitHub issue; a URL is itself; others have no link.
    public var webLink: String? {
        switch kind {
        case .url: return ref
        case .ticket:
            guard let hash = ref.lastIndex(of: "#"), ref.contains("/") else { return nil }
            return "https://github.com/\(ref[..<hash])/issues/\(ref[ref.index(after: hash)...])"
        case .path: return nil
        }
    }
}

/// A reference that cannot be evidence, with the argument it came from.
public struct EvidenceError: Error, Sendable, Equatable, CustomStringConvertible {
    public var argument: String
    public var reason: String

    init(_ argument: String, _ reason: String) {
        self.argument = argument
        self.reason = reason
    }

    public var description: String { "evidence \"\(TerminalSafeText.escaped(Excerpt.of(argument)))\": \(reason)" }
}

extension Evidence {
    var jsonValue: JSONValue {
        var object: [String: JSONValue] = ["kind": .string(kind.rawValue), "ref": .string(ref)]
        if !label.isEmpty { object["label"] = .string(label) }
        return .object(object)
    }
}
