/// Why a document could not be parsed, with where.
public struct XMLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The bytes are not well-formed XML (libxml2 reported an error).
        case malformed
        /// The document is refused for safety: a DOCTYPE with an internal subset or entity declarations.
        case unsafe
        /// The document is larger than `SafeXML.Limits.maxBytes`.
        case tooLarge
        /// Elements nest deeper than `SafeXML.Limits.maxDepth` (or libxml2's own depth limit).
        case tooDeep
    }

    public var kind: Kind
    public var file: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    public var message: String

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if let line { parts.append(String(line)) }
        if let column, line != nil { parts.append(String(column)) }
        let loc = parts.joined(separator: ":")
        return (loc.isEmpty ? "" : loc + ": ") + message
    }
}
