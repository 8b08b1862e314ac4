import TextServices

/// What every lint rule sees: all symbols with their locations, and the services rules need.
public struct LintContext: Sendable {
    public var symbols: [LocatedSymbol]
    /// Ids of every entry, including entries too broken to load.
    public var knownIDs: Set<String>
    /// Simplified → Traditional converters (s2t first), or empty when OpenCC is unavailable.
    public var traditionalConverters: [ChineseScriptConverter]

    public init(symbols: [LocatedSymbol], knownIDs: Set<String>, traditionalConverters: [ChineseScriptConverter]) {
        self.symbols = symbols
        self.knownIDs = knownIDs
        self.traditionalConverters = traditionalConverters
    }
}

/// One check over the glossary. Each rule reports under the ``GlossaryRule`` ids it lists.
public protocol LintRule: Sendable {
    /// The rule ids this check can report.
    var rules: [GlossaryRule] { get }
    func check(_ context: LintContext) -> [GlossaryDiagnostic]
}

/// A rule that looks at one symbol at a time.
public protocol SymbolLintRule: LintRule {
    func check(_ symbol: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic]
}

extension SymbolLintRule {
    public func check(_ context: LintContext) -> [GlossaryDiagnostic] {
        context.symbols.flatMap { check($0, in: context) }
    }
}

extension LocatedSymbol {
    /// A finding about this symbol at the field `path`.
    func finding(_ rule: GlossaryRule, _ message: String, at path: String, severity: GlossaryDiagnostic.Severity? = nil) -> GlossaryDiagnostic {
        GlossaryDiagnostic(rule, message, at: source.location(path), symbolID: symbol.id, severity: severity)
    }
}
