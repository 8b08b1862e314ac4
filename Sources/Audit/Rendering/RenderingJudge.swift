import Foundation
import SymbolDB

/// Judges whether a source symbol is rendered in its aligned target cues as a professional reviewer would:
/// any acceptable term (everyday `aligned-only` words included, since the source holds the symbol) in an
/// inflected or shortened form, or an approved paraphrase.
struct RenderingJudge: Sendable {
    let matcher: TolerantTermMatcher

    init(language: String) { matcher = TolerantTermMatcher(language: language) }

    /// What the aligned target cues show for one source symbol.
    enum Verdict: Equatable {
        /// A preferred or admitted term, or an approved paraphrase, is there (`term` as listed).
        case rendered(term: String, cue: Int)
        /// A deprecated term (a calque) is there, possibly inflected.
        case deprecated(term: String, cue: Int)
        /// No listed term, but the line carries the words of the term's literal reading (a deprecated calque or
        /// the gloss's "Lit. '…'"), `words` as found: a word-for-word calque in a wording the glossary does not list.
        case calque(words: [String], cue: Int)
        /// No listed term, but the line shares a content word with one: the sense is likely paraphrased.
        case paraphrased(cue: Int)
        /// Nothing the glossary knows.
        case missing
    }

    /// Judges `renderings` in the aligned target cues (`texts` by target cue index, in order).
    func judge(_ renderings: ResolvedRenderings, in texts: [(cue: Int, text: RenderingText)], gloss: String? = nil) -> Verdict {
        // A listed term wins over a calque (a calque explained by the term is fine); a calque wins over an
        // approved paraphrase, which is a looser sign of the sense and may render a neighbouring phrase.
        // A listed term whose words the line negates says the opposite ("We'll never meet again"): not rendered.
        var negated = false
        for term in renderings.acceptable {
            if let hit = texts.first(where: { matcher.match(term, in: $0.text) != nil }) {
                if matcher.isNegated(term, in: hit.text) { negated = true; continue }
                return .rendered(term: term, cue: hit.cue)
            }
        }
        for term in renderings.deprecated {
            if let hit = texts.first(where: { matcher.match(term, in: $0.text) != nil }) { return .deprecated(term: term, cue: hit.cue) }
        }
        if negated { return .missing }
        for term in renderings.paraphrases {
            if let hit = texts.first(where: { matcher.match(term, in: $0.text) != nil && !matcher.isNegated(term, in: $0.text) }) {
                return .rendered(term: term, cue: hit.cue)
            }
        }
        let parts = gloss.map(Self.glossParts)
        if let calque = literalCalque(renderings, literal: parts?.literal, in: texts) { return calque }
        for term in renderings.acceptable + renderings.paraphrases {
            if let hit = texts.first(where: { matcher.sharesContent(term, with: $0.text) }) { return .paraphrased(cue: hit.cue) }
        }
        // A distinctive word of the gloss's sense ("the emperor's favour" for "the Emperor all to herself"); the words
        // of its literal reading are a sign of a calque, not of the sense.
        if let gloss = parts?.sense, !matcher.language.isUnspaced {
            let words = Set(matcher.contentWords(gloss).filter { $0.count >= 5 && !Self.glossStopWords.contains($0) })
            if let hit = texts.first(where: { $0.text.words.contains(where: words.contains) }) { return .paraphrased(cue: hit.cue) }
        }
        return .missing
    }

    /// A word-for-word calque in any wording: for each literal reading (a deprecated term, the gloss's literal quote),
    /// its content words that no acceptable term or paraphrase uses; a line with at least two of them, and more than
    /// half, renders the characters instead of the sense ("washed his hands in a gold basin" for 金盆洗手).
    func literalCalque(_ renderings: ResolvedRenderings, literal: String?, in texts: [(cue: Int, text: RenderingText)]) -> Verdict? {
        guard !matcher.language.isUnspaced else { return nil }
        let sense = Set((renderings.acceptable + renderings.paraphrases).flatMap(matcher.contentWords))
        for reading in renderings.deprecated + (literal.map { [$0] } ?? []) {
            let words = Set(matcher.contentWords(reading)).subtracting(sense)
            guard words.count >= 2 else { continue }
            for t in texts {
                let present = Set(t.text.words)
                let found = words.filter(present.contains)
                if found.count >= 2, found.count * 2 > words.count { return .calque(words: found.sorted(), cue: t.cue) }
            }
        }
        return nil
    }

