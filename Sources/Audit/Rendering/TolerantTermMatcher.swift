/// Finds a glossary term in a target line in any form a linguist would accept: inflected (plural, possessive,
/// -ed/-ing, British or American spelling), with or without articles, with its content words in another order,
/// or shortened by a generic head ("Mid-Autumn" for "Mid-Autumn Festival").
struct TolerantTermMatcher: Sendable {
    /// How a term was found.
    enum Strength: Int, Comparable, Sendable {
        /// Every content word, in any order, or the term without its generic head.
        case words = 1
        /// The term's words in order.
        case exact = 2
        static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    let language: RenderingLanguage

    init(language: String) { self.language = RenderingLanguage(language) }

    /// The text prepared once for matching many terms.
    func prepare(_ text: String) -> RenderingText { RenderingText(text, language: language) }

    /// How `term` occurs in `text`, nil when it does not.
    func match(_ term: String, in text: RenderingText) -> Strength? {
        let t = prepare(term)
        if language.isUnspaced {
            guard !t.unspaced.isEmpty else { return nil }
            return text.unspaced.contains(t.unspaced) ? .exact : nil
        }
        guard !t.words.isEmpty else { return nil }
        if Self.containsSequence(text.words, t.words) { return .exact }
        let content = t.words.filter { !language.isFunctionWord($0) }
        guard !content.isEmpty else { return nil }
        let present = Set(text.words)
        if content.allSatisfy(present.contains) { return .words }
        // Without a generic head: "Mid-Autumn" for "Mid-Autumn Festival", "Qixi" for "Qixi Festival".
        let headless = content.filter { !language.isGenericHead($0) }
        if !headless.isEmpty, headless.count < content.count, headless.allSatisfy(present.contains) { return .words }
        return nil
    }

    /// Whether `text` shares a content word with `term` (a weaker sign that the sense is rendered). The head
    /// alone counts too ("last life" for "past life", "the kitchen staff" for "imperial kitchen"), at the cost
    /// of missing a wrong modifier ("fake marriage" for "flash marriage"): measured on the labelled episodes,
    /// requiring a modifier raised more false alarms than it found problems.
    func sharesContent(_ term: String, with text: RenderingText) -> Bool {
        guard !language.isUnspaced else { return match(term, in: text) != nil }
        let present = Set(text.words)
        return contentWords(term).contains(where: present.contains)
    }

    /// Whether the words of `term` found in `text` are negated there while the term itself is not: "We'll never
    /// meet again" does not render "we'll meet again". A negator counts between the first and last matched
    /// word, or just before them.
    func isNegated(_ term: String, in text: RenderingText) -> Bool {
        guard !language.isUnspaced else { return false }
        let t = prepare(term)
        if t.words.contains(where: language.isNegator) { return false }
        let wanted = Set(t.words.filter { !language.isFunctionWord($0) })
        let positions = text.words.indices.filter { wanted.contains(text.words[$0]) }
        guard let first = positions.first, let last = positions.last else { return false }
        return text.words[max(0, first - 2)...last].contains(where: language.isNegator)
    }

    /// The term's words that carry meaning: no function words, generic heads or words under three letters.
    func contentWords(_ term: String) -> [String] {
        prepare(term).words.filter { !language.isFunctionWord($0) && !language.isGenericHead($0) && $0.count >= 3 }
    }

    /// Whether one term is the other shortened ("son-in-law" in "live-in son-in-law", "Mid-Autumn" in
    /// "Mid-Autumn Festival"): the same rendering for consistency.
    func isVariant(_ a: String, of b: String) -> Bool {
        let x = prepare(a), y = prepare(b)
        if language.isUnspaced { return x.unspaced == y.unspaced || x.unspaced.contains(y.unspaced) || y.unspaced.contains(x.unspaced) }
        let cx = x.words.filter { !language.isFunctionWord($0) && !language.isGenericHead($0) }
        let cy = y.words.filter { !language.isFunctionWord($0) && !language.isGenericHead($0) }
        guard !cx.isEmpty, !cy.isEmpty else { return x.words == y.words }
        return Self.containsSequence(cx, cy) || Self.containsSequence(cy, cx)
    }

    /// Whether two listed terms are the same rendering for consistency: equal after folding, or one shortened.
    func isSameRendering(_ a: String, _ b: String) -> Bool {
        prepare(a).words == prepare(b).words || isVariant(a, of: b)
    }

    /// Whether `part`'s words occur, in order, within `term` ("Fortune" in "fortunes change").
    func isPart(_ part: String, of term: String) -> Bool {
        let p = prepare(part), t = prepare(term)
        if language.isUnspaced { return !p.unspaced.isEmpty && t.unspaced.contains(p.unspaced) }
        return Self.containsSequence(t.words, p.words)
    }

    static func containsSequence(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return true }
        }
        return false
    }
}
