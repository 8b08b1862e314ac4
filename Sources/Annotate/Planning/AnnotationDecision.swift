import Localize
import Regions
import Subtitles
import SymbolDB

/// What the planner did with one occurrence, and why.
public struct AnnotationDecision: Hashable, Sendable {
    public enum Outcome: Hashable, Sendable {
        /// Shown from the start of its cue.
        case shown(TimeSpan)
        /// Shown later than its cue start (`from`), after a higher-ranked note on screen.
        case deferred(from: Timestamp, to: TimeSpan)
        /// Not shown.
        case dropped(DropReason)
    }

    public var occurrence: SymbolOccurrence
    public var outcome: Outcome

    public init(occurrence: SymbolOccurrence, outcome: Outcome) {
        self.occurrence = occurrence
        self.outcome = outcome
    }

    public var isShown: Bool {
        if case .dropped = outcome { return false }
        return true
    }
}

/// Why an occurrence got no note.
public enum DropReason: Hashable, Sendable, CustomStringConvertible {
    /// The symbol id is not in the database.
    case unknownSymbol
    /// The entry is a draft and only reviewed entries were asked for (`--reviewed-only`).
    case draft
    /// The symbol needs less context than the region's minimum.
    case contextBelowMinimum(ContextLevel, minimum: ContextLevel)
    /// The region's viewers share the culture (the entry's `shared-by` lists the region).
    case sharedCulture(region: String)
    /// The symbol already has a note: earlier in this episode (`episode` nil) or in an earlier episode.
    case duplicate(firstAt: Timestamp, episode: String?)
    /// The symbol has no gloss in any language of the fallback chain.
    case noGloss
    /// A 60-second window already holds the region's maximum of higher-ranked notes.
    case density(maxPerMinute: Int)
    /// A higher-ranked note is on screen and the note could not be deferred within its scene.
    case overlap(symbolID: String, until: Timestamp)
    /// Not even the gloss-only card can be read before the episode ends.
    case episodeEnd(Timestamp)

    /// A short machine-readable code (used in JSON explanations).
    public var code: String {
        switch self {
        case .unknownSymbol: return "unknown-symbol"
        case .draft: return "draft"
        case .contextBelowMinimum: return "context-below-minimum"
        case .sharedCulture: return "shared-culture"
        case .duplicate: return "duplicate"
        case .noGloss: return "no-gloss"
        case .density: return "density"
        case .overlap: return "overlap"
        case .episodeEnd: return "episode-end"
        }
    }

    public var description: String {
        switch self {
        case .unknownSymbol: return "unknown symbol"
        case .draft: return "draft entry (--reviewed-only)"
        case let .contextBelowMinimum(level, minimum): return "context \(level.rawValue) below the region's minimum \(minimum.rawValue)"
        case let .sharedCulture(region): return "\(region) shares this culture (shared-by)"
        case let .duplicate(at, episode?): return "duplicate: already noted in \(episode) at \(at)"
        case let .duplicate(at, nil): return "duplicate: already noted at \(at)"
        case .noGloss: return "no gloss in the region's languages"
        case let .density(max): return "density: \(max) notes per minute already"
        case let .overlap(id, until): return "overlap with higher-priority note \(id) (until \(until)), no room within the scene"
        case let .episodeEnd(end): return "the card cannot be read before the episode ends at \(end)"
        }
    }
}

/// Which symbols already have a note in a series, carried from episode to episode in order.
public struct AnnotationHistory: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public var episode: String
        public var at: Timestamp
    }

    public private(set) var noted: [String: Entry] = [:]

    public init() {}

    public func contains(_ symbolID: String) -> Bool { noted[symbolID] != nil }

    mutating func record(_ symbolID: String, episode: String, at: Timestamp) {
        if noted[symbolID] == nil { noted[symbolID] = Entry(episode: episode, at: at) }
    }
}
