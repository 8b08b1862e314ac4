import Annotate
import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// An in-process benchmark: audit a series pair (split into episodes) for several regions on one thread.
///
/// Timed in thread CPU time, so other processes on a shared machine do not count. Call from an executable
/// built with `-c release` (`locctl-bench audit`).
public enum AuditBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var episodes: Int
        public var cues: Int
        public var regions: Int
        public var symbols: Int
        public var findings: Int
        /// Building the source matcher and one region context (target matcher) per region.
        public var setupSeconds: Double
        /// Source analysis once per episode, then every episode audited for every region and combined.
        public var auditSeconds: Double
        public var totalSeconds: Double { setupSeconds + auditSeconds }

        public var description: String {
            String(format: "audit: %d episodes (%d target cues) × %d regions, %d symbols: setup %.0f ms, audit %.0f ms, total %.0f ms (thread CPU), %d findings",
                   episodes, cues, regions, symbols, setupSeconds * 1000, auditSeconds * 1000, totalSeconds * 1000, findings)
        }
    }

    /// Splits a continuous track into `count` episodes of consecutive cues.
    public static func split(_ track: Track, into count: Int) -> [Track] {
        let n = track.cues.count
        let size = max(1, (n + count - 1) / count)
        return stride(from: 0, to: n, by: size).map { start in
            var t = track
            t.cues = Array(track.cues[start..<min(n, start + size)])
            return t
        }
    }

    /// Symbols for the benchmark corpus: one per term (Chinese headword), with an English rendering where
    /// `renderings` has one and a synthetic one otherwise; a few deprecated renderings and drafts.
    public static func symbols(terms: [String], renderings: [String: String] = coreRenderings) -> [Symbol] {
        terms.enumerated().map { i, term in
            let english = renderings[term] ?? "Bench Term \(i)"
            return Symbol(id: "bench-\(i)", category: .value, context: .medium,
                          forms: Forms(simplified: [term], pinyin: ["bench pinyin \(i)"]),
                          gloss: ["en": "Synthetic gloss \(i)."],
                          renderings: ["en": Renderings(preferred: [english], deprecated: i % 7 == 0 ? ["Deprecated \(i)"] : [])],
                          analogies: i % 3 == 0 ? ["anglo-american": ["en": "Like something familiar."]] : [:],
                          status: i % 5 == 0 ? .draft : .reviewed)
        }
    }

    /// English renderings of the generator's core terms (as `gen_corpus.py` writes them).
    public static let coreRenderings: [String: String] = [
        "中秋节": "Mid-Autumn Festival", "嫦娥": "Chang'e", "侠义": "chivalry", "端午节": "Dragon Boat Festival",
        "粽子": "zongzi", "春节": "Spring Festival", "饺子": "dumplings", "红包": "red envelope", "孝顺": "filial piety",
        "面子": "face", "赘婿": "live-in son-in-law", "霸总": "domineering CEO", "重生": "rebirth", "穿越": "time travel",
        "江湖": "jianghu", "月饼": "mooncakes", "团圆": "reunion", "龙王": "Dragon King", "三星堆": "Sanxingdui",
        "飞天": "Flying Apsaras", "敦煌": "Dunhuang", "孙悟空": "Sun Wukong", "花果山": "Mount Huaguo",
        "破釜沉舟": "burning our boats", "卧薪尝胆": "enduring hardship for revenge", "守株待兔": "waiting for a windfall",
    ]

    /// Audits `episodes` pairs for every region on the calling thread.
    public static func run(sources: [Track], targets: [Track], regions: [RegionProfile], symbols: [Symbol],
                           options: AuditOptions = AuditOptions()) -> Result {
        let setupStart = threadCPUSeconds()
        let sourceMatcher = SymbolMatcher(symbols: symbols, options: .chinese)
        let auditors = regions.map { TrackAuditor(context: RegionAuditContext(region: $0, symbols: symbols, options: options),
                                                  sourceMatcher: sourceMatcher) }
        let setup = threadCPUSeconds() - setupStart

        let auditStart = threadCPUSeconds()
        let analyses = sources.map { SourceAnalysis(track: $0, matcher: sourceMatcher) }
        var findings = 0
        for auditor in auditors {
            var results: [EpisodeResult] = []
            for (i, target) in targets.enumerated() {
                let input = EpisodeInput(episode: String(format: "ep%02d", i + 1), target: target, targetFile: "ep\(i + 1).en.srt",
                                         source: sources[i], sourceFile: "ep\(i + 1).zh.srt")
                results.append(auditor.audit(input, sourceAnalysis: analyses[i]))
            }
            findings += SeriesAudit.combine(results, context: auditor.context).findings.count
        }
        let audit = threadCPUSeconds() - auditStart
        return Result(episodes: targets.count, cues: targets.reduce(0) { $0 + $1.cues.count }, regions: regions.count,
                      symbols: symbols.count, findings: findings, setupSeconds: setup, auditSeconds: audit)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
