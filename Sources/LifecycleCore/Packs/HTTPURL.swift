/// The links packs (and evidence) may carry: http or https with a host, nothing else. A
/// `javascript:` or `file:` link from someone else's file must never become clickable.
public enum HTTPURL {
    public static func isValid(_ text: String) -> Bool {
        let lowered = text.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = text.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = text.dropFirst(7)
        } else {
            return false
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let hostName = host.split(separator: "@").last.map { $0.split(separator: ":").first ?? "" } ?? ""
        return !hostName.isEmpty && !hasSpaceOrControl(text)
    }

    /// A byte scan for the common all-ASCII case (every evidence link of a big file is
    /// checked on load); characters beyond ASCII are asked about one by one.
    static func hasSpaceOrControl(_ text: String) -> Bool {
        var ascii = true
        for byte in text.utf8 {
            if byte <= 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
        }
        return !ascii && text.contains(where: { $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
    }
}
