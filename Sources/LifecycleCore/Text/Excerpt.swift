/// Text from a file as a message quotes it: terminal-safe and at most `limit` characters,
/// then "…". A file holding a 100,000-digit number or a megabyte-long key must not turn
/// one error line into a screenful. The limit is above the longest question id, so ids
/// are quoted whole.
public enum Excerpt {
    public static let limit = 60

    public static func of<S: StringProtocol>(_ text: S, limit: Int = Excerpt.limit) -> String {
        // Cut before escaping, so a huge text is never copied whole.
        let head = text.prefix(limit + 1)
        let safe = TerminalSafeText.escaped(String(head))
        guard head.count > limit || safe.count > limit else { return safe }
        return String(safe.prefix(limit)) + "…"
    }
}
