/// Why a byte sequence is not acceptable JSON, with the 1-based line and column
/// (in characters) where the problem was found.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int

    public var description: String { "\(line):\(column): \(message)" }
}
