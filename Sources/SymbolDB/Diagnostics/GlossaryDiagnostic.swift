/// A problem found in the glossary sources, with the rule that found it and where.
public struct GlossaryDiagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious a finding is: errors fail `locctl symbols lint`.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var rule: GlossaryRule
    public var severity: Severity
    public var message: String
    public var location: GlossaryLocation
    /// The symbol the finding is about, when there is one.
    public var symbolID: String?

    public init(_ rule: GlossaryRule, _ message: String, at location: GlossaryLocation,
                symbolID: String? = nil, severity: Severity? = nil) {
        self.rule = rule
        self.severity = severity ?? rule.severity
        self.message = message
        self.location = location
        self.symbolID = symbolID
    }

    /// `file:line:column: error: message [rule-id]`.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }
}

extension Array where Element == GlossaryDiagnostic {
    /// Whether any finding is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, line, column, then rule.
    public func sortedByLocation() -> [GlossaryDiagnostic] {
        sorted { ($0.location, $0.rule.rawValue, $0.message) < ($1.location, $1.rule.rawValue, $1.message) }
    }
}
