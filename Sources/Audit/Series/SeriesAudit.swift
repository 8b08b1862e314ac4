import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB

/// Combines episode results into one report: series-wide rendering consistency, and coverage findings
/// once per symbol for the whole series (at its first episode).
public enum SeriesAudit {
    public static func combine(_ episodes: [EpisodeResult], context: RegionAuditContext) -> AuditReport {
        let (files, findings) = combined(episodes, context: context)
        return AuditReport(region: context.region.tag, orientation: context.options.orientation.rawValue, files: files, findings: findings)
    }

    /// Combines episode results into `store` (which may already hold their QC findings, see
    /// ``TrackAuditor/audit(_:sourceAnalysis:qcStore:)``) and returns the audited files, in series order.
    public static func combine(_ episodes: [EpisodeResult], context: RegionAuditContext, into store: FindingStore) -> [AuditReport.AuditedFile] {
        let (files, findings) = combined(episodes, context: context)
        store.append(contentsOf: findings)
        return files
    }

    static func combined(_ episodes: [EpisodeResult], context: RegionAuditContext) -> ([AuditReport.AuditedFile], [Finding]) {
        let ordered = episodes.sorted { EpisodeNaming.naturalOrder($0.episode, $1.episode) }
        var findings: [Finding] = []
        var coverageSeen = Set<String>()
        var seriesRendering: [String: (use: RenderingUse, episode: String)] = [:]
        for episode in ordered {
            for finding in episode.findings {
                if finding.rule.hasPrefix("coverage."), let symbol = finding.symbolID {
                    if !coverageSeen.insert(finding.rule + "\u{0}" + symbol).inserted { continue }
                }
                findings.append(finding)
            }
            for (key, use) in episode.firstRenderings.sorted(by: { $0.key < $1.key }) {
                let symbolID = use.symbolID
                guard let established = seriesRendering[key] else {
                    seriesRendering[key] = (use, episode.episode)
                    continue
                }
                guard let symbol = context.symbols[symbolID], let renderings = context.renderings(of: symbol),
                      GlossaryRules.isInconsistent(established.use.form, use.form, symbol: symbol, renderings, context.judge.matcher) else { continue }
                let preferred = context.symbols[symbolID].flatMap { context.renderings(of: $0)?.preferred.first }
                findings.append(Finding(
                    rule: AuditRules.glossaryInconsistent.id, severity: AuditRules.glossaryInconsistent.defaultSeverity,
                    episode: episode.episode, location: use.location,
                    message: "\(symbolID) is rendered '\(use.matchedText)' in \(episode.episode) but '\(established.use.matchedText)' in \(established.episode) (series)",
                    text: use.matchedText, expected: established.use.form,
                    fix: "Use one rendering across the series: '\(preferred ?? established.use.form)'.", symbolID: symbolID))
            }
        }
        let files = ordered.map { AuditReport.AuditedFile(episode: $0.episode, file: $0.file, sourceFile: $0.sourceFile, cueCount: $0.cueCount) }
        return (files, findings)
    }
}
