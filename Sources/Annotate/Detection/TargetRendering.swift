import Localize
import Subtitles
import SymbolDB
import TextServices

/// How the aligned translation renders one source occurrence of a symbol: what the viewer actually reads.
public enum TargetRendering: String, Hashable, Sendable, Codable, CaseIterable {
    /// Left in pinyin ("jianghu", "Zhongqiu").
    case pinyin
    /// Chinese characters left in the translation.
    case untranslated
    /// A deprecated rendering, typically a literal calque ("slept on firewood and tasted gall").
    case calque
    /// No listed form, rendering or paraphrase of the symbol in the aligned target line.
    case missing
    /// A preferred or admitted rendering (also `aligned-only` ones, since the source holds the symbol).
    case rendered
    /// One of the entry's `paraphrases`: a natural translation that already conveys the meaning.
    case paraphrased

    /// Whether the viewer is shown a puzzling word: pinyin, Chinese or a calque.
    public var isDefect: Bool { self == .pinyin || self == .untranslated || self == .calque }
}

/// Reads the translation cues aligned with source occurrences and says how each symbol is rendered there.
struct TargetRenderingReader: Sendable {
    /// Matches pinyin, Chinese forms and every rendering (aligned-only ones marked) of the target language.
    let matcher: SymbolMatcher
    let symbols: [String: Symbol]
    let renderingKeys: [String]

    init(symbols: [Symbol], language: String) {
        var options = SymbolMatcher.Options.target(language: language, includePinyin: true, includeChinese: true)
        options.alignedOnlyTerms = .marked
        matcher = SymbolMatcher(symbols: symbols, options: options)
        self.symbols = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        renderingKeys = LanguageTag.fallbackChain(language)
    }

    /// `occurrences` (source side) with `rendering` and `renderedText` filled from the aligned target cues.
    func annotate(_ occurrences: [SymbolOccurrence], source: Track, target: Track) -> [SymbolOccurrence] {
        let alignment = TrackAlignment(source: source, target: target)
        var cache: [Int: (text: String, matches: [SymbolMatch])] = [:]
        func cue(_ i: Int) -> (text: String, matches: [SymbolMatch]) {
            if let hit = cache[i] { return hit }
            let text = target.cues[i].text.plainText
            let value = (text, matcher.matches(in: text))
            cache[i] = value
            return value
        }
        return occurrences.map { o in
            guard o.side == .source, alignment.targetsForSource.indices.contains(o.cueIndex) else { return o }
            var o = o
            let lines = alignment.targetsForSource[o.cueIndex].map(cue)
            (o.rendering, o.renderedText) = judge(o.symbolID, lines: lines)
            return o
        }
    }

    /// The rendering of a target-side occurrence found by the track matcher on its own.
    static func judge(match kind: SymbolMatch.FormKind, status: RenderingStatus?) -> TargetRendering {
        switch kind {
        case .pinyin: return .pinyin
        case .simplified, .traditional, .alias: return .untranslated
        case .rendering: return status == .deprecated ? .calque : .rendered
        }
    }

    private func judge(_ id: String, lines: [(text: String, matches: [SymbolMatch])]) -> (TargetRendering, String?) {
        let found = lines.flatMap(\.matches).filter { $0.symbolID == id }
        let renderings = symbols[id].flatMap { ResolvedRenderings(symbol: $0, keys: renderingKeys) }
        let acceptable = Set((renderings?.acceptable ?? []).map(NoteContent.fold))
        // A pinyin form that is also an approved rendering (a name: "Chang'e", "Hou Yi") is a rendering.
        func verdict(_ m: SymbolMatch) -> TargetRendering {
            if m.formKind == .pinyin && (acceptable.contains(NoteContent.fold(m.form)) || acceptable.contains(NoteContent.fold(m.matchedText))) {
                return .rendered
            }
            return Self.judge(match: m.formKind, status: m.renderingStatus)
        }
        let order: [TargetRendering] = [.pinyin, .untranslated, .calque, .rendered]
        for kind in order { if let m = found.first(where: { verdict($0) == kind }) { return (kind, m.matchedText) } }
        let text = lines.map(\.text).joined(separator: " ")
        if let deprecated = renderings?.deprecated.first(where: { Self.looselyContains(text, $0) }) { return (.calque, deprecated) }
        if let paraphrase = renderings?.paraphrases.first(where: { Self.looselyContains(text, $0) }) { return (.paraphrased, paraphrase) }
        return (.missing, nil)
    }

    /// Whether every word of `phrase` occurs in `text` in order, ignoring case, diacritics and common English
    /// inflections ("slept on firewood and tasted gall" holds "sleep on firewood and taste gall").
    static func looselyContains(_ text: String, _ phrase: String) -> Bool {
        let words = Self.words(phrase), haystack = Self.words(text)
        guard !words.isEmpty, words.count <= haystack.count else { return false }
        var i = 0
        for w in haystack where i < words.count && w == words[i] { i += 1 }
        return i == words.count && words.count >= 2
    }

    private static let irregular = ["slept": "sleep", "ate": "eat", "ate'": "eat", "went": "go", "saw": "see", "bit": "bite"]

    static func words(_ s: String) -> [String] {
        ResolvedRenderings.fold(s).split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map { raw in
            var w = String(raw)
            if let base = irregular[w] { return base }
            for suffix in ["ing", "ed", "es", "s", "e"] where w.count > suffix.count + 2 && w.hasSuffix(suffix) {
                w.removeLast(suffix.count); break
            }
            return w
        }
    }
}
