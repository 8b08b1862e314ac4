/// Matches an aligned pair of cues, the Chinese source and its translation, each side evidence for the other.
///
/// - The target side also searches `aligned-only` renderings (everyday words such as "boss" or "New Year");
///   such a match is kept only where the source cue holds the same symbol.
/// - A target cue holding a rendering of a symbol raises that symbol's sense score in the source; a target
///   cue in which the symbol is absent lowers it (穿越 translated "cross" is not the time-travel trope).
public struct AlignedSymbolMatcher: Sendable {
    /// Log-odds added to a source sense model when the target holds a rendering of the symbol.
    public static let presentLogOdds = 2.0
    /// Log-odds added when the target holds only an `aligned-only` rendering of it.
    public static let alignedOnlyLogOdds = 1.0
    /// Log-odds added when the target cue holds no rendering of the symbol at all.
    public static let absentLogOdds = -1.5

    public let source: SymbolMatcher
    public let target: SymbolMatcher

    /// - Parameters:
    ///   - source: a Chinese matcher.
    ///   - targetLanguage: the translation's language or region tag.
    public init(symbols: [Symbol], targetLanguage: String, senses: SenseModels? = nil) {
        let models = senses ?? MatcherSnapshots.shared.senseModels(for: symbols) ?? SenseModelTrainer().train(symbols)
        source = SymbolMatcher(symbols: symbols, options: .chinese, senses: models)
        var options = SymbolMatcher.Options.forTrack(language: targetLanguage)
        options.alignedOnlyTerms = .marked
        target = SymbolMatcher(symbols: symbols, options: options, senses: models)
    }

    /// The matches of both cues.
    public struct Pair: Hashable, Sendable {
        public var source: MatchAnalysis
        public var target: [SymbolMatch]
    }

    /// Matches `source` and `target` (the same line in two languages) with each as evidence for the other.
    public func matches(source sourceText: String, target targetText: String) -> Pair {
        let targetMatches = target.matches(in: targetText)
        var evidence: [String: SenseEvidence] = [:]
        for match in targetMatches {
            let strength = match.isAlignedOnly ? Self.alignedOnlyLogOdds : Self.presentLogOdds
            if (evidence[match.symbolID]?.logOdds ?? -.infinity) < strength {
                evidence[match.symbolID] = SenseEvidence(logOdds: strength,
                                                         name: match.isAlignedOnly ? "aligned:aligned-only" : "aligned:rendering")
            }
        }
        let absent = SenseEvidence(logOdds: Self.absentLogOdds, name: "aligned:absent")
        let analysis = source.analyse(sourceText, evidence: evidence, defaultEvidence: targetText.isEmpty ? nil : absent)
        let held = Set(analysis.matches.map(\.symbolID))
        return Pair(source: analysis, target: targetMatches.filter { !$0.isAlignedOnly || held.contains($0.symbolID) })
    }
}
