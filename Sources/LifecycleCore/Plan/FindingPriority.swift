/// A priority a reviewer sets on a finding, over the order its risk would give it.
public enum FindingPriority: String, Sendable, CaseIterable, Comparable {
    case high, medium, low

    /// Lower sorts first.
    var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }

    public static func < (lhs: FindingPriority, rhs: FindingPriority) -> Bool { lhs.rank < rhs.rank }

    public static let spellings = allCases.map(\.rawValue).joined(separator: ", ")
}
