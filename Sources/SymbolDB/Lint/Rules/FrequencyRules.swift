import TextServices

/// A Chinese form that is frequent everyday vocabulary is ambiguous by data: it needs sense `examples`.
public struct AmbiguousFormRule: SymbolLintRule {
    /// Forms at or above this Zipf frequency in the `zh` list are ambiguous (面子 4.0, 穿越 4.4, 后门 3.8, 春节 4.3).
    public static let minimumZipf = 3.5

    public let frequencies: WordFrequencies
    public let minimumZipf: Double

    public init(frequencies: WordFrequencies, minimumZipf: Double = AmbiguousFormRule.minimumZipf) {
        self.frequencies = frequencies
        self.minimumZipf = minimumZipf
    }

    public var rules: [GlossaryRule] { [.ambiguousFormWithoutExamples] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let symbol = located.symbol
        let covered = Set(symbol.examples.filter { !$0.value.symbol.isEmpty && !$0.value.ordinary.isEmpty }
            .keys.map(SenseModels.pattern))
        var seen = Set<[UInt32]>()
        var findings: [GlossaryDiagnostic] = []
        let lists = [("forms.simplified", symbol.forms.simplified), ("forms.traditional", symbol.forms.traditional),
                     ("forms.aliases", symbol.forms.aliases)]
        for (path, forms) in lists {
            for (index, form) in forms.enumerated() {
                let pattern = SenseModels.pattern(form)
                guard pattern.count >= 2, seen.insert(pattern).inserted, !covered.contains(pattern) else { continue }
                // The zh list is Simplified: look a Traditional form up by its folded spelling.
                let simplified = String(String.UnicodeScalarView(pattern.compactMap(Unicode.Scalar.init)))
                guard let zipf = frequencies.zipf(simplified, language: "zh"), zipf >= minimumZipf else { continue }
                findings.append(located.finding(.ambiguousFormWithoutExamples,
                    "form '\(form)' is everyday Chinese (Zipf \(String(format: "%.1f", zipf)) ≥ \(minimumZipf)): add examples.\(form) "
                    + "with ≥ \(Vocabulary.minimumSenseExamples) symbol and ≥ \(Vocabulary.minimumSenseExamples) ordinary lines",
                    at: "\(path).\(index)"))
            }
        }
        return findings
    }
}

/// A rendering that is an everyday word of its language must be listed in `aligned-only`.
///
/// Single words only (lists hold words, not phrases); a trailing full stop is ignored (`Mr.`).
public struct FrequentRenderingRule: SymbolLintRule {
    /// Words at or above this Zipf frequency are everyday words ("daughter" 5.1, "boss" 4.8, "stunning" 4.3, "cheat" 4.1).
    public static let minimumZipf = 4.0

    public let frequencies: WordFrequencies
    public let minimumZipf: Double

    public init(frequencies: WordFrequencies, minimumZipf: Double = FrequentRenderingRule.minimumZipf) {
        self.frequencies = frequencies
        self.minimumZipf = minimumZipf
    }

    public var rules: [GlossaryRule] { [.everydayRenderingNotAlignedOnly] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        var findings: [GlossaryDiagnostic] = []
        for (tag, renderings) in located.symbol.renderings.sorted(by: { $0.key < $1.key }) {
            let language = LanguageTag.primarySubtag(tag)
            guard frequencies.languages.contains(language) else { continue }
            for (status, terms) in [("preferred", renderings.preferred), ("admitted", renderings.admitted),
                                    ("deprecated", renderings.deprecated)] {
                for (index, term) in terms.enumerated() where !renderings.isAlignedOnly(term) {
                    var word = term.trimmingSpaces
                    if word.hasSuffix(".") { word.removeLast() }
                    guard !word.isEmpty, !word.contains(" "),
                          let zipf = frequencies.zipf(word, language: language), zipf >= minimumZipf else { continue }
                    findings.append(located.finding(.everydayRenderingNotAlignedOnly,
                        "renderings.\(tag).\(status) '\(term)' is an everyday \(language) word (Zipf \(String(format: "%.1f", zipf)) ≥ \(minimumZipf)): "
                        + "list it in renderings.\(tag).aligned-only", at: "renderings.\(tag).\(status).\(index)"))
                }
            }
        }
        return findings
    }
}
