import Localize
import Regions
import Subtitles
import SymbolDB

/// What the glossary lacks for each region: glosses in its language, analogies for its frames, renderings,
/// reviews, and which symbols it flags as sensitive there.
public enum GlossaryAudit {
    /// A kind of gap, one column of the coverage summary.
    public enum Gap: String, Hashable, Sendable, CaseIterable, Codable {
        /// No gloss in the region's own language (the fallback language does not count).
        case noGloss = "no-gloss"
        /// No analogy for any of the region's frames.
        case noAnalogy = "no-analogy"
        /// No preferred rendering for the region's tag or language.
        case noRendering = "no-rendering"
        /// Still a draft.
        case draft
        /// Flagged sensitive for the region (by tag or language).
        case sensitive

        public var title: String {
            switch self {
            case .noGloss: return "no gloss"
            case .noAnalogy: return "no analogy"
            case .noRendering: return "no rendering"
            case .draft: return "draft"
            case .sensitive: return "sensitive"
            }
        }
    }

    /// One symbol's gap for one region.
    public struct Entry: Hashable, Sendable {
        public var symbolID: String
        public var headword: String
        public var gap: Gap
        /// How much the gap matters (the coverage rule's severity; the glossary's for sensitivity).
        public var severity: FindingSeverity
        public var detail: String
    }

    /// The audit of one region.
    public struct RegionResult: Hashable, Sendable {
        public var region: String
        public var language: String
        public var frames: [String]
        public var symbolCount: Int
        /// Entries by symbol (source order), then gap.
        public var entries: [Entry]

        /// Number of symbols with `gap`.
        public func count(_ gap: Gap) -> Int { entries.lazy.filter { $0.gap == gap }.count }

        /// Share of the symbols with `gap`, 0…100.
        public func percent(_ gap: Gap) -> Double {
            symbolCount == 0 ? 0 : Double(count(gap)) * 100 / Double(symbolCount)
        }
    }

    public struct Report: Sendable {
        public var regions: [RegionResult]
        public var symbolCount: Int
        /// Whether any region has any gap.
        public var hasGaps: Bool { regions.contains { !$0.entries.isEmpty } }
        /// The most severe gap's severity, nil without gaps.
        public var highestSeverity: FindingSeverity? { regions.flatMap(\.entries).map(\.severity).max() }
    }

    public static func run(symbols: [Symbol], regions: [RegionProfile]) -> Report {
        let results = regions.map { region -> RegionResult in
            let context = RegionAuditContext(region: region, symbols: [], options: AuditOptions())
            var entries: [Entry] = []
            for symbol in symbols {
                let head = symbol.forms.simplified.first ?? symbol.id
                for gap in Coverage.gaps(of: symbol, in: context) {
                    let kind: Gap
                    switch gap.rule.id {
                    case AuditRules.coverageNoGloss.id: kind = .noGloss
                    case AuditRules.coverageNoAnalogy.id: kind = .noAnalogy
                    case AuditRules.coverageNoRendering.id: kind = .noRendering
                    default: kind = .draft
                    }
                    entries.append(Entry(symbolID: symbol.id, headword: head, gap: kind, severity: gap.rule.defaultSeverity, detail: gap.message))
                }
                if let note = context.sensitivity(of: symbol) {
                    entries.append(Entry(symbolID: symbol.id, headword: head, gap: .sensitive, severity: FindingSeverity(note.severity),
                                         detail: "\(note.severity.rawValue): \(note.note)"))
                }
            }
            return RegionResult(region: region.tag, language: region.language, frames: region.frames,
                                symbolCount: symbols.count, entries: entries)
        }
        return Report(regions: results, symbolCount: symbols.count)
    }
}
