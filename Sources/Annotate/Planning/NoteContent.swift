import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// Chooses the words of a note for a region: term, gloss through the fallback chain, analogy by frame.
struct NoteContent: Sendable {
    let region: RegionProfile
    /// The gloss fallback chain: the region's `gloss-languages`, then `en`.
    let languages: [String]
    /// Rendering keys, most specific first: the region tag, its language, then the chain.
    let renderingKeys: [String]
    let chineseTerm: ChineseTerm

    enum ChineseTerm { case none, simplified, traditional }

    init(region: RegionProfile) {
        self.region = region
        languages = Self.unique(region.glossLanguages + ["en"])
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

    static func unique(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.filter { !$0.isEmpty && seen.insert($0).inserted }
    }
}