    /// A gloss split into the literal reading it opens with ("Lit. 'have eyes yet not recognise Mount Tai': …",
    /// "'Green tea': …"), nil when it has none, and the rest, its sense.
    static func glossParts(_ gloss: String) -> (literal: String?, sense: String) {
        let pattern = #"^\s*(?:Lit(?:erally)?\.?,?\s*)?['‘“"](.+?)['’”"](?=\s*[:;,.—(–-])"#
        guard let range = gloss.range(of: pattern, options: .regularExpression) else { return (nil, gloss) }
        var quote = String(gloss[range]).trimmingCharacters(in: .whitespaces)
        for prefix in ["Literally", "Lit.", "Lit"] where quote.hasPrefix(prefix) { quote.removeFirst(prefix.count) }
        quote = quote.trimmingCharacters(in: CharacterSet(charactersIn: " ,'‘’“”\""))
        return (quote.isEmpty ? nil : quote, String(gloss[range.upperBound...]))
    }

    /// Gloss words too general to show the sense (stemmed as the matcher stems them).
    static let glossStopWords: Set<String> = Set(["people", "person", "someone", "something", "thing", "other", "which", "their",
        "there", "about", "after", "before", "often", "usually", "being", "where", "while", "today", "drama", "chinese", "china",
        "every", "never", "always", "would", "could", "should", "these", "those", "whose", "because", "again", "still",
        "first", "great", "little", "family", "world", "woman", "women"].map { RenderingLanguage.stemEnglish($0) })

    /// Whether the symbol is an address or self-reference term that a natural translation often leaves to
    /// the register, a name or a pronoun (您 in "for you", 哀家 as "I", 夫人 as "your wife"): kinship terms,
    /// and terms rendered by a pronoun.
    static func isAddressTerm(_ symbol: Symbol, _ renderings: ResolvedRenderings) -> Bool {
        if symbol.category == .kinship { return true }
        // The glossary describes it as a form of address ("the polite way to address a young martial artist").
        if let gloss = symbol.gloss["en"], gloss.range(of: #"\baddress(es|ed|ing)?\b(?! and)"#, options: [.regularExpression, .caseInsensitive]) != nil {
            return true
        }
        let pronouns: Set<String> = ["i", "me", "my", "we", "us", "you", "your", "yo", "tu", "usted", "je", "moi", "vous",
                                     "ich", "sie", "du", "eu", "voce"]
        return (renderings.acceptable + renderings.paraphrases).contains { pronouns.contains(ResolvedRenderings.fold($0)) }
    }

    /// Whether a listed term is a title, a name or a place name: the glossary writes common words in lower case, so a
    /// term that opens with a capital ("Noble Consort", "Martial Alliance leader", "Dragon King's Hall") names someone
    /// or something, and a viewer follows it by that name.
    static func isNameLike(_ term: String) -> Bool {
        guard let first = term.unicodeScalars.first(where: { $0.properties.isAlphabetic }) else { return false }
        return first.properties.isUppercase && term.split(separator: " ").count <= 4
    }

    /// Whether the symbol's renderings name characters or bodies of people (titles, ranks, kin, sects, gods, trope
    /// figures): the viewer tracks who is who by the episode's first choice, so a later different one is first a
    /// change of name. A festival, dish, place or custom has a right name of its own.
    static func namesCharacter(_ symbol: Symbol) -> Bool {
        [.court, .history, .kinship, .martial, .cultivation, .myth, .trope].contains(symbol.category)
    }

    /// Whether the symbol names a referent (a person, title, place, thing, event or realm) that a later line may call
    /// "her", "there" or leave implicit once the episode has named it; an idiom, saying, slang word, value or trope
    /// carries the sense of its own line and is not covered by an earlier mention.
    static func isReferent(_ symbol: Symbol) -> Bool {
        switch symbol.category {
        case .idiom, .slang, .value, .trope, .custom, .modern: return false
        case .festival, .myth, .kinship, .food, .heritage, .place, .history, .court, .cultivation, .martial: return true
        }
    }

