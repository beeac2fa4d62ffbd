/// A list for a message or a summary line, cut short: a file made against another catalog
/// can have 10,000 answers the catalog does not know, and a warning that names every one
/// of them hides everything else on the screen. Each item is quoted as an `Excerpt`.
public enum AbbreviatedList {
    public static func text(_ items: [String], limit: Int = 10) -> String {
        let shown = items.prefix(limit).map { Excerpt.of($0) }.joined(separator: ", ")
        return items.count > limit ? shown + " and \(items.count - limit) more" : shown
    }
}
