import Testing
@testable import LifecycleCore

/// Markdown output escapes only what would change the rendering.
struct MarkdownTextTests {
    @Test(arguments: [
        ("fundamentals-of-data-engineering", "fundamentals-of-data-engineering"),
        ("about ~5% of rows", "about ~5% of rows"),
        ("lead_score and _emphasis_", "lead_score and \\_emphasis\\_"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("a*b*c", "a\\*b\\*c"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a numbered list", "1\\. not a numbered list"),
        ("x | y", "x \\| y"),
        ("<script>", "&lt;script>"),
        ("AT&T and &copy;", "AT&T and \\&copy;"),
        ("line one\nline two", "line one<br>line two"),
        ("[link](http://x)", "\\[link\\](http://x)"),
    ])
    func escapesOnlyWhatRenders(input: String, expected: String) {
        #expect(MarkdownText.inline(input) == expected)
    }
}
