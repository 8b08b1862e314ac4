/// How serious a finding is; `--fail-on` compares against it.
public enum FindingSeverity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a look; never fails a build unless `--fail-on note`.
    case note
    /// Should be fixed before delivery.
    case warning
    /// Must be fixed: wrong, offensive or unreadable.
    case error

    public static func < (a: FindingSeverity, b: FindingSeverity) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }
}
