import Localize
import Regions
import Subtitles
import SymbolDB

/// The symbols found in each cue of a Chinese source track; computed once and reused for every region.
///
/// Only what the rules read of each match is kept, in one flat list for the whole track (a 10^6-cue source
/// would otherwise hold an array, a set and full match records per cue).
public struct SourceAnalysis: Sendable {
    /// What the audit reads of a symbol found in a source cue.
    public struct Match: Hashable, Sendable {
        public var symbolID: String
        /// The glossary form that matched.
        public var form: String
        /// The text as written in the cue.
        public var matchedText: String
    }

    /// Matches per source cue, in cue order.
    public let matches: FlatLists<Match>

    public init(track: Track, matcher: SymbolMatcher) {
        self.init(texts: track.cues.lazy.map(\.text.plainText), count: track.cues.count, matcher: matcher)
    }

    public init(cues: CueDigest, matcher: SymbolMatcher) {
        self.init(texts: cues.indices.lazy.map(cues.text(at:)), count: cues.count, matcher: matcher)
    }

    private init<Texts: Sequence<String>>(texts: Texts, count: Int, matcher: SymbolMatcher) {
        var matches = FlatLists<Match>()
        matches.reserveCapacity(lists: count, elements: count)
        for text in texts {
            matches.append(matcher.matches(in: text).map { Match(symbolID: $0.symbolID, form: $0.form, matchedText: $0.matchedText) })
        }
        self.matches = matches
    }

    /// The ids of the symbols found in source cue `index`.
    func symbolIDs(at index: Int) -> Set<String> { Set(matches[index].map(\.symbolID)) }

    /// Whether source cue `index` holds symbol `id`.
    func holds(_ id: String, at index: Int) -> Bool { matches[index].contains { $0.symbolID == id } }
}
