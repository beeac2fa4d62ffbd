/// Small text helpers that full Foundation would provide; we link only
/// FoundationEssentials (see PathText).
extension StringProtocol {
    /// The text without leading and trailing white space and line breaks.
    public func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0.isWhitespace || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The number as decimal text, left-padded with zeros to `width` digits ("%02d").
    public init(_ number: Int, zeroPaddedTo width: Int) {
        let digits = String(number)
        self = digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
