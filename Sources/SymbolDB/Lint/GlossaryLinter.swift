import Foundation
import TextServices

/// Checks glossary sources: reading problems plus every ``LintRule``.
public struct GlossaryLinter: Sendable {
    /// The checks `locctl symbols lint` runs, in order.
    public static let defaultRules: [any LintRule] = [
        DuplicateIDRule(), IDSyntaxRule(), FormConflictRule(), RequiredFormsRule(), TraditionalFormsRule(),
        SingleCharacterFormRule(), EnglishGlossRule(), GlossLengthRule(), EnglishRenderingRule(),
        VocabularyRule(), AnalogyFrameRule(), NormalizationRule(), RelatedRule(), WikidataRule(), PriorityRule(),
        RenderingContextRule(), SenseExampleRule(), AlignedOnlyRule(), ContradictoryRenderingRule(),
    ]

    public var rules: [any LintRule]
    /// Converters for the Traditional-forms rule; empty skips it.
    public var traditionalConverters: [ChineseScriptConverter]

    /// A linter with the default rules and OpenCC's s2t, s2tw and s2hk converters (when installed).
    public init(rules: [any LintRule] = GlossaryLinter.defaultRules, traditionalConverters: [ChineseScriptConverter]? = nil) {
        self.rules = rules
        self.traditionalConverters = traditionalConverters
            ?? [.s2t, .s2tw, .s2hk].compactMap { try? ChineseScriptConverter.shared($0) }
    }

    /// Reading diagnostics and lint findings together, sorted by location.
    public func lint(_ load: GlossaryLoadResult) -> [GlossaryDiagnostic] {
        let context = LintContext(symbols: load.symbols,
                                  knownIDs: Set(load.symbols.map(\.symbol.id)).union(load.rejectedIDs),
                                  traditionalConverters: traditionalConverters)
        var diagnostics = load.diagnostics
        for rule in rules { diagnostics += rule.check(context) }
        return diagnostics.sortedReadingFailuresFirst()
    }

    /// Loads and lints every YAML file under `directory`.
    public func lint(directory: URL, loader: GlossaryLoader = GlossaryLoader()) throws -> [GlossaryDiagnostic] {
        lint(try loader.load(directory: directory))
    }
}
