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

extension GlossaryRule {
    /// Rules that stop a file from being read at all; their findings come first, as others may follow from them.
    public var isReadingFailure: Bool {
        switch self {
        case .yamlSyntax, .unreadableFile, .documentLimit, .duplicateKey, .csvSyntax, .xmlSyntax: return true
        default: return false
        }
    }
}

extension Array where Element == GlossaryDiagnostic {
    /// Files that could not be read first (a syntax error explains the knock-on findings about the symbols
    /// it hid), then everything else; each part sorted by location.
    public func sortedReadingFailuresFirst() -> [GlossaryDiagnostic] {
        filter { $0.rule.isReadingFailure }.sortedByLocation() + filter { !$0.rule.isReadingFailure }.sortedByLocation()
    }
}

/// The glossary sources have errors: no store is built from them, so no command runs on a part of the glossary.
public struct GlossaryLoadFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The errors, files that could not be read first.
    public var errors: [GlossaryDiagnostic]

    public init(errors: [GlossaryDiagnostic]) { self.errors = errors.sortedReadingFailuresFirst() }

    /// At most ten errors, one a line, then a count and what to do.
    public var description: String {
        var lines = errors.prefix(10).map(\.description)
        if errors.count > 10 { lines.append("… and \(errors.count - 10) more") }
        let n = errors.count
        lines.append("the glossary has \(n) error\(n == 1 ? "" : "s"); nothing was loaded from it (run `locctl symbols lint`)")
        return lines.joined(separator: "\n")
    }
}
