/// A place in an input file: file name, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var file: String?
    public var line: Int?
    public var column: Int?

    public init(file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(String(line)) }
        if let column, line != nil { parts.append(String(column)) }
        return parts.joined(separator: ":")
    }
}

/// A recoverable problem found while reading, reported beside the result.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case note, warning, error
        public static func < (a: Severity, b: Severity) -> Bool {
            let order: [Severity] = [.note, .warning, .error]
            return order.firstIndex(of: a)! < order.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Whether the problem made the reader leave out a cue (or text that may have been one).
    public var dropsCue: Bool

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, dropsCue: Bool = false) {
        self.severity = severity
        self.message = message
        self.location = location
        self.dropsCue = dropsCue
    }

    public var description: String {
        let loc = location.description
        return (loc.isEmpty ? "" : loc + ": ") + "\(severity.rawValue): \(message)"
    }
}

/// A problem that stops a file from being read or written, with where it happened.
public struct CodecError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The bytes are not text in the detected or requested encoding.
        case encoding
        /// The content does not follow the format.
        case syntax
        /// The content is well-formed but means something impossible (e.g. end before start).
        case semantics
        /// The document is refused for safety (external entities, expansion bombs, excessive nesting).
        case unsafe
        /// The format could not be determined, or was ambiguous.
        case unknownFormat
        /// The track holds something this writer cannot express.
        case unsupported
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, _ message: String, at location: SourceLocation = SourceLocation()) {
        self.kind = kind
        self.message = message
        self.location = location
    }

    public var description: String {
        let loc = location.description
        return (loc.isEmpty ? "" : loc + ": ") + message
    }
}
