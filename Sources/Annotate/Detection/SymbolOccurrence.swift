import Localize
import Regions
import Subtitles
import SymbolDB

/// One place where a symbol is named in an episode.
public struct SymbolOccurrence: Hashable, Sendable, Codable {
    /// Which track the match was found in.
    public enum Side: String, Hashable, Sendable, Codable {
        /// The Chinese source track.
        case source
        /// The translated track (renderings or pinyin left in).
        case target
    }

    public var symbolID: String
    public var side: Side
    /// Index of the cue in its track.
    public var cueIndex: Int
    /// The cue's id as written (SRT index, WebVTT id), when it has one.
    public var cueID: String?
    /// The time of the cue the symbol is named in.
    public var timing: TimeSpan
    /// The text as found in the cue.
    public var matchedText: String
    /// UTF-16 offsets into the cue's plain text.
    public var utf16Range: Range<Int>
    /// Character offsets into the cue's plain text.
    public var characterRange: Range<Int>
    /// When both tracks are read: the source cue this occurrence belongs to (source cue index on the source
    /// side; the first aligned source cue for a target-side occurrence, if any).
    public var sourceCueIndex: Int?
    /// How the translation renders this occurrence (from the aligned target cue, or the match itself on the
    /// target side); nil when no translation was read.
    public var rendering: TargetRendering?
    /// The words of the translation that render it, when found ("jianghu", "live-in son-in-law").
    public var renderedText: String?

    public init(symbolID: String, side: Side, cueIndex: Int, cueID: String?, timing: TimeSpan, matchedText: String,
                utf16Range: Range<Int>, characterRange: Range<Int>, sourceCueIndex: Int? = nil,
                rendering: TargetRendering? = nil, renderedText: String? = nil) {
        self.symbolID = symbolID
        self.side = side
        self.cueIndex = cueIndex
        self.cueID = cueID
        self.timing = timing
        self.matchedText = matchedText
        self.utf16Range = utf16Range
        self.characterRange = characterRange
        self.sourceCueIndex = sourceCueIndex
        self.rendering = rendering
        self.renderedText = renderedText
    }

    public var start: Timestamp { timing.start }
    public var end: Timestamp { timing.end }
}
