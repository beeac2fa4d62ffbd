/// Greedy word wrapping by display width (see `DisplayWidth`): breaks at spaces, keeps
/// explicit line breaks, and splits words longer than a line.
public enum WordWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                while wordWidth > width {
                    // A word longer than the line: break it where it overflows.
                    if !line.isEmpty { result.append(line); line = ""; lineWidth = 0 }
                    let (head, tail) = DisplayWidth.split(word, atWidth: width)
                    result.append(head)
                    word = tail
                    wordWidth = DisplayWidth.of(word)
                }
                if line.isEmpty {
                    line = word
                    lineWidth = wordWidth
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                } else {
                    result.append(line)
                    line = word
                    lineWidth = wordWidth
                }
            }
            result.append(line)
        }
        return result
    }
}
