import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

/// Localize and audit judge a rendering by the one resolution (`RegionProfile.renderings(of:)`): a term the
/// language lists as preferred but the region overrides is admitted for both, never replaced nor flagged.
@Suite struct SharedVerdictTests {
    static let symbol = Symbol(
        id: "mid-autumn-test", category: .festival, context: .high,
        forms: Forms(simplified: ["中秋节"], traditional: ["中秋節"], pinyin: ["Zhongqiu Jie"]),
        gloss: ["en": "Harvest-moon festival."],
        renderings: ["en": Renderings(preferred: ["Moon Festival"], deprecated: ["Mooncake Festival"]),
                     "en-GB": Renderings(preferred: ["Mid-Autumn Festival"])],
        status: .reviewed)

    static func region(_ tag: String) -> RegionProfile {
        var profile = AuditFixtures.region
        profile.tag = tag
        return profile
    }

    static func track(_ text: String) throws -> Track {
        Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 3000), text: text)])
    }

    static func verdicts(_ text: String, region tag: String) throws -> (localizeChanged: Bool, auditRules: [String]) {
        let region = region(tag)
        let source = try track("中秋节快乐！")
        let target = try track(text)
        let localized = try Localizer(region: region, symbols: [symbol], steps: ["glossary"]).run(target, source: source)
        let auditor = TrackAuditor(region: region, symbols: [symbol], options: AuditOptions())
        let result = auditor.audit(EpisodeInput(episode: "ep01", target: target, targetFile: "ep01.en.srt",
                                                source: source, sourceFile: "ep01.zh.srt"))
        let rules = result.findings.map(\.rule).filter { $0.hasPrefix("glossary.") }
        return (localized.track.cues[0].text.plainText != text, rules)
    }

    @Test func regionOverrideLeavesTheLanguageTermAdmittedForBoth() throws {
        #expect(Self.region("en-GB").renderings(of: Self.symbol)?.status(of: "Moon Festival") == .admitted)
        let (changed, rules) = try Self.verdicts("Happy Moon Festival!", region: "en-GB")
        #expect(!changed)
        #expect(!rules.contains("glossary.deprecated") && !rules.contains("glossary.not-preferred"))
    }

    @Test func deprecatedTermIsReplacedByLocalizeAndFlaggedByAudit() throws {
        let (changed, rules) = try Self.verdicts("Happy Mooncake Festival!", region: "en-GB")
        #expect(changed)
        #expect(rules.contains("glossary.deprecated"))
    }
}
