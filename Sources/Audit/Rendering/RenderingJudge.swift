import SymbolDB

/// Judges whether a source symbol is rendered in its aligned target cues as a professional reviewer would:
/// any acceptable term (everyday `aligned-only` words included, since the source holds the symbol) in an
/// inflected or shortened form, or an approved paraphrase.
struct RenderingJudge: Sendable {
    let matcher: TolerantTermMatcher

    init(language: String) { matcher = TolerantTermMatcher(language: language) }

    /// What the aligned target cues show for one source symbol.
    enum Verdict: Equatable {
        /// A preferred or admitted term, or a paraphrase, is there.
        case rendered
        /// A deprecated term (a calque) is there, possibly inflected.
        case deprecated(term: String)
        /// Nothing the glossary knows.
        case missing
    }

    func judge(_ renderings: ResolvedRenderings, in texts: [RenderingText]) -> Verdict {
        for term in renderings.acceptable + renderings.paraphrases where texts.contains(where: { matcher.match(term, in: $0) != nil }) {
            return .rendered
        }
        for term in renderings.deprecated where texts.contains(where: { matcher.match(term, in: $0, allowPartial: true) != nil }) {
            return .deprecated(term: term)
        }
        return .missing
    }

    /// Whether the symbol is an address or kinship term that a natural translation often leaves implicit
    /// (您 in "for you", 姑爷 as a name): its acceptable renderings are all everyday words.
    static func isAddressTerm(_ symbol: Symbol, _ renderings: ResolvedRenderings) -> Bool {
        symbol.category == .kinship && !renderings.acceptable.isEmpty && renderings.acceptable.allSatisfy(renderings.isAlignedOnly)
    }

    /// Whether the source form negates the symbol's headword (不孝 for 孝道): its own, opposite sense.
    static func isNegatedForm(_ form: String, of symbol: Symbol) -> Bool {
        let negations: [Character] = ["不", "非", "无", "無", "没", "沒", "未"]
        guard let first = form.first, negations.contains(first) else { return false }
        let head = symbol.forms.simplified.first ?? ""
        return !(head.first.map(negations.contains) ?? false)
    }

    /// The term to suggest for `form`: for a negated form, an acceptable term that carries the negation (nil
    /// when the glossary has none, so the report never suggests the opposite).
    func expected(_ renderings: ResolvedRenderings, form: String, symbol: Symbol) -> String? {
        let candidates = renderings.preferred + renderings.admitted
        if Self.isNegatedForm(form, of: symbol) {
            return candidates.first { matcher.language.isNegated($0) }
        }
        return candidates.first
    }
}
