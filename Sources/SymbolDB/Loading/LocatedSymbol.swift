/// A symbol together with where its entry and each of its fields were written.
public struct LocatedSymbol: Hashable, Sendable {
    public var symbol: Symbol
    public var source: SymbolSource

    public init(symbol: Symbol, source: SymbolSource) {
        self.symbol = symbol
        self.source = source
    }
}

/// Where a symbol's entry and fields are in its source file.
///
/// Field paths are dotted, with list indices and mapping keys as components:
/// `forms.simplified.0`, `gloss.en`, `renderings.en-GB.preferred.1`, `analogies.greco-roman.en`.
public struct SymbolSource: Hashable, Sendable, Codable {
    /// The start of the entry (its first key).
    public var entry: GlossaryLocation
    /// Locations by field path.
    public var fields: [String: GlossaryLocation]

    public init(entry: GlossaryLocation, fields: [String: GlossaryLocation] = [:]) {
        self.entry = entry
        self.fields = fields
    }

    /// The location of `path`, or of its nearest recorded ancestor, or of the entry.
    public func location(_ path: String) -> GlossaryLocation {
        var components = path.split(separator: ".", omittingEmptySubsequences: false)
        while !components.isEmpty {
            if let location = fields[components.joined(separator: ".")] { return location }
            components.removeLast()
        }
        return entry
    }
}

/// What reading a glossary directory produced: the symbols that could be read, and every problem.
public struct GlossaryLoadResult: Sendable {
    /// Symbols in file order (files sorted by path).
    public var symbols: [LocatedSymbol]
    /// Reading problems, each with a file and line.
    public var diagnostics: [GlossaryDiagnostic]
    /// Source files read, as displayed in diagnostics.
    public var files: [String]
    /// Ids of entries that were present but too broken to become symbols (so `related` to them is not flagged).
    public var rejectedIDs: Set<String>

    public init(symbols: [LocatedSymbol] = [], diagnostics: [GlossaryDiagnostic] = [], files: [String] = [],
                rejectedIDs: Set<String> = []) {
        self.symbols = symbols
        self.diagnostics = diagnostics
        self.files = files
        self.rejectedIDs = rejectedIDs
    }

    mutating func append(_ other: GlossaryLoadResult) {
        symbols += other.symbols
        diagnostics += other.diagnostics
        files += other.files
        rejectedIDs.formUnion(other.rejectedIDs)
    }
}