    /// The source form read out in pinyin in an aligned target line ("Yushanfang" for 御膳房), with the acceptable
    /// term it spells when the glossary itself renders the symbol so ("Chang-e" for "Chang'e", "jianghu"): then it
    /// is that rendering, in another punctuation. nil for a place (a Chinese place name is written in pinyin in English).
    static func pinyinReading(_ sourceForms: [String], of symbol: Symbol, _ renderings: ResolvedRenderings,
                              in target: String) -> (span: String, acceptable: String?)? {
        guard symbol.category != .place else { return nil }
        for form in sourceForms {
            guard let span = PinyinReading.leftover(of: form, in: target) else { continue }
            let reading = PinyinReading.letters(span)
            return (span, renderings.acceptable.first { PinyinReading.letters($0).contains(reading) })
        }
        return nil
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
        // A symbol that covers several named titles (淑妃, 华妃 … as "Consort Shu", "Consort Hua"): the term that
        // spells a character of this form in pinyin is the one for it.
        let readings = Set(form.map { PinyinReading.squeezed(String($0)) }.filter { $0.count >= 2 })
        if !readings.isEmpty, let named = candidates.first(where: { term in
            RenderingText.split(term).contains { $0.first?.isUppercase == true && readings.contains(PinyinReading.letters($0)) }
        }) { return named }
        return candidates.first
    }

    /// Whether rendering a symbol `later` after `earlier` (nil: paraphrased) is an inconsistency a viewer
    /// would notice:
    /// - a shortened term is the same term, and two preferred terms are the glossary's own choice by context;
    /// - a translation and a transliteration of the same symbol ("Master" and "Shifu") read as two things;
    /// - a change between an everyday (`aligned-only`) term and another listed term is a change of register
    ///   ("His Majesty" and "the Emperor", address and reference), not of meaning;
    /// - otherwise a change that involves a distinctive term (a title, a name) is an inconsistency, also when
    ///   the other side is a paraphrase ("Noble Consort", then "Precious Consort").
    static func isInconsistent(_ earlier: String?, _ later: String?, symbol: Symbol?, _ renderings: ResolvedRenderings,
                               _ matcher: TolerantTermMatcher) -> Bool {
        if let earlier, let later, matcher.isSameRendering(earlier, later) { return false }
        if let earlier, let later, let symbol,
           isTransliteration(earlier, of: symbol, matcher) != isTransliteration(later, of: symbol, matcher) { return true }
        let isPreferred = { (t: String?) in t.map { renderings.status(of: $0) == .preferred } ?? false }
        let isDistinctive = { (t: String?) in t.map { !renderings.isAlignedOnly($0) } ?? false }
        if isPreferred(earlier) && isPreferred(later) { return false }
        if earlier != nil, later != nil { return isDistinctive(earlier) && isDistinctive(later) }
        // An address term may be left to the register or a name ("Young hero", later "Young man").
        if let symbol, isAddressTerm(symbol, renderings) { return false }
        return isDistinctive(earlier) || isDistinctive(later)
    }

    /// Whether `term` is one of the symbol's pinyin forms (tone marks, case, spacing and articles folded):
    /// "Shifu", "the jianghu".
    static func isTransliteration(_ term: String, of symbol: Symbol, _ matcher: TolerantTermMatcher) -> Bool {
        let squeeze = { (s: String) in matcher.prepare(s).words.joined() }
        let folded = squeeze(term)
        return !folded.isEmpty && symbol.forms.pinyin.contains { squeeze($0) == folded }
    }
}

extension RenderingJudge {
    /// Whether one of the acceptable terms is in `texts` (not negated): the symbol is named there.
    func isNamed(_ renderings: ResolvedRenderings, in texts: [(cue: Int, text: RenderingText)]) -> Bool {
        renderings.acceptable.contains { term in
            texts.contains { matcher.match(term, in: $0.text) != nil && !matcher.isNegated(term, in: $0.text) }
        }
    }

    /// The matches of one target cue in the order their findings are decided: where several symbols share a
    /// span, the ones the aligned source holds come first, so a shared term is reported for its own symbol.
    static func reportable(_ matches: [SymbolMatch], held: (String) -> Bool) -> [SymbolMatch] {
        let heldIDs = Set(matches.map(\.symbolID).filter(held))
        return matches.enumerated().sorted { a, b in
            let ha = heldIDs.contains(a.element.symbolID), hb = heldIDs.contains(b.element.symbolID)
            return ha != hb ? ha : a.offset < b.offset
        }.map(\.element)
    }
}
