import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB

/// Symbols, a region and track pairs shared by the audit tests.
enum AuditFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func symbol(_ id: String, _ zh: [String], pinyin: [String] = [], gloss: [String: String] = ["en": "A gloss."],
                       en: Renderings? = nil, analogies: [String: [String: String]] = ["anglo-american": ["en": "Like something."]],
                       status: ReviewStatus = .reviewed, sensitivity: [String: Sensitivity] = [:]) -> Symbol {
        Symbol(id: id, category: .value, context: .high, forms: Forms(simplified: zh, pinyin: pinyin), gloss: gloss,
               renderings: en.map { ["en": $0] } ?? [:], analogies: analogies, status: status, sensitivity: sensitivity)
    }

    static let symbols: [Symbol] = [
        symbol("mid-autumn-festival", ["中秋节", "中秋"], pinyin: ["Zhōngqiū Jié", "Zhongqiu Jie", "Zhongqiu"],
               en: Renderings(preferred: ["Mid-Autumn Festival"], admitted: ["Moon Festival"], deprecated: ["Mooncake Festival"])),
        symbol("chang-e", ["嫦娥"], pinyin: ["Cháng'é", "Chang'e"], en: Renderings(preferred: ["Chang'e"]),
               analogies: ["greco-roman": ["en": "Like Selene."]]),
        symbol("son-in-law", ["赘婿"], pinyin: ["zhuìxù", "zhuixu"], en: Renderings(preferred: ["son-in-law"])),
        symbol("kowtow", ["磕头"], pinyin: ["kētóu", "ketou"], en: Renderings(preferred: ["kowtow"]),
               sensitivity: ["en-US": Sensitivity(severity: .warning, note: "Do not play the bow for laughs.")]),
        symbol("jianghu", ["江湖"], pinyin: ["jiānghú", "jianghu"], gloss: ["fr": "Le monde des arts martiaux."],
               en: Renderings(preferred: ["jianghu"])),
        symbol("face", ["面子"], pinyin: ["miànzi", "mianzi"], en: Renderings(preferred: ["face"]), analogies: [:]),
        symbol("xiayi", ["侠义"], pinyin: ["xiáyì", "xiayi"]),
        symbol("dragon-king", ["龙王"], pinyin: ["Lóngwáng", "Longwang"], en: Renderings(preferred: ["Dragon King"]), status: .draft),
    ]

    /// An en-US-like profile: 25 × 3 vertical, 42 × 2 landscape, 20 cps, 833–7000 ms, 2 frames at 30 fps.
    static let region = RegionProfile(
        tag: "en-US", name: "English (test)", language: "en", script: "Latn", direction: .ltr, glossLanguages: ["en"],
        frames: ["anglo-american", "greco-roman"],
        limits: SubtitleLimits(vertical: LineLimits(maxCharsPerLine: 25, maxLines: 3), landscape: LineLimits(maxCharsPerLine: 42, maxLines: 2),
                               maxCharsPerSecond: 20, charCounting: .full, minDuration: TimeLength(milliseconds: 833),
                               maxDuration: TimeLength(milliseconds: 7000), minGapFrames: 2, frameRate: .fps30, lineBalance: .bottomHeavy),
        annotation: AnnotationPolicy(maxPerMinute: 3, occurrence: .episode, minContext: .medium, position: .top,
                                     minDisplay: TimeLength(milliseconds: 2500)),
        sensitiveTerms: [SensitiveTerm(terms: ["Oriental", "Chinaman"], reason: "Dated ethnic label; use 'Asian'.", severity: .error),
                         SensitiveTerm(terms: ["kung fu master"], reason: "Cliché.", severity: .info)])

    /// A Thai-like profile for coverage: language `th`, frames theravada-thai.
    static var thai: RegionProfile {
        var r = region
        r.tag = "th-TH"
        r.language = "th"
        r.glossLanguages = ["th", "en"]
        r.frames = ["theravada-thai"]
        r.sensitiveTerms = []
        return r
    }

    /// Reads a fixture pair into an episode input (with cue lines, as the CLI does).
    static func episode(_ name: String, episode: String? = nil) throws -> EpisodeInput {
        let target = try load("\(name).en.srt")
        let source = try load("\(name).zh.srt")
        return EpisodeInput(episode: episode ?? name, target: target.track, targetFile: "\(name).en.srt", targetLines: target.lines,
                            source: source.track, sourceFile: "\(name).zh.srt", sourceLines: source.lines)
    }

    static func load(_ file: String) throws -> (track: Track, lines: [Int]?) {
        let url = directory.appendingPathComponent(file)
        let data = try Data(contentsOf: url)
        let track = try SubtitleFile.decode(data, name: file).track
        return (track, CueLines.locate(in: String(decoding: data, as: UTF8.self), cueCount: track.cues.count))
    }

    /// The planted (cue number, rule) pairs written by `make_fixtures.py`.
    static func plantedExpectations() throws -> [(cue: String, rule: String)] {
        let text = try String(contentsOf: directory.appendingPathComponent("planted.expected.tsv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let parts = line.split(separator: "\t")
            return (String(parts[0]), String(parts[1]))
        }
    }

    static func audit(_ name: String, region: RegionProfile = region, options: AuditOptions = AuditOptions()) throws -> AuditReport {
        let auditor = TrackAuditor(region: region, symbols: symbols, options: options)
        return SeriesAudit.combine([auditor.audit(try episode(name))], context: auditor.context)
    }
}
