import Foundation

/// Every symbol needs an English gloss (the fallback for every region).
public struct EnglishGlossRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.missingEnglishGloss] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let english = located.symbol.gloss["en"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard english.isEmpty else { return [] }
        return [located.finding(.missingEnglishGloss, "symbol '\(located.symbol.id)' has no English gloss (gloss.en)", at: "gloss")]
    }
}

/// Glosses are pop-up notes: at most 120 characters in any language.
public struct GlossLengthRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.glossTooLong] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        located.symbol.gloss.sorted { $0.key < $1.key }.compactMap { language, text in
            let count = text.count
            guard count > Vocabulary.maximumGlossLength else { return nil }
            return located.finding(.glossTooLong,
                "gloss.\(language) has \(count) characters; the limit is \(Vocabulary.maximumGlossLength)", at: "gloss.\(language)")
        }
    }
}

/// Every symbol needs an English preferred rendering.
public struct EnglishRenderingRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.missingEnglishRendering] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        guard located.symbol.renderings["en"]?.preferred.isEmpty ?? true else { return [] }
        return [located.finding(.missingEnglishRendering,
            "symbol '\(located.symbol.id)' has no English preferred rendering (renderings.en.preferred)", at: "renderings")]
    }
}

/// All text in Unicode Normalization Form C, so matching and comparison see one spelling.
public struct NormalizationRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.notNFC] }
    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        located.symbol.textFields.compactMap { path, text in
            // Compare scalars: String equality is canonical-equivalence and would call any form equal.
            let normalized = text.precomposedStringWithCanonicalMapping
            guard !normalized.unicodeScalars.elementsEqual(text.unicodeScalars) else { return nil }
            return located.finding(.notNFC, "\(path) is not in Unicode NFC ('\(text)'); re-save it composed", at: path)
        }
    }
}
