/// Themes, languages and region tags must come from the schema's vocabularies.
public struct VocabularyRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.unknownTag] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let symbol = located.symbol
        var findings: [GlossaryDiagnostic] = []
        for (index, theme) in symbol.themes.enumerated() where !Vocabulary.themes.contains(theme) {
            findings.append(located.finding(.unknownTag, "unknown theme '\(theme)'\(Self.suggest(theme, Vocabulary.themes))",
                                            at: "themes.\(index)"))
        }
        for language in symbol.gloss.keys.sorted() where !Vocabulary.languages.contains(language) {
            findings.append(located.finding(.unknownTag,
                "unknown gloss language '\(language)'\(Self.suggest(language, Vocabulary.languages))", at: "gloss.\(language)"))
        }
        for tag in symbol.renderings.keys.sorted() where !Vocabulary.isLanguageOrRegion(tag) {
            findings.append(located.finding(.unknownTag,
                "unknown rendering language or region '\(tag)'\(Self.suggest(tag, Vocabulary.languages))", at: "renderings.\(tag)"))
        }
        for frame in symbol.analogies.keys.sorted() {
            for language in symbol.analogies[frame]!.keys.sorted() where !Vocabulary.languages.contains(language) {
                findings.append(located.finding(.unknownTag,
                    "unknown analogy language '\(language)'\(Self.suggest(language, Vocabulary.languages))",
                    at: "analogies.\(frame).\(language)"))
            }
        }
        for (index, tag) in symbol.sharedBy.enumerated() where !Vocabulary.isLanguageOrRegion(tag) || !tag.contains("-") {
            findings.append(located.finding(.unknownTag, "shared-by entry '\(tag)' is not a region tag (en-US, zh-Hant-TW)",
                                            at: "shared-by.\(index)"))
        }
        for tag in symbol.sensitivity.keys.sorted() where !Vocabulary.isLanguageOrRegion(tag) {
            findings.append(located.finding(.unknownTag,
                "unknown sensitivity language or region '\(tag)'\(Self.suggest(tag, Vocabulary.languages))", at: "sensitivity.\(tag)"))
        }
        return findings
    }

    static func suggest(_ word: String, _ vocabulary: Set<String>) -> String {
        YAMLNodeReader.closest(to: word, in: vocabulary.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// Analogies must be keyed by a known cultural frame.
public struct AnalogyFrameRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.unknownFrame] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        located.symbol.analogies.keys.sorted().filter { !Vocabulary.frames.contains($0) }.map { frame in
            located.finding(.unknownFrame,
                "analogy for unknown cultural frame '\(frame)'\(VocabularyRule.suggest(frame, Vocabulary.frames))",
                at: "analogies.\(frame)")
        }
    }
}
