import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// One episode's tracks: the Chinese source, a translated track, or both.
public struct EpisodeTracks: Sendable {
    /// Episode name used in output file names (`ep01`).
    public var name: String
    public var source: Track?
    public var target: Track?
    /// Language of `target` (`en`, `es-419` …), for its matcher.
    public var targetLanguage: String?

    public init(name: String, source: Track?, target: Track?, targetLanguage: String? = nil) {
        self.name = name
        self.source = source
        self.target = target
        self.targetLanguage = targetLanguage ?? target?.language
    }

    /// When the episode ends: the latest cue end of its tracks (notes are clipped to it).
    public var end: Timestamp? {
        ((source?.cues ?? []) + (target?.cues ?? [])).map(\.end).max()
    }
}

/// Detection → planning → rendering for episodes, series and regions; what `locctl annotate` runs.
///
/// Build once per run: it compiles the matchers (one for Chinese, one per target language).
public struct Annotator: Sendable {
    public let symbolsByID: [String: Symbol]
    public let options: AnnotationPlanner.Options
    private let source: SymbolMatcher
    private let targets: [String: SymbolMatcher]
    private let readers: [String: TargetRenderingReader]

    public init(symbols: [Symbol], targetLanguages: Set<String> = [], options: AnnotationPlanner.Options = .init()) {
        symbolsByID = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
        source = SymbolMatcher(symbols: symbols, options: .chinese)
        var targets: [String: SymbolMatcher] = [:]
        var readers: [String: TargetRenderingReader] = [:]
        for lang in targetLanguages {
            targets[lang] = SymbolMatcher(symbols: symbols, options: .forTrack(language: lang))
            if !LanguageTag.isChinese(lang) { readers[lang] = TargetRenderingReader(symbols: symbols, language: lang) }
        }
        self.targets = targets
        self.readers = readers
    }

    /// Every occurrence in the episode (source and target merged per source cue).
    public func occurrences(_ episode: EpisodeTracks) -> [SymbolOccurrence] {
        let target = episode.targetLanguage.flatMap { targets[$0] }
        let reader = episode.targetLanguage.flatMap { readers[$0] }
        let detector = SymbolDetector(sourceMatcher: source, targetMatcher: target, renderingReader: reader)
        return detector.occurrences(source: episode.source, target: target == nil ? nil : episode.target)
    }

    public func planner(for region: RegionProfile) -> AnnotationPlanner {
        AnnotationPlanner(region: region, symbolsByID: symbolsByID, options: options)
    }

    /// Plans a series for one region, episodes in order, carrying the history (used by the `series` policy).
    public func plan(series: [(episode: String, occurrences: [SymbolOccurrence])], region: RegionProfile) -> [AnnotationPlan] {
        plan(series: series.map { ($0.episode, $0.occurrences, nil) }, region: region)
    }

    /// Plans a series whose episodes end at `end` (no note runs past it).
    public func plan(series: [(episode: String, occurrences: [SymbolOccurrence], end: Timestamp?)], region: RegionProfile) -> [AnnotationPlan] {
        let planner = planner(for: region)
        var history = AnnotationHistory()
        return series.map { planner.plan(episode: $0.episode, occurrences: $0.occurrences, history: &history, end: $0.end) }
    }

    /// Plans one episode for one region, clipped to the episode's end.
    public func plan(_ episode: EpisodeTracks, region: RegionProfile) -> AnnotationPlan {
        planner(for: region).plan(episode: episode.name, occurrences: occurrences(episode), end: episode.end)
    }

    /// Renders one plan in the given formats.
    public static func render(_ plan: AnnotationPlan, formats: [NoteFormat]) throws -> [(format: NoteFormat, text: String)] {
        try formats.map { ($0, try $0.emitter.render(plan)) }
    }
}
