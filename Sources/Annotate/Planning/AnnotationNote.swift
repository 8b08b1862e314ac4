import Localize
import Regions
import Subtitles
import SymbolDB

/// One pop-up note as a viewer of a region will see it.
public struct AnnotationNote: Hashable, Sendable {
    public var symbolID: String
    /// The name shown for the symbol: the region's preferred rendering, else pinyin, else the matched text.
    public var term: String
    /// The text as found in the cue.
    public var matchedText: String
    /// The one-line mark shown while the note is active (at most ~40 characters).
    public var teaser: String
    /// The gloss, never starting with a repetition of `term`.
    public var gloss: String
    /// The language of `gloss` (the first of the region's fallback chain that the symbol has).
    public var glossLanguage: String
    public var analogy: String?
    /// The cultural frame the analogy comes from.
    public var analogyFrame: String?
    public var analogyLanguage: String?
    /// Whether the analogy is part of the card: it fits the display time at the region's reading speed. Every
    /// emitter shows the analogy exactly when this is true.
    public var showsAnalogy: Bool
    /// How much the viewer misses here without the note.
    public var need: NoteNeed
    /// How the translation renders the occurrence, when a translation was read.
    public var rendering: TargetRendering?
    /// Writing direction of the region's language.
    public var direction: WritingDirection
    public var category: SymbolDB.Category
    public var context: ContextLevel
    public var status: ReviewStatus
    /// The cue that named the symbol.
    public var cueID: String?
    public var cueIndex: Int
    public var side: SymbolOccurrence.Side
    /// When the note is on screen.
    public var timing: TimeSpan
    public var position: AnnotationPolicy.ScreenPosition

    public var start: Timestamp { timing.start }
    public var end: Timestamp { timing.end }

    /// `term — gloss`, the first line of a visible note.
    public var headline: String { term + " — " + gloss }

    /// The analogy when it is part of the card, else nil.
    public var cardAnalogy: String? { showsAnalogy ? analogy : nil }

    /// Everything the full card shows, as read: the headline and, when it fits, the analogy.
    public var cardText: String { cardAnalogy.map { headline + "\n" + $0 } ?? headline }
}
