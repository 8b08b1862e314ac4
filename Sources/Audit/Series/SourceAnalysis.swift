import Localize
import Regions
import Subtitles
import SymbolDB

/// The symbols found in each cue of a Chinese source track; computed once and reused for every region.
public struct SourceAnalysis: Sendable {
    /// Matches per source cue, in cue order.
    public let matches: [[SymbolMatch]]
    /// Symbol ids per source cue.
    let symbolSets: [Set<String>]

    public init(track: Track, matcher: SymbolMatcher) {
        var matches: [[SymbolMatch]] = []
        var sets: [Set<String>] = []
        matches.reserveCapacity(track.cues.count)
        sets.reserveCapacity(track.cues.count)
        for cue in track.cues {
            let found = matcher.matches(in: cue.text.plainText)
            matches.append(found)
            sets.append(Set(found.map(\.symbolID)))
        }
        self.matches = matches
        self.symbolSets = sets
    }
}
