import Localize
import Regions
import Subtitles
import SymbolDB

/// Coverage: symbols that occur in the episode but lack a gloss in the region's language, an analogy for
/// its frames or renderings for its language, or are drafts. Once per symbol and episode (and series).
enum CoverageRules {
    static func check(_ scan: EpisodeScan, into findings: inout [Finding]) {
        let context = scan.context
        for occurrence in SymbolOccurrences.collect(scan) {
            guard let symbol = context.symbols[occurrence.symbolID] else { continue }
            for gap in Coverage.gaps(of: symbol, in: context) {
                findings.append(scan.finding(gap.rule, at: occurrence.location, message: gap.message,
                                             text: occurrence.text, expected: gap.expected, symbol: symbol.id))
            }
        }
    }
}

/// What a region's view of the glossary lacks for one symbol; shared by the track and glossary audits.
public enum Coverage {
    public struct Gap: Hashable, Sendable {
        public var rule: AuditRule
        public var message: String
        public var expected: String?
    }

    /// The coverage gaps of `symbol` for the context's region.
    public static func gaps(of symbol: Symbol, in context: RegionAuditContext) -> [Gap] {
        let region = context.region
        var gaps: [Gap] = []
        if (symbol.gloss[region.language] ?? "").isEmpty {
            gaps.append(Gap(rule: AuditRules.coverageNoGloss,
                            message: "\(symbol.id) has no gloss in '\(region.language)' for \(region.tag)",
                            expected: "gloss.\(region.language)"))
        }
        if !region.frames.isEmpty && !region.frames.contains(where: { !(symbol.analogies[$0] ?? [:]).isEmpty }) {
            gaps.append(Gap(rule: AuditRules.coverageNoAnalogy,
                            message: "\(symbol.id) has no analogy for \(region.tag)'s frames (\(region.frames.joined(separator: ", ")))",
                            expected: "analogies." + region.frames[0]))
        }
        if (context.renderings(of: symbol)?.preferred ?? []).isEmpty {
            gaps.append(Gap(rule: AuditRules.coverageNoRendering,
                            message: "\(symbol.id) has no preferred rendering for '\(region.tag)' or '\(region.language)'",
                            expected: "renderings.\(region.language).preferred"))
        }
        if symbol.status == .draft {
            gaps.append(Gap(rule: AuditRules.coverageDraft, message: "\(symbol.id) is still a draft", expected: "status: reviewed"))
        }
        return gaps
    }
}
