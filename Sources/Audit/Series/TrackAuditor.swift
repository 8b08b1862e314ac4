import Localize
import Regions
import Subtitles
import SymbolDB

/// Audits episodes for one region: glossary consistency, sensitivity, coverage and subtitle QC.
///
/// Build one per region and reuse it for every episode; it is `Sendable` and may be shared by threads.
/// Every pass is linear in the number of cues (the alignment is one sweep over both tracks).
public struct TrackAuditor: Sendable {
    public let context: RegionAuditContext
    /// Chinese forms, for source tracks (independent of the region).
    public let sourceMatcher: SymbolMatcher

    public init(region: RegionProfile, symbols: [Symbol], options: AuditOptions = AuditOptions()) {
        self.init(context: RegionAuditContext(region: region, symbols: symbols, options: options),
                  sourceMatcher: SymbolMatcher(symbols: symbols, options: .chinese))
    }

    /// Shares a source matcher between the auditors of several regions.
    public init(context: RegionAuditContext, sourceMatcher: SymbolMatcher) {
        self.context = context
        self.sourceMatcher = sourceMatcher
    }

    /// Audits one episode. Pass `sourceAnalysis` when the same source is audited for several regions.
    public func audit(_ input: EpisodeInput, sourceAnalysis: SourceAnalysis? = nil) -> EpisodeResult {
        audit(input, sourceAnalysis: sourceAnalysis, qcStore: nil)
    }

    /// Audits one episode; with `qcStore`, the per-cue QC findings (most of a big track's) go to the store as
    /// they are found, and the result holds only the others (those the series combines).
    public func audit(_ input: EpisodeInput, sourceAnalysis: SourceAnalysis? = nil, qcStore: FindingStore?) -> EpisodeResult {
        let analysis = input.source.map { sourceAnalysis ?? SourceAnalysis(cues: $0, matcher: sourceMatcher) }
        let scan = EpisodeScan(input: input, context: context, source: analysis)
        var findings: [Finding] = []
        let renderings = GlossaryRules.check(scan, into: &findings)
        SensitivityRules.check(scan, into: &findings)
        CoverageRules.check(scan, into: &findings)
        var qc = FindingBuffer(store: qcStore)
        QCRules.check(scan, into: &qc)
        qc.flush()
        findings += qc.findings
        findings.sort(by: Finding.reportOrder)
        return EpisodeResult(episode: input.episode, file: input.targetFile, sourceFile: input.sourceFile,
                             cueCount: input.target.cues.count, findings: findings, firstRenderings: renderings)
    }
}

/// What auditing one episode found.
public struct EpisodeResult: Sendable {
    public var episode: String
    public var file: String
    public var sourceFile: String?
    public var cueCount: Int
    public var findings: [Finding]
    /// For each symbol and source form rendered in the episode, its first preferred or admitted rendering
    /// (for series consistency), keyed by ``RenderingUse/consistencyKey``.
    public var firstRenderings: [String: RenderingUse]

    public init(episode: String, file: String, sourceFile: String?, cueCount: Int, findings: [Finding],
                firstRenderings: [String: RenderingUse] = [:]) {
        self.episode = episode
        self.file = file
        self.sourceFile = sourceFile
        self.cueCount = cueCount
        self.findings = findings
        self.firstRenderings = firstRenderings
    }
}

/// Where a symbol was first rendered, and with which glossary term.
public struct RenderingUse: Hashable, Sendable {
    public var symbolID: String
    /// The Chinese form in the aligned source (empty without a source): 孝顺 and 不孝 are rendered differently.
    public var sourceForm: String
    /// The glossary term (as listed) that matched.
    public var form: String
    /// The text as written in the cue.
    public var matchedText: String
    public var location: FindingLocation

    /// Consistency is judged per symbol and source form.
    public var consistencyKey: String { symbolID + "\u{0}" + sourceForm }
}
