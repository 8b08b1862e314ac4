import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// Everything an audit for one region needs, built once and shared by every episode (and thread).
public struct RegionAuditContext: Sendable {
    public let region: RegionProfile
    public let options: AuditOptions
    /// Symbols by id.
    let symbols: [String: Symbol]
    /// Pinyin and the region language's renderings (all statuses).
    let targetMatcher: SymbolMatcher
    /// Rendering keys, most specific first (`zh-Hant-TW`, `zh-Hant`, `zh`).
    let renderingKeys: [String]
    /// Whether Chinese characters in the target are a finding (not for Chinese or Japanese targets).
    let flagsHan: Bool
    let sensitiveTerms: SensitiveTermScanner
    /// Tolerant judgment of renderings in the region's language.
    let judge: RenderingJudge

    public init(region: RegionProfile, symbols: [Symbol], options: AuditOptions = AuditOptions()) {
        self.region = region
        self.options = options
        var byID: [String: Symbol] = [:]
        for symbol in symbols { byID[symbol.id] = symbol }
        self.symbols = byID
        // Aligned-only renderings are searched and marked; EpisodeScan keeps them where the aligned source holds the symbol.
        var matcherOptions = SymbolMatcher.Options.target(language: region.tag)
        matcherOptions.alignedOnlyTerms = .marked
        targetMatcher = SymbolMatcher(symbols: symbols, options: matcherOptions)
        renderingKeys = region.renderingKeys
        flagsHan = !(region.isChinese || LanguageTag.primarySubtag(region.language) == "ja")
        sensitiveTerms = SensitiveTermScanner(region.sensitiveTerms)
        judge = RenderingJudge(language: region.language)
    }

    /// The symbol's renderings for the region: the most specific key with a preferred term wins; admitted
    /// and deprecated terms are gathered from every key of the chain.
    func renderings(of symbol: Symbol) -> ResolvedRenderings? { region.renderings(of: symbol) }

    /// The glossary's sensitivity note for this region (by tag, then language).
    func sensitivity(of symbol: Symbol) -> Sensitivity? {
        for key in renderingKeys {
            if let s = symbol.sensitivity.first(where: { $0.key.lowercased() == key.lowercased() })?.value { return s }
        }
        return nil
    }

    /// The frame rate the minimum gap is counted in for `track`.
    func frameRate(for track: Track) -> FrameRate {
        options.frameRate ?? track.frameRate ?? region.limits.frameRate
    }
}
