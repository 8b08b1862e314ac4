import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// Chooses the words of a note for a region: term, gloss through the fallback chain, analogy by frame, teaser.
struct NoteContent: Sendable {
    let region: RegionProfile
    /// The gloss fallback chain: the region's `gloss-languages`, then `en` — except that a Chinese region's
    /// chain keeps only Chinese languages (its viewers get a note in their language or none, never English).
    let languages: [String]
    /// Rendering keys, most specific first: the region tag, its language, then the chain.
    let renderingKeys: [String]
    let chineseTerm: ChineseTerm

    /// The longest teaser a mark shows, in characters.
    static let teaserLimit = 40

    enum ChineseTerm { case none, simplified, traditional }

    init(region: RegionProfile) {
        self.region = region
        let chain = Self.unique(region.glossLanguages + ["en"])
        languages = region.isChinese ? chain.filter(LanguageTag.isChinese) : chain
        renderingKeys = Self.unique(region.renderingKeys + region.glossLanguages)
        switch region.chineseScript {
        case .simplified?: chineseTerm = .simplified
        case .traditional?: chineseTerm = .traditional
        case nil: chineseTerm = .none
        }
    }

    func gloss(_ symbol: Symbol) -> (text: String, language: String)? {
        for lang in languages {
            if let text = symbol.gloss[lang], !text.isEmpty { return (text, lang) }
        }
        return nil
    }

    /// The first of the region's frames the symbol has an analogy for, in the best language of the chain.
    func analogy(_ symbol: Symbol) -> (text: String, frame: String, language: String)? {
        for frame in region.frames {
            guard let byLanguage = symbol.analogies[frame] else { continue }
            for lang in languages {
                if let text = byLanguage[lang], !text.isEmpty { return (text, frame, lang) }
            }
        }
        return nil
    }

    func term(_ symbol: Symbol, matched: String) -> String {
        switch chineseTerm {
        case .simplified: return symbol.forms.simplified.first ?? matched
        case .traditional: return symbol.forms.traditional.first ?? symbol.forms.simplified.first ?? matched
        case .none: break
        }
        if let term = ResolvedRenderings(symbol: symbol, keys: renderingKeys)?.preferred.first, !term.isEmpty { return term }
        return symbol.forms.pinyin.first ?? matched
    }

    /// The one-line mark: what the viewer read and the term ("jianghu — the martial world") when both fit in
    /// ``teaserLimit`` characters, else the term, shortened at a word boundary.
    static func teaser(term: String, seen: String?) -> String {
        if let seen, fold(seen) != fold(term) {
            let both = seen + " — " + term
            if both.count <= teaserLimit { return both }
        }
        return shortened(term, to: teaserLimit)
    }

    /// `text` cut to at most `limit` characters at a space when there is one, with "…".
    static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit - 1)
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
            return String(cut[..<space]) + "…"
        }
        return String(cut) + "…"
    }

    /// The gloss without a leading repetition of the term (`'Môn đăng hộ đối': kết hôn…` → `Kết hôn…` under the
    /// head "môn đăng hộ đối"): quotes, the term and the punctuation after it are removed.
    static func glossWithoutTerm(_ gloss: String, term: String) -> String {
        let quotes: Set<Character> = ["'", "\"", "‘", "’", "“", "”", "«", "»", "「", "」", "『", "』", "„", "‹", "›"]
        var rest = Substring(gloss)
        while let c = rest.first, quotes.contains(c) || c == " " { rest = rest.dropFirst() }
        let target = fold(term)
        guard !target.isEmpty else { return gloss }
        // Find the shortest prefix of `rest` whose fold equals the term's fold.
        var end = rest.startIndex
        var matched = false
        while end < rest.endIndex {
            end = rest.index(after: end)
            let f = fold(String(rest[..<end]))
            if f == target { matched = true; break }
            if f.count > target.count + 2 { break }
        }
        guard matched else { return gloss }
        var tail = rest[end...]
        let separators: Set<Character> = [":", "：", "-", "–", "—", ",", "，", "、", ".", "。", "،", "؛", " ", "(", ")", "（", "）"]
        while let c = tail.first, quotes.contains(c) || separators.contains(c) { tail = tail.dropFirst() }
        guard !tail.isEmpty else { return gloss }
        // Capitalise the new first letter where the script has case.
        return tail.prefix(1).uppercased() + tail.dropFirst()
    }

    static func fold(_ s: String) -> String {
        ResolvedRenderings.fold(s).filter { $0.isLetter || $0.isNumber }
    }

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
