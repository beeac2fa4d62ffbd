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
        return !hostName.isEmpty && !text.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    }
}
