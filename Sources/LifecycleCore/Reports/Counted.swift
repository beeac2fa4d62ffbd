/// A count with its noun in the right number: "1 gap", "2 gaps", "1 other status change".
public enum Counted {
    public static func noun(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }
}
