import Regions
import Subtitles
import SymbolDB

/// One transformation of `locctl localize`: a pure function from a track to a track plus what it did.
public protocol LocalizeStep: Sendable {
    /// Name used with `--steps` and in reports (`glossary`, `script`, `wrap`, `timing`, `bidi`).
    var name: String { get }
    func apply(_ track: Track, in context: LocalizeContext) -> StepResult
}

/// What every step may consult.
public struct LocalizeContext: Sendable {
    public var region: RegionProfile
    public var orientation: Orientation
    /// The Chinese source track, aligned by time, when given.
    public var source: Track?
    /// The symbol matcher built once per process (nil when no glossary is loaded).
    public var matcher: SymbolMatcher?
    /// Symbols by id, for renderings and glosses.
    public var symbols: [String: Symbol]
    /// Frame rate for frame-based limits: the track's, else the region default.
    public var frameRate: FrameRate

    public init(region: RegionProfile, orientation: Orientation = .vertical, source: Track? = nil,
                matcher: SymbolMatcher? = nil, symbols: [String: Symbol] = [:], frameRate: FrameRate? = nil) {
        self.region = region
        self.orientation = orientation
        self.source = source
        self.matcher = matcher
        self.symbols = symbols
        self.frameRate = frameRate ?? region.limits.frameRate
    }

    public var lineLimits: LineLimits { region.limits.lines(for: orientation) }
}

/// A step's output track and its change log.
public struct StepResult: Sendable {
    public var track: Track
    public var changes: [Change]
    public init(track: Track, changes: [Change] = []) {
        self.track = track
        self.changes = changes
    }
}

/// One entry of the change report.
public struct Change: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable {
        /// The step changed the cue.
        case changed
        /// The cue breaks a limit the step could not fix.
        case unfixable
        /// The step found something it would not guess about (reported, not changed).
        case ambiguous
    }

    public var step: String
    public var kind: Kind
    /// Cue id when the cue has one, else its 1-based position.
    public var cue: String
    public var start: Timestamp
    public var reason: String
    public var before: String?
    public var after: String?

    public init(step: String, kind: Kind, cue: String, start: Timestamp, reason: String, before: String? = nil, after: String? = nil) {
        self.step = step
        self.kind = kind
        self.cue = cue
        self.start = start
        self.reason = reason
        self.before = before
        self.after = after
    }
}

extension Track {
    /// The label reports use for cue `index`: its id, else its 1-based position.
    public func cueLabel(_ index: Int) -> String { cues[index].id ?? String(index + 1) }
}
