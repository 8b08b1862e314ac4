import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// Finds symbol occurrences in a Chinese source track, a translated track, or both aligned by time.
///
/// Matchers are built once per detector (they compile every form of every symbol) and reused for every
/// episode; detection is linear in the number of cues.
public struct SymbolDetector: Sendable {
    /// Matches Chinese forms in source tracks.
    public let sourceMatcher: SymbolMatcher
    /// Matches renderings and pinyin in translated tracks, when a target language was given.
    public let targetMatcher: SymbolMatcher?
    /// Reads how the aligned translation renders each source occurrence (when both tracks are given).
    let renderingReader: TargetRenderingReader?

    /// - Parameters:
    ///   - symbols: the symbol database.
    ///   - targetLanguage: language of translated tracks to read (`en`, `es-419` …); nil for source-only use.
    public init(symbols: [Symbol], targetLanguage: String? = nil) {
        sourceMatcher = SymbolMatcher(symbols: symbols, options: .chinese)
        targetMatcher = targetLanguage.map { SymbolMatcher(symbols: symbols, options: .forTrack(language: $0)) }
        renderingReader = targetLanguage.flatMap { LanguageTag.isChinese($0) ? nil : TargetRenderingReader(symbols: symbols, language: $0) }
    }

    public init(sourceMatcher: SymbolMatcher, targetMatcher: SymbolMatcher?) {
        self.init(sourceMatcher: sourceMatcher, targetMatcher: targetMatcher, renderingReader: nil)
    }

    init(sourceMatcher: SymbolMatcher, targetMatcher: SymbolMatcher?, renderingReader: TargetRenderingReader?) {
        self.sourceMatcher = sourceMatcher
        self.targetMatcher = targetMatcher
        self.renderingReader = renderingReader
    }

    /// Every occurrence in one track, in cue order; `side` picks the matcher.
    public func occurrences(in track: Track, side: SymbolOccurrence.Side) -> [SymbolOccurrence] {
        guard let matcher = side == .source ? sourceMatcher : targetMatcher else { return [] }
        var out: [SymbolOccurrence] = []
        for (index, cue) in track.cues.enumerated() {
            let text = cue.text.plainText
            guard !text.isEmpty else { continue }
            var seenInCue = Set<String>()
            for match in matcher.matches(in: text) where seenInCue.insert(match.symbolID).inserted {
                let rendering = side == .target ? TargetRenderingReader.judge(match: match.formKind, status: match.renderingStatus) : nil
                out.append(SymbolOccurrence(symbolID: match.symbolID, side: side, cueIndex: index, cueID: cue.id,
                                            timing: cue.timing, matchedText: match.matchedText,
                                            utf16Range: match.utf16Range, characterRange: match.characterRange,
                                            sourceCueIndex: side == .source ? index : nil,
                                            rendering: rendering, renderedText: side == .target ? match.matchedText : nil))
            }
        }
        return out
    }

    /// Occurrences from a source track, a target track, or both.
    ///
    /// With both, the source is the authority: notes come from what the Chinese line says. A symbol found only
    /// in the translation (an English word such as "son-in-law" rendering several Chinese terms) is not a
    /// note of its own; `locctl audit` reports such cases as `glossary.unexpected-symbol` instead.
    /// With a rendering reader, each source occurrence says how the aligned translation renders it.
    /// The result is sorted by time.
    public func occurrences(source: Track?, target: Track?) -> [SymbolOccurrence] {
        if let source {
            var found = occurrences(in: source, side: .source)
            if let target, let renderingReader { found = renderingReader.annotate(found, source: source, target: target) }
            return Self.sortedByTime(found)
        }
        if let target { return occurrences(in: target, side: .target) }
        return []
    }

    static func sortedByTime(_ list: [SymbolOccurrence]) -> [SymbolOccurrence] {
        list.enumerated().sorted { a, b in
            if a.element.start != b.element.start { return a.element.start < b.element.start }
            if a.element.side != b.element.side { return a.element.side == .source }
            return a.offset < b.offset
        }.map(\.element)
    }
}
