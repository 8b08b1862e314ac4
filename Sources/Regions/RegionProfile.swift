import Subtitles
import SymbolDB

/// A target audience: its language, subtitle limits and how cultural notes are chosen for it.
public struct RegionProfile: Hashable, Sendable {
    /// Canonical BCP 47 tag, e.g. `es-419`, `zh-Hant-TW`.
    public var tag: String
    public var name: String
    /// Language of glosses and renderings (`es`, `zh-Hant`).
    public var language: String
    /// ISO 15924 script code.
    public var script: String
    public var direction: WritingDirection
    /// Languages to try, in order, for glosses and analogies.
    public var glossLanguages: [String]
    /// Analogy frames, most familiar first.
    public var frames: [String]
    public var limits: SubtitleLimits
    public var annotation: AnnotationPolicy
    public var emphasisThemes: [String]
    public var sensitiveTerms: [SensitiveTerm]
    public var sources: [Citation]
    public var notes: String?
    /// Where the profile was read from.
    public var file: String?

    public init(tag: String, name: String, language: String, script: String, direction: WritingDirection,
                glossLanguages: [String], frames: [String], limits: SubtitleLimits, annotation: AnnotationPolicy,
                emphasisThemes: [String] = [], sensitiveTerms: [SensitiveTerm] = [], sources: [Citation] = [],
                notes: String? = nil, file: String? = nil) {
        self.tag = tag
        self.name = name
        self.language = language
        self.script = script
        self.direction = direction
        self.glossLanguages = glossLanguages
        self.frames = frames
        self.limits = limits
        self.annotation = annotation
        self.emphasisThemes = emphasisThemes
        self.sensitiveTerms = sensitiveTerms
        self.sources = sources
        self.notes = notes
        self.file = file
    }

    /// Whether text is Chinese, Japanese or Korean, where lines are not broken at spaces.
    public var isCJK: Bool { ["zh", "ja", "ko"].contains(String(language.prefix(2))) }
}

public enum WritingDirection: String, Hashable, Sendable, Codable { case ltr, rtl }

/// Frame shape of the video the subtitles are laid over.
public enum Orientation: String, Hashable, Sendable, Codable, CaseIterable {
    /// 9:16 portrait, the micro-drama default.
    case vertical
    /// 16:9.
    case landscape
}

/// Line length and count for one orientation.
public struct LineLimits: Hashable, Sendable, Codable {
    public var maxCharsPerLine: Int
    public var maxLines: Int
    public init(maxCharsPerLine: Int, maxLines: Int) {
        self.maxCharsPerLine = maxCharsPerLine
        self.maxLines = maxLines
    }
}

/// How characters are counted against line and reading-speed limits.
public enum CharCounting: String, Hashable, Sendable, Codable {
    /// Every grapheme counts 1.
    case full
    /// Half-width characters (Latin, digits, spaces, half-width punctuation) count 0.5, as in CJK style guides.
    case cjk
}

/// Which line of a two-line cue may be the longer one.
public enum LineBalance: String, Hashable, Sendable, Codable { case bottomHeavy = "bottom-heavy", topHeavy = "top-heavy", none }

/// A region's subtitle conformance limits.
public struct SubtitleLimits: Hashable, Sendable {
    public var vertical: LineLimits
    public var landscape: LineLimits
    public var maxCharsPerSecond: Double
    public var charCounting: CharCounting
    public var minDuration: TimeLength
    public var maxDuration: TimeLength
    public var minGapFrames: Int
    public var frameRate: FrameRate
    public var lineBalance: LineBalance
    /// Chinese convention (Taiwan): a comma inside a cue is written as a space, and lines break there first.
    public var commasAsSpaces: Bool
    /// How far a timing fix may move a cue's start or end from where it was (further is out of sync with speech).
    public var syncTolerance: TimeLength

    /// The sync tolerance when a profile gives none (one second).
    public static let defaultSyncTolerance = TimeLength(milliseconds: 1000)

    public init(vertical: LineLimits, landscape: LineLimits, maxCharsPerSecond: Double, charCounting: CharCounting,
                minDuration: TimeLength, maxDuration: TimeLength, minGapFrames: Int, frameRate: FrameRate, lineBalance: LineBalance,
                commasAsSpaces: Bool = false, syncTolerance: TimeLength = SubtitleLimits.defaultSyncTolerance) {
        self.commasAsSpaces = commasAsSpaces
        self.syncTolerance = syncTolerance
        self.vertical = vertical
        self.landscape = landscape
        self.maxCharsPerSecond = maxCharsPerSecond
        self.charCounting = charCounting
        self.minDuration = minDuration
        self.maxDuration = maxDuration
        self.minGapFrames = minGapFrames
        self.frameRate = frameRate
        self.lineBalance = lineBalance
    }

    public func lines(for orientation: Orientation) -> LineLimits {
        orientation == .vertical ? vertical : landscape
    }

    /// Minimum gap between cues in milliseconds at the given frame rate (the region default when nil).
    public func minGap(at rate: FrameRate? = nil) -> TimeLength {
        TimeLength(milliseconds: (rate ?? frameRate).milliseconds(forFrames: minGapFrames))
    }
}

/// How a region's pop-up notes are chosen and shown.
public struct AnnotationPolicy: Hashable, Sendable {
    /// How often the same symbol may get a note.
    public enum Occurrence: String, Hashable, Sendable, Codable {
        /// First occurrence in each episode.
        case episode
        /// First occurrence in the whole series.
        case series
        /// Every occurrence (still subject to density limits).
        case every
    }
    public enum ScreenPosition: String, Hashable, Sendable, Codable { case top, bottom }

    public var maxPerMinute: Int
    public var occurrence: Occurrence
    public var minContext: ContextLevel
    public var position: ScreenPosition
    public var minDisplay: TimeLength

    public init(maxPerMinute: Int, occurrence: Occurrence, minContext: ContextLevel, position: ScreenPosition, minDisplay: TimeLength) {
        self.maxPerMinute = maxPerMinute
        self.occurrence = occurrence
        self.minContext = minContext
        self.position = position
        self.minDisplay = minDisplay
    }
}

/// Terms a region's audience is sensitive to, with why and how much.
public struct SensitiveTerm: Hashable, Sendable {
    public var terms: [String]
    public var reason: String
    public var severity: Sensitivity.Severity
    public init(terms: [String], reason: String, severity: Sensitivity.Severity) {
        self.terms = terms
        self.reason = reason
        self.severity = severity
    }
}

/// A published source a profile's figures come from.
public struct Citation: Hashable, Sendable {
    public var title: String
    public var url: String?
    /// False when the exact page address was not confirmed.
    public var checked: Bool
    public init(title: String, url: String?, checked: Bool) {
        self.title = title
        self.url = url
        self.checked = checked
    }
}
