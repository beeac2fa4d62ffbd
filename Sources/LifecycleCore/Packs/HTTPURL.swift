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
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        // user:password@host:port: the host is what follows the last @, up to a colon.
        let hostAndPort = authority.split(separator: "@", omittingEmptySubsequences: false).last ?? ""
        let parts = hostAndPort.split(separator: ":", omittingEmptySubsequences: false)
        guard let hostName = parts.first, !hostName.isEmpty, parts.count <= 2 else { return false }
        if parts.count == 2 {
            // A port is 1 to 65535; "host:" alone is allowed by URL syntax but says nothing.
            guard let port = Int(parts[1]), parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), (1...65535).contains(port) else { return false }
        }
        return !hasSpaceOrControl(text)
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
