import TextServices

/// `renderings.<tag>.not-before|not-after|not-within` entries must be able to cancel something: non-empty after
/// the Latin fold, and a `not-within` phrase must contain (as whole words) one of the Latin forms the matcher
/// uses for that tag (its renderings and the pinyin).
public struct RenderingContextRule: SymbolLintRule {
    public init() {}
    public var rules: [GlossaryRule] { [.badRenderingContext] }

    public func check(_ located: LocatedSymbol, in context: LintContext) -> [GlossaryDiagnostic] {
        let symbol = located.symbol
        var findings: [GlossaryDiagnostic] = []
        for (tag, renderings) in symbol.renderings.sorted(by: { $0.key < $1.key }) where renderings.hasContextRules {
            let path = "renderings.\(tag)"
            for (key, list) in [("not-before", renderings.notBefore), ("not-after", renderings.notAfter)] {
                for (index, item) in list.enumerated() where RenderingContext.fold(item).isEmpty {
                    findings.append(located.finding(.badRenderingContext,
                        "\(path).\(key) entry '\(item)' is empty after folding and can never match", at: "\(path).\(key).\(index)"))
                }
            }
            // Forms of this tag, of its language (a region inherits), and pinyin.
            var forms = symbol.forms.pinyin
            for (otherTag, other) in symbol.renderings
            where otherTag.lowercased() == tag.lowercased() || tag.lowercased().hasPrefix(otherTag.lowercased() + "-") {
                forms += other.preferred + other.admitted + other.deprecated
            }
            let folded = forms.map(RenderingContext.fold).filter { !$0.isEmpty }
            for (index, item) in renderings.notWithin.enumerated() {
                let phrase = RenderingContext.fold(item)
                if phrase.isEmpty {
                    findings.append(located.finding(.badRenderingContext,
                        "\(path).not-within entry '\(item)' is empty after folding and can never match", at: "\(path).not-within.\(index)"))
                } else if !folded.contains(where: { RenderingContext.phrase(phrase, containsWord: $0) }) {
                    findings.append(located.finding(.badRenderingContext,
                        "\(path).not-within entry '\(item)' contains none of the symbol's \(tag) renderings or pinyin as a whole word",
                        at: "\(path).not-within.\(index)"))
                }
            }
        }
        return findings
    }
}

/// The Latin fold the matcher uses for rendering-context entries.
enum RenderingContext {
    static func fold(_ text: String) -> String {
        LatinFold.fold(UnicodeNormalization.normalize(text))
    }

    /// Whether folded `phrase` contains folded `form` starting and ending at a space, apostrophe or the phrase's ends.
    static func phrase(_ phrase: String, containsWord form: String) -> Bool {
        let p = Array(phrase.unicodeScalars), f = Array(form.unicodeScalars)
        guard !f.isEmpty, f.count <= p.count else { return false }
        func isEdge(_ i: Int) -> Bool { i < 0 || i >= p.count || p[i] == " " || p[i] == "'" }
        for start in 0...(p.count - f.count) where Array(p[start..<(start + f.count)]) == f {
            if isEdge(start - 1) && (isEdge(start + f.count) || p[start + f.count] == "s") { return true }
        }
        return false
    }
}
