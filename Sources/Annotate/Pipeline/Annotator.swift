import Localize
import Regions
import Subtitles
import SymbolDB

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
}

/// Detection → planning → rendering for episodes, series and regions; what `locctl annotate` runs.
///
/// Build once per run: it compiles the matchers (one for Chinese, one per target language).
public struct Annotator: Sendable {
    public let symbolsByID: [String: Symbol]
    public let options: AnnotationPlanner.Options
    private let source: SymbolMatcher
    private let targets: [String: SymbolMatcher]

    public init(symbols: [Symbol], targetLanguages: Set<String> = [], options: AnnotationPlanner.Options = .init()) {
        symbolsByID = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.options = options
        source = SymbolMatcher(symbols: symbols, options: .chinese)
        var targets: [String: SymbolMatcher] = [:]
        for lang in targetLanguages { targets[lang] = SymbolMatcher(symbols: symbols, options: .forTrack(language: lang)) }
        self.targets = targets
    }

    /// Every occurrence in the episode (source and target merged per source cue).
    public func occurrences(_ episode: EpisodeTracks) -> [SymbolOccurrence] {
        let target = episode.targetLanguage.flatMap { targets[$0] }
        let detector = SymbolDetector(sourceMatcher: source, targetMatcher: target)
        return detector.occurrences(source: episode.source, target: target == nil ? nil : episode.target)
    }

    public func planner(for region: RegionProfile) -> AnnotationPlanner {
        AnnotationPlanner(region: region, symbolsByID: symbolsByID, options: options)
    }

    /// Plans a series for one region, episodes in order, carrying the history (used by the `series` policy).
    public func plan(series: [(episode: String, occurrences: [SymbolOccurrence])], region: RegionProfile) -> [AnnotationPlan] {
        let planner = planner(for: region)
        var history = AnnotationHistory()
        return series.map { planner.plan(episode: $0.episode, occurrences: $0.occurrences, history: &history) }
    }

    /// Renders one plan in the given formats.
    public static func render(_ plan: AnnotationPlan, formats: [NoteFormat]) throws -> [(format: NoteFormat, text: String)] {
        try formats.map { ($0, try $0.emitter.render(plan)) }
    }
}
